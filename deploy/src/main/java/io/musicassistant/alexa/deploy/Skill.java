package io.musicassistant.alexa.deploy;

import java.nio.file.Path;
import java.util.List;

/** The two skills, their packages in skill-package/ and the manifest APIs that take the endpoint. */
enum Skill {
    MUSIC("music", "music skill", List.of("/apis/music", Skill.EVENTS), false),
    CONTROL("control", "control skill", List.of("/apis/custom", "/apis/smartHome", Skill.EVENTS), true);

    /** The skill events (enabled, linked, permission changes) go to the same Lambda. */
    static final String EVENTS = "/events";

    private final String folder;
    private final String title;
    private final List<String> endpointHolders;
    private final boolean voiceModels;

    Skill(String folder, String title, List<String> endpointHolders, boolean voiceModels) {
        this.folder = folder;
        this.title = title;
        this.endpointHolders = endpointHolders;
        this.voiceModels = voiceModels;
    }

    /** The folder name under skill-package/ and .deploy/&lt;stage&gt;/. */
    String folder() {
        return folder;
    }

    String title() {
        return title;
    }

    /** JSON pointers (within {@code manifest}) to the objects whose {@code endpoint} is the skill's Lambda. */
    List<String> endpointHolders() {
        return endpointHolders;
    }

    /** Whether it has interaction models (interactionModels/custom/&lt;locale&gt;.json). */
    boolean voiceModels() {
        return voiceModels;
    }

    Path source(Path root) {
        return root.resolve("skill-package").resolve(folder);
    }
}
