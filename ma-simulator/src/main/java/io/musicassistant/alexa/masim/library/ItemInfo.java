package io.musicassistant.alexa.masim.library;

import java.time.Instant;
import java.util.List;

/**
 * The fields every library item shares. Timestamps and counters are fixed values from the seed so
 * that ordering by them is repeatable.
 */
public record ItemInfo(
        String itemId,
        String name,
        String version,
        String sortName,
        List<ExternalId> externalIds,
        List<ProviderMapping> providerMappings,
        List<Image> images,
        boolean favorite,
        Instant dateAdded,
        Instant dateModified,
        int playCount,
        long lastPlayed,
        List<Integer> genreIds,
        String description) {

    public ItemInfo {
        externalIds = List.copyOf(externalIds);
        providerMappings = List.copyOf(providerMappings);
        images = List.copyOf(images);
        genreIds = List.copyOf(genreIds);
    }
}
