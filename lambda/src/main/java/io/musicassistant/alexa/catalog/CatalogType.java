package io.musicassistant.alexa.catalog;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.util.Locale;

/**
 * Amazon's six music catalog types, one per kind of content a home exports, in the order the build
 * uploads them: entities referenced by others (artists, then albums) go first.
 */
public enum CatalogType {
    ARTISTS(ContentKind.ARTIST, "AMAZON.MusicGroup"),
    ALBUMS(ContentKind.ALBUM, "AMAZON.MusicAlbum"),
    TRACKS(ContentKind.TRACK, "AMAZON.MusicRecording"),
    PLAYLISTS(ContentKind.PLAYLIST, "AMAZON.MusicPlaylist"),
    GENRES(ContentKind.GENRE, "AMAZON.Genre"),
    STATIONS(ContentKind.RADIO, "AMAZON.BroadcastChannel");

    private final ContentKind kind;
    private final String amazonType;

    CatalogType(ContentKind kind, String amazonType) {
        this.kind = kind;
        this.amazonType = amazonType;
    }

    public ContentKind kind() {
        return kind;
    }

    /** The catalog's {@code type}, e.g. {@code AMAZON.MusicAlbum}. */
    public String amazonType() {
        return amazonType;
    }

    /** The catalog's {@code usage}: Amazon refuses any other pairing of type and usage. */
    public String usage() {
        return "AlexaMusic.Catalog." + amazonType.substring("AMAZON.".length());
    }

    /** Lower-case name used in object keys and file names. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CatalogType of(ContentKind kind) {
        for (CatalogType type : values()) {
            if (type.kind == kind) {
                return type;
            }
        }
        throw new IllegalArgumentException("no catalog type for " + kind);
    }
}
