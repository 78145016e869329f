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
import io.musicassistant.alexa.masim.library.SortColumn;
import io.musicassistant.alexa.masim.library.Track;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * MA's {@code get_library_items_by_query} over the in-memory library: favorite/search/provider/
 * genre filters, {@code SORT_KEYS} ordering (unknown key → unsorted, {@code random*} → random
 * sample of {@code limit} items ignoring {@code offset}), then offset/limit as
 * {@code get_rows_from_query} appends them ({@code if limit:} — a limit of 0 adds no LIMIT and no
 * OFFSET, so it returns every row).
 *
 * <p>Paging is cheap, as an indexed SQLite query would be: the library keeps each sort order per
 * version, and the filtered, sorted rows of the last few distinct queries are kept here, so the
 * pages of one listing cost the page, not the library.
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

        /** Everything but the page: two pages of one listing share it. */
        Listing listing(MediaType type) {
            return new Listing(
                    type,
                    favorite,
                    search,
                    orderBy,
                    providers,
                    genres,
                    albumTypes,
                    albumArtistsOnly,
                    explicit,
                    hideEmptyGenres);
        }
    }

    private record Listing(
            MediaType type,
            Boolean favorite,
            String search,
            String orderBy,
            List<String> providers,
            List<Integer> genres,
            List<AlbumType> albumTypes,
            boolean albumArtistsOnly,
            Boolean explicit,
            boolean hideEmptyGenres) {}

    private record Rows(long version, List<MediaItem> items) {}

    private static final int KEPT_LISTINGS = 16;

    private final Library library;
    private final Map<Listing, Rows> listings = new LinkedHashMap<>(KEPT_LISTINGS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Listing, Rows> eldest) {
            return size() > KEPT_LISTINGS;
        }
    };

    LibraryQuery(Library library) {
        this.library = library;
    }

    List<MediaItem> run(MediaType type, Filter filter) {
        String orderBy = filter.orderBy();
        if (orderBy != null && orderBy.startsWith("random")) {
            List<MediaItem> shuffled = new ArrayList<>(searched(type, filter, filtered(filter, library.items(type))));
            Collections.shuffle(shuffled, ThreadLocalRandom.current());
            // the random subquery's own "LIMIT {limit}": 0 gives no rows, a negative limit all
            int size = filter.limit() < 0 ? shuffled.size() : Math.min(filter.limit(), shuffled.size());
            return List.copyOf(shuffled.subList(0, size));
        }
        List<MediaItem> rows = rows(type, filter);
        List<MediaItem> page = page(rows, filter.offset(), filter.limit());
        boolean plainSearch = filter.search() != null
                && !filter.search().isEmpty()
                && !filter.search().contains(" - ");
        if (type == MediaType.TRACK && plainSearch && page.size() < 25 && filter.offset() == 0) {
            // MA appends tracks whose artist matches the search (tracks.py library_items)
            page = appendArtistMatches(page, filtered(filter, base(type, filter.orderBy())), filter);
        }
        return page;
    }

    int count(MediaType type, boolean favoriteOnly, boolean albumArtistsOnly) {
        if (!favoriteOnly && !albumArtistsOnly) {
            return library.count(type);
        }
        int count = 0;
        for (MediaItem item : library.items(type)) {
            boolean counted = (!favoriteOnly || item.favorite())
                    && (!albumArtistsOnly
                            || !(item instanceof Artist a)
                            || !a.albumIds().isEmpty());
            if (counted) {
                count++;
            }
        }
        return count;
    }

    /** The filtered, sorted rows of a listing: from the kept ones while the library is unchanged. */
    private List<MediaItem> rows(MediaType type, Filter filter) {
        List<MediaItem> base = base(type, filter.orderBy());
        if (unfiltered(filter)) {
            return base;
        }
        long version = library.version();
        Listing listing = filter.listing(type);
        synchronized (listings) {
            Rows kept = listings.get(listing);
            if (kept != null && kept.version() == version) {
                return kept.items();
            }
        }
        List<MediaItem> rows = searched(type, filter, filtered(filter, base));
        synchronized (listings) {
            listings.put(listing, new Rows(version, rows));
        }
        return rows;
    }

    private static boolean unfiltered(Filter f) {
        return f.favorite() == null
                && (f.search() == null || f.search().isEmpty())
                && (f.providers() == null || f.providers().isEmpty())
                && f.genres() == null
                && f.albumTypes() == null
                && !f.albumArtistsOnly()
                && f.explicit() == null
                && !f.hideEmptyGenres();
    }

    /** Every item of the type in the listing's order (id order when MA adds no ORDER BY). */
    private List<MediaItem> base(MediaType type, String orderBy) {
        if (orderBy == null) {
            return library.items(type);
        }
        boolean descending = orderBy.endsWith("_desc");
        String key = descending ? orderBy.substring(0, orderBy.length() - "_desc".length()) : orderBy;
        SortColumn column = switch (key) {
            case "name" -> SortColumn.NAME;
            case "sort_name" -> SortColumn.SORT_NAME;
            case "timestamp_added" -> SortColumn.TIMESTAMP_ADDED;
            case "timestamp_modified" -> SortColumn.TIMESTAMP_MODIFIED;
            case "last_played" -> SortColumn.LAST_PLAYED;
            case "play_count" -> SortColumn.PLAY_COUNT;
            case "year" -> column(type == MediaType.ALBUM, "year", SortColumn.YEAR);
            case "duration" -> column(type == MediaType.TRACK, "duration", SortColumn.DURATION);
            case "position" -> column(false, "position", null);
            case "artist_name" ->
                switch (type) {
                    case ARTIST -> SortColumn.NAME;
                    case ALBUM, TRACK -> SortColumn.ARTIST_NAME;
                    default -> column(false, "artists.search_name", null);
                };
            default -> null; // MA: a key not in SORT_KEYS adds no ORDER BY at all
        };
        return column == null ? library.items(type) : library.sorted(type, column, descending);
    }

    /** Sorting on a column the table lacks is an SQLite error in MA, reported as 999. */
    private static SortColumn column(boolean exists, String column, SortColumn sortColumn) {
        if (!exists) {
            throw MaError.builtin("no such column: " + column);
        }
        return sortColumn;
    }

    private List<MediaItem> filtered(Filter filter, List<MediaItem> items) {
        List<MediaItem> result = new ArrayList<>();
        for (MediaItem item : items) {
            if (matches(item, filter)) {
                result.add(item);
            }
        }
        return result;
    }

    private boolean matches(MediaItem item, Filter filter) {
        if (filter.favorite() != null && item.favorite() != filter.favorite()) {
            return false;
        }
        if (filter.providers() != null
                && !filter.providers().isEmpty()
                && item.providerMappings().stream()
                        .noneMatch(m -> filter.providers().contains(m.providerInstance()))) {
            return false;
        }
        if (filter.genres() != null
                && item.info().genreIds().stream()
                        // the genre mapping rows of a removed genre are gone with it
                        .noneMatch(id -> filter.genres().contains(id)
                                && library.genre(String.valueOf(id)).isPresent())) {
            return false;
        }
        if (filter.albumTypes() != null
                && item instanceof Album a
                && !filter.albumTypes().contains(a.albumType())) {
            return false;
        }
        if (filter.albumArtistsOnly()
                && item instanceof Artist a
                && a.albumIds().isEmpty()) {
            return false;
        }
        if (filter.explicit() != null && item instanceof Track t && t.explicit() != filter.explicit()) {
            return false;
        }
        return !(filter.hideEmptyGenres() && item instanceof Genre g && !library.genreHasMedia(g));
    }

    /** {@code search_name LIKE %create_safe_string(search)%}; tracks also take "Artist - Title". */
    private List<MediaItem> searched(MediaType type, Filter filter, List<MediaItem> items) {
        String search = filter.search();
        if (search == null || search.isEmpty()) {
            return items;
        }
        if (type == MediaType.TRACK && search.contains(" - ")) {
            return artistTitleSearch(items, search);
        }
        String needle = Names.safe(search, true);
        List<MediaItem> result = new ArrayList<>();
        for (MediaItem item : items) {
            if (library.searchName(item).contains(needle)) {
                result.add(item);
            }
        }
        return result;
    }

    private List<MediaItem> artistTitleSearch(List<MediaItem> items, String search) {
        String[] parts = search.split(" - ", 2);
        String artistNeedle = Names.safe(parts[0], true);
        String titleNeedle = Names.safe(parts[1], true);
        List<MediaItem> result = new ArrayList<>();
        for (MediaItem item : items) {
            if (library.searchName(item).contains(titleNeedle) && artistMatches((Track) item, artistNeedle)) {
                result.add(item);
            }
        }
        return result;
    }

    private boolean artistMatches(Track track, String needle) {
        for (Artist artist : library.artistsOf(track.artistIds())) {
            if (library.searchName(artist).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private List<MediaItem> appendArtistMatches(List<MediaItem> page, List<MediaItem> candidates, Filter filter) {
        String needle = Names.safe(filter.search(), true);
        Set<MediaItem> result = new LinkedHashSet<>(page);
        List<MediaItem> byArtist = new ArrayList<>();
        for (MediaItem candidate : candidates) {
            if (artistMatches((Track) candidate, needle)) {
                byArtist.add(candidate);
            }
        }
        result.addAll(page(byArtist, 0, filter.limit()));
        return List.copyOf(result);
    }

    /**
     * SQLite {@code LIMIT limit OFFSET offset}, appended only {@code if limit:}: 0 returns every
     * row (offset ignored), a negative limit means no limit.
     */
    private static List<MediaItem> page(List<MediaItem> items, int offset, int limit) {
        if (limit == 0) {
            return items;
        }
        int from = Math.min(Math.max(0, offset), items.size());
        int to = limit < 0 ? items.size() : (int) Math.min((long) from + limit, items.size());
        return items.subList(from, to);
    }
}
