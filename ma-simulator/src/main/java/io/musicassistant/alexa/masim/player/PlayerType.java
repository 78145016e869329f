package io.musicassistant.alexa.masim.player;

import java.util.Locale;

/** MA's {@code PlayerType}. */
public enum PlayerType {
    PLAYER,
    STEREO_PAIR,
    GROUP,
    PROTOCOL,
    UNKNOWN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlayerType parse(String value) {
        for (PlayerType type : values()) {
            if (type.value().equals(value)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
