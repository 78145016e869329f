package io.musicassistant.alexa.control.voice;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/** Every intent the voice model answers, keyed by its name in the interaction models. */
public final class VoiceIntentRegistry {

    private final Map<String, VoiceIntentHandler> handlers = new LinkedHashMap<>();

    /** Adds a handler for each intent it declares; refuses it whole when another handler has one of them. */
    public VoiceIntentRegistry register(VoiceIntentHandler handler) {
        for (String intent : handler.intents()) {
            VoiceIntentHandler other = handlers.get(intent);
            if (other != null) {
                throw new IllegalStateException(
                        "two handlers for " + intent + ": " + other.getClass().getSimpleName() + " and "
                                + handler.getClass().getSimpleName());
            }
        }
        handler.intents().forEach(intent -> handlers.put(intent, handler));
        return this;
    }

    public Optional<VoiceIntentHandler> find(String intent) {
        return Optional.ofNullable(handlers.get(intent));
    }

    /** Intent → its handler: what every interaction model must declare, checked by a test. */
    public Map<String, VoiceIntentHandler> byIntent() {
        return Collections.unmodifiableMap(handlers);
    }

    /** Each handler once, in the order registered: what the ASK SDK is given. */
    public Collection<VoiceIntentHandler> handlers() {
        return new LinkedHashSet<>(handlers.values());
    }
}
