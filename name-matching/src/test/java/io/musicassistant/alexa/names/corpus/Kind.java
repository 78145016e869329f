package io.musicassistant.alexa.names.corpus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a spoken name asks for: Music Assistant's media types plus the rooms (player names). */
public enum Kind {
    ARTIST,
    ALBUM,
    TRACK,
    PLAYLIST,
    RADIO,
    ROOM;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Kind of(String label) {
        return Labels.find(values(), Kind::label, label, "kind");
    }
}
