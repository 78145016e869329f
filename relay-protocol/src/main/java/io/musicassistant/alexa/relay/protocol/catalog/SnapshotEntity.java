package io.musicassistant.alexa.relay.protocol.catalog;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.util.List;

/**
 * One line of a home's library snapshot: an item of the home's Music Assistant library as the voice
 * catalogs need it (docs/catalogs.md). Written by the connector, read by the catalog build; the build
 * trusts none of it (it re-derives every id from kind, name and artist and drops what does not match).
 *
 * @param kind artist, album, track, playlist, genre or radio
 * @param id the item's content id, {@code ContentId.of(kind, name, artist).encode()}
 * @param name the item's name as Music Assistant shows it (a track without its version)
 * @param altNames other ways people say the name ("Beatles" for "The Beatles"); may be empty
 * @param artistId the artist's content id, for albums and tracks; else null
 * @param artist the artist's name, for albums and tracks; else null
 * @param albumId the album's content id, for tracks that have one; else null
 * @param album the album's name, for tracks that have one; else null
 * @param favorite the user marked it a favourite in Music Assistant
 * @param plays how often it was played (Music Assistant's play count), capped at {@link CatalogSnapshot#MAX_PLAYS}
 * @param lastPlayedDays whole days since it was last played, or null if never (coarse on purpose)
 */
public record SnapshotEntity(
        ContentKind kind,
        String id,
        String name,
        List<String> altNames,
        String artistId,
        String artist,
        String albumId,
        String album,
        boolean favorite,
        int plays,
        Integer lastPlayedDays) {

    public SnapshotEntity {
        altNames = altNames == null ? List.of() : List.copyOf(altNames);
    }
}
