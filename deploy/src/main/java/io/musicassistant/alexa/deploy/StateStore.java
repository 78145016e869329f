package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes a stage's {@link DeployState}; a write replaces the file whole or not at all. */
final class StateStore {

    private final Path file;

    StateStore(Path file) {
        this.file = file;
    }

    static StateStore forStage(Host host, String stage) {
        return new StateStore(host.deployDir().resolve(stage + ".json"));
    }

    Path file() {
        return file;
    }

    DeployState load() throws IOException {
        if (!Files.exists(file)) {
            return DeployState.empty();
        }
        return Manifests.JSON.readValue(file.toFile(), DeployState.class);
    }

    void save(DeployState state) throws IOException {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Manifests.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValue(next.toFile(), state);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
