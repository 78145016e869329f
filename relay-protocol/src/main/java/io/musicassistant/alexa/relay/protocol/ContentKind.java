package io.musicassistant.alexa.relay.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a piece of playable content is, in the relay's own words. */
public enum ContentKind {
    TRACK,
    ALBUM,
    ARTIST,
    PLAYLIST,
    GENRE,
    RADIO,
    /** The user's whole library, shuffled: "play music on Music Assistant". */
    LIBRARY,
    /**
     * An Echo device's own Music Assistant player (issue 16): the catalog names it after the Echo
     * ("kitchen echo"), and playing it plays that player's Music Assistant queue through the
     * {@code echo.queue} command. Never searched and never resolved by {@code content.resolve}.
     */
    ECHO,
    /** Whatever the name matches best (artist, playlist, album, track, station, genre): spoken free text. */
    ANY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ContentKind fromWire(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProtocolException("unknown content kind");
        }
    }
}
