package io.musicassistant.alexa.masim.player;

import java.util.Locale;

/** MA's {@code RepeatMode}; unknown strings are accepted as {@code unknown}, as MA does. */
public enum RepeatMode {
    OFF,
    ONE,
    ALL,
    UNKNOWN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RepeatMode parse(String value) {
        for (RepeatMode mode : values()) {
            if (mode.value().equals(value)) {
                return mode;
            }
        }
        return UNKNOWN;
    }
}
