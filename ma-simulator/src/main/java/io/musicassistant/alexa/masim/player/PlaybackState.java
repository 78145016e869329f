package io.musicassistant.alexa.masim.player;

import java.util.Locale;

/** MA's {@code PlaybackState} (alias {@code PlayerState}). */
public enum PlaybackState {
    IDLE,
    PAUSED,
    PLAYING,
    UNKNOWN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlaybackState parse(String value) {
        for (PlaybackState state : values()) {
            if (state.value().equals(value)) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
