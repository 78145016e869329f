package io.musicassistant.alexa.music.model;

import java.util.Map;

/**
 * A queue or item control. Alexa treats any control whose state is not stated as disabled, so
 * every answer lists all of them.
 */
public record Control(String type, String name, boolean enabled, Boolean selected, Map<String, String> value) {

    public static Control command(String name, boolean enabled) {
        return new Control("COMMAND", name, enabled, null, null);
    }

    public static Control adjust(String name, boolean enabled) {
        return new Control("ADJUST", name, enabled, null, null);
    }

    public static Control toggle(String name, boolean enabled, boolean selected) {
        return new Control("TOGGLE", name, enabled, selected, null);
    }

    /** Observed in real traffic: REPEAT is a CYCLE control carrying {@code value.status}. */
    public static Control cycle(String name, boolean enabled, String status) {
        return new Control("CYCLE", name, enabled, null, Map.of("status", status));
    }
}
