package io.musicassistant.alexa.catalog;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.util.List;

/**
 * One entity as the merge of all homes' snapshots ranked it: the name most homes use, their
 * alternates, references to kept artists and albums, and what the ranking was made of.
 *
 * @param rank 1 for the entity most homes hold, within its kind
 */
public record MergedEntity(
        ContentKind kind,
        String id,
        String name,
        List<String> altNames,
        String artistId,
        String artist,
        String albumId,
        String album,
        long homes,
        long favorites,
        long plays,
        long recent,
        double score,
        long rank) {

    public MergedEntity {
        altNames = altNames == null ? List.of() : List.copyOf(altNames);
    }
}
