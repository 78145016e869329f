package io.musicassistant.alexa.masim.player;

import java.util.Locale;

/** MA's {@code QueueOption}: how {@code play_media} enqueues. */
public enum QueueOption {
    PLAY,
    REPLACE,
    NEXT,
    REPLACE_NEXT,
    ADD,
    UNKNOWN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QueueOption parse(String value) {
        for (QueueOption option : values()) {
            if (option.value().equals(value)) {
                return option;
            }
        }
        return UNKNOWN;
    }
}
