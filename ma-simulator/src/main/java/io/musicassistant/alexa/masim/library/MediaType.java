package io.musicassistant.alexa.masim.library;

import java.util.List;
import java.util.Locale;

/** MA's {@code MediaType} values the simulator knows about; unknown strings map to {@link #UNKNOWN}. */
public enum MediaType {
    ARTIST,
    ALBUM,
    TRACK,
    PLAYLIST,
    RADIO,
    AUDIOBOOK,
    PODCAST,
    PODCAST_EPISODE,
    FOLDER,
    GENRE,
    UNKNOWN;

    /** {@code MediaType.ALL} in MA: what a search covers when no types are given. */
    public static final List<MediaType> ALL = List.of(ARTIST, ALBUM, TRACK, PLAYLIST, RADIO, AUDIOBOOK, PODCAST, GENRE);

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Like MA's enums: an unrecognised value becomes {@code unknown} instead of failing. */
    public static MediaType parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        for (MediaType type : values()) {
            if (type.value().equals(value)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
