package io.musicassistant.alexa.music;

import io.musicassistant.alexa.alexa.DirectiveName;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every directive the music skill answers, keyed by (namespace, name). */
public final class MusicDirectiveRegistry {

    private final Map<DirectiveName, MusicDirectiveHandler> handlers = new LinkedHashMap<>();

    public MusicDirectiveRegistry register(MusicDirectiveHandler handler) {
        if (handlers.putIfAbsent(handler.directive(), handler) != null) {
            throw new IllegalStateException("two handlers for " + handler.directive());
        }
        return this;
    }

    public Optional<MusicDirectiveHandler> find(DirectiveName name) {
        return Optional.ofNullable(handlers.get(name));
    }

    /** Every handler by the directive it declared (the "where is" table of lambda/README.md is checked against it). */
    public Map<DirectiveName, MusicDirectiveHandler> handlers() {
        return Collections.unmodifiableMap(handlers);
    }

    /** What the skill manifest must declare; checked against skill-package/ by a test. */
    public Collection<DirectiveName> directives() {
        return handlers.keySet();
    }
}
