package io.musicassistant.alexa.masim.library;

import java.util.Locale;

/** MA's {@code AlbumType}. */
public enum AlbumType {
    ALBUM,
    SINGLE,
    LIVE,
    SOUNDTRACK,
    COMPILATION,
    EP,
    UNKNOWN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlbumType parse(String value) {
        for (AlbumType type : values()) {
            if (type.value().equals(value)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
