package io.musicassistant.alexa.masim.api;

import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.AlbumType;
import io.musicassistant.alexa.masim.library.Artist;
import io.musicassistant.alexa.masim.library.Genre;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.MediaType;
import io.musicassistant.alexa.masim.library.Names;
import io.musicassistant.alexa.masim.library.Track;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * MA's {@code get_library_items_by_query} over the in-memory library: favorite/search/provider/
 * genre filters, {@code SORT_KEYS} ordering (unknown key → unsorted, {@code random*} → random
 * sample of {@code limit} items ignoring {@code offset}), then offset/limit.
 */
final class LibraryQuery {

    /** The filters of {@code library_items}; null means "not filtered". */
    record Filter(
            Boolean favorite,
            String search,
            int limit,
            int offset,
            String orderBy,
            List<String> providers,
            List<Integer> genres,
            List<AlbumType> albumTypes,
            boolean albumArtistsOnly,
            Boolean explicit,
            boolean hideEmptyGenres) {
    }

    private final Library library;

    LibraryQuery(Library library) {
        this.library = library;
    }

    List<MediaItem> run(MediaType type, Filter filter) {
        List<MediaItem> items = filtered(type, filter);
        if (filter.search() != null && !filter.search().isEmpty()) {
            String search = filter.search();
            if (type == MediaType.TRACK && search.contains(" - ")) {
                items = artistTitleSearch(items, search);
            } else {
                String needle = Names.safe(search, true);
                items = items.stream().filter(i -> Names.safe(i.name(), true).contains(needle)).toList();
            }
        }
        String orderBy = filter.orderBy();
        if (orderBy != null && orderBy.startsWith("random")) {
            List<MediaItem> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, ThreadLocalRandom.current());
            return limit(shuffled, 0, filter.limit());
        }
        List<MediaItem> sorted = sort(type, items, orderBy);
        List<MediaItem> page = limit(sorted, filter.offset(), filter.limit());
        boolean plainSearch = filter.search() != null && !filter.search().isEmpty()
                && !filter.search().contains(" - ");
        if (type == MediaType.TRACK && plainSearch && page.size() < 25 && filter.offset() == 0) {
            // MA appends tracks whose artist matches the search (tracks.py library_items)
            page = appendArtistMatches(page, filtered(type, filter), filter);
        }
        return page;
    }

    int count(MediaType type, boolean favoriteOnly, boolean albumArtistsOnly) {
        return (int) library.items(type).stream()
                .filter(i -> !favoriteOnly || i.favorite())
                .filter(i -> !albumArtistsOnly || !(i instanceof Artist a) || !a.albumIds().isEmpty())
                .count();
    }

    private List<MediaItem> filtered(MediaType type, Filter filter) {
        return library.items(type).stream()
                .filter(i -> filter.favorite() == null || i.favorite() == filter.favorite())
                .filter(i -> filter.providers() == null || filter.providers().isEmpty()
                        || i.providerMappings().stream().anyMatch(m -> filter.providers().contains(m.providerInstance())))
                .filter(i -> filter.genres() == null
                        || i.info().genreIds().stream().anyMatch(filter.genres()::contains))
                .filter(i -> filter.albumTypes() == null || !(i instanceof Album a)
                        || filter.albumTypes().contains(a.albumType()))
                .filter(i -> !filter.albumArtistsOnly() || !(i instanceof Artist a) || !a.albumIds().isEmpty())
                .filter(i -> filter.explicit() == null || !(i instanceof Track t) || t.explicit() == filter.explicit())
                .filter(i -> !filter.hideEmptyGenres() || !(i instanceof Genre g) || library.genreHasMedia(g))
                .toList();
    }

    private List<MediaItem> artistTitleSearch(List<MediaItem> items, String search) {
        String[] parts = search.split(" - ", 2);
        String artistNeedle = Names.safe(parts[0], true);
        String titleNeedle = Names.safe(parts[1], true);
        return items.stream()
                .filter(i -> Names.safe(i.name(), true).contains(titleNeedle))
                .filter(i -> library.artistsOf(((Track) i).artistIds()).stream()
                        .anyMatch(a -> Names.safe(a.name(), true).contains(artistNeedle)))
                .toList();
    }

    private List<MediaItem> appendArtistMatches(List<MediaItem> page, List<MediaItem> candidates, Filter filter) {
        String needle = Names.safe(filter.search(), true);
        Set<MediaItem> result = new LinkedHashSet<>(page);
        List<MediaItem> byArtist = candidates.stream()
                .filter(i -> library.artistsOf(((Track) i).artistIds()).stream()
                        .anyMatch(a -> Names.safe(a.name(), true).contains(needle)))
                .toList();
        result.addAll(limit(sort(MediaType.TRACK, byArtist, filter.orderBy()), 0, filter.limit()));
        return List.copyOf(result);
    }

    private List<MediaItem> sort(MediaType type, List<MediaItem> items, String orderBy) {
        if (orderBy == null) {
            return items;
        }
        boolean descending = orderBy.endsWith("_desc");
        String key = descending ? orderBy.substring(0, orderBy.length() - "_desc".length()) : orderBy;
        Comparator<MediaItem> comparator = switch (key) {
            case "name" -> Comparator.comparing(i -> Names.safe(i.name(), true));
            case "sort_name" -> Comparator.comparing(i -> Names.safe(i.sortName(), true));
            case "timestamp_added" -> Comparator.comparing(i -> i.info().dateAdded());
            case "timestamp_modified" -> Comparator.comparing(i -> i.info().dateModified());
            case "last_played" -> Comparator.comparingLong(i -> i.info().lastPlayed());
            case "play_count" -> Comparator.comparingInt(i -> i.info().playCount());
            case "year" -> column(type == MediaType.ALBUM, "year", i -> ((Album) i).year());
            case "duration" -> column(type == MediaType.TRACK, "duration", i -> ((Track) i).duration());
            case "position" -> column(false, "position", i -> 0);
            case "artist_name" -> artistNameOrder(type);
            default -> null; // MA: a key not in SORT_KEYS adds no ORDER BY at all
        };
        if (comparator == null) {
            return items;
        }
        List<MediaItem> sorted = new ArrayList<>(items);
        sorted.sort(descending ? comparator.reversed() : comparator);
        return sorted;
    }

    /** Sorting on a column the table lacks is an SQLite error in MA, reported as 999. */
    private static Comparator<MediaItem> column(boolean exists, String column, Function<MediaItem, Integer> value) {
        if (!exists) {
            throw MaError.builtin("no such column: " + column);
        }
        return Comparator.comparing(value);
    }

    private Comparator<MediaItem> artistNameOrder(MediaType type) {
        return switch (type) {
            case ARTIST -> Comparator.comparing(i -> Names.safe(i.name(), true));
            case ALBUM -> Comparator.comparing(i -> firstArtistName(((Album) i).artistIds()));
            case TRACK -> Comparator.comparing(i -> firstArtistName(((Track) i).artistIds()));
            default -> throw MaError.builtin("no such column: artists.search_name");
        };
    }

    private String firstArtistName(List<String> artistIds) {
        return Names.safe(library.artistsOf(artistIds).get(0).name(), true);
    }

    /** SQLite LIMIT/OFFSET: a negative limit means no limit. */
    private static List<MediaItem> limit(List<MediaItem> items, int offset, int limit) {
        int from = Math.min(Math.max(0, offset), items.size());
        int to = limit < 0 ? items.size() : (int) Math.min((long) from + limit, items.size());
        return List.copyOf(items.subList(from, to));
    }
}
