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

    /** Renamed; the sort name follows the new name as MA's models derive it ({@code create_sort_name}). */
    public ItemInfo withName(String newName) {
        return new ItemInfo(
                itemId,
                newName,
                version,
                Names.sortName(newName),
                externalIds,
                providerMappings,
                images,
                favorite,
                dateAdded,
                dateModified,
                playCount,
                lastPlayed,
                genreIds,
                description);
    }

    public ItemInfo withSortName(String newSortName) {
        return new ItemInfo(
                itemId,
                name,
                version,
                newSortName,
                externalIds,
                providerMappings,
                images,
                favorite,
                dateAdded,
                dateModified,
                playCount,
                lastPlayed,
                genreIds,
                description);
    }

    public ItemInfo withVersion(String newVersion) {
        return new ItemInfo(
                itemId,
                name,
                newVersion,
                sortName,
                externalIds,
                providerMappings,
                images,
                favorite,
                dateAdded,
                dateModified,
                playCount,
                lastPlayed,
                genreIds,
                description);
    }

    public ItemInfo withFavorite(boolean newFavorite) {
        return new ItemInfo(
                itemId,
                name,
                version,
                sortName,
                externalIds,
                providerMappings,
                images,
                newFavorite,
                dateAdded,
                dateModified,
                playCount,
                lastPlayed,
                genreIds,
                description);
    }

    public ItemInfo withDateModified(Instant newDateModified) {
        return new ItemInfo(
                itemId,
                name,
                version,
                sortName,
                externalIds,
                providerMappings,
                images,
                favorite,
                dateAdded,
                newDateModified,
                playCount,
                lastPlayed,
                genreIds,
                description);
    }
}
