package io.musicassistant.alexa.masim.library;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simulator's music library: MA's library database in memory. Tests use it to find the ids
 * and names they assert on; the command handlers use it as MA's database.
 *
 * <p>Each simulator owns an editable copy ({@link #fresh()}, {@link #generated(int, long)}); only
 * {@link LibraryEditor} changes it, the way MA's media controllers change their tables. Reads
 * never lock: every table is a concurrent map in id order (MA's {@code GROUP BY item_id} order),
 * and derived views (lists, sort orders, indexes) are memoised per {@link #version()}, so paging
 * a 50,000-track library costs one sort per change, not one per page.
 */
public final class Library {

    private static final String SEED = "/io/musicassistant/alexa/masim/seed/library.txt";
    private static final List<MediaType> TYPES = List.of(
            MediaType.GENRE, MediaType.ARTIST, MediaType.ALBUM, MediaType.TRACK, MediaType.PLAYLIST, MediaType.RADIO);
    private static volatile Library seed;
    private static volatile SoftReference<Generated> lastGenerated = new SoftReference<>(null);

    /**
     * One row of a table: the item plus MA's precomputed {@code search_name} and
     * {@code search_sort_name} columns ({@code create_safe_string(name, True, True)}).
     */
    record Row(MediaItem item, String searchName, String searchSortName) {

        static Row of(MediaItem item) {
            String searchName = Names.safe(item.name(), true);
            String sortName = item.sortName() == null ? "" : item.sortName();
            String searchSortName = Names.safe(sortName, true);
            // equal strings share one instance: most sort names differ only in the article
            return new Row(item, searchName, searchSortName.equals(searchName) ? searchName : searchSortName);
        }
    }

    private record Memo(long version, Object value) {}

    private record Generated(int tracks, long seed, Library library) {}

    private final boolean frozen;
    private final List<ProviderInstance> providers;
    private final List<PlayedEntry> playlog;
    private final Map<MediaType, ConcurrentSkipListMap<Integer, Row>> tables = new EnumMap<>(MediaType.class);
    // SQLite AUTOINCREMENT: ids are never reused, also after deletions
    private final Map<MediaType, AtomicLong> lastIds = new EnumMap<>(MediaType.class);
    // provider item id → lowest library id holding a mapping with it; verified on use
    private final Map<MediaType, ConcurrentHashMap<String, Integer>> byProviderItemId = new EnumMap<>(MediaType.class);
    private final Map<String, Image> imagesByProxyId = new ConcurrentHashMap<>();
    private final Map<String, Image> imagesByProviderPath = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final Map<Object, Memo> memos = new ConcurrentHashMap<>();

    private Library(List<ProviderInstance> providers, List<PlayedEntry> playlog, boolean frozen) {
        this.providers = List.copyOf(providers);
        this.playlog = List.copyOf(playlog);
        this.frozen = frozen;
        for (MediaType type : TYPES) {
            tables.put(type, new ConcurrentSkipListMap<>());
            lastIds.put(type, new AtomicLong());
            byProviderItemId.put(type, new ConcurrentHashMap<>());
        }
    }

    /** What {@link LibraryLoader} parsed from the seed file. */
    Library(
            List<ProviderInstance> providers,
            List<Genre> genres,
            List<Artist> artists,
            List<Album> albums,
            List<Track> tracks,
            List<Playlist> playlists,
            List<Radio> radios,
            List<PlayedEntry> playlog) {
        this(providers, playlog, false);
        for (List<? extends MediaItem> items : List.of(genres, artists, albums, tracks, playlists, radios)) {
            items.forEach(this::put);
        }
    }

    /** The shared, read-only seed library: for looking up names and ids; simulators use copies. */
    public static Library seed() {
        Library current = seed;
        if (current == null) {
            synchronized (Library.class) {
                current = seed;
                if (current == null) {
                    current = LibraryLoader.load(SEED).copy(true);
                    seed = current;
                }
            }
        }
        return current;
    }

    /** An editable copy of the seed library (27 artists, 50 albums, 544 tracks …). */
    public static Library fresh() {
        return seed().copy(false);
    }

    /**
     * An editable library of exactly {@code tracks} tracks: the seed library plus deterministic
     * generated artists, albums, tracks, genres, playlists and radios ({@link LibraryGenerator}).
     * The same arguments always give the same library. The last one generated is kept (softly),
     * so simulators started with the same arguments share the generation work.
     */
    public static synchronized Library generated(int tracks, long generatorSeed) {
        Generated last = lastGenerated.get();
        if (last == null || last.tracks() != tracks || last.seed() != generatorSeed) {
            Library built = seed().copy(false);
            LibraryGenerator.extend(built, tracks, generatorSeed);
            // never handed out itself: every simulator gets its own copy of it
            last = new Generated(tracks, generatorSeed, built);
            lastGenerated = new SoftReference<>(last);
        }
        return last.library().copy(false);
    }

    /** A copy sharing the immutable rows; {@code frozen} copies refuse every change. */
    Library copy(boolean frozenCopy) {
        Library copy = new Library(providers, playlog, frozenCopy);
        for (MediaType type : TYPES) {
            copy.tables.get(type).putAll(tables.get(type));
            copy.lastIds.get(type).set(lastIds.get(type).get());
            copy.byProviderItemId.get(type).putAll(byProviderItemId.get(type));
        }
        copy.imagesByProxyId.putAll(imagesByProxyId);
        copy.imagesByProviderPath.putAll(imagesByProviderPath);
        return copy;
    }

    // ---------------------------------------------------------------- changes (LibraryEditor, loaders)

    /** Inserts or replaces an item (by type and id). */
    void put(MediaItem item) {
        checkEditable();
        Row row = Row.of(item);
        int id = item.id();
        Row previous = tables.get(item.mediaType()).put(id, row);
        lastIds.get(item.mediaType()).accumulateAndGet(id, Math::max);
        if (previous != null) {
            unindex(previous.item());
        }
        Map<String, Integer> index = byProviderItemId.get(item.mediaType());
        for (ProviderMapping mapping : item.providerMappings()) {
            index.merge(mapping.itemId(), id, Math::min);
        }
        for (Image image : item.info().images()) {
            imagesByProxyId.put(image.proxyId(), image);
            imagesByProviderPath.put(image.provider() + "\n" + image.path(), image);
        }
        version.incrementAndGet();
    }

    /** Deletes an item; empty when it was not there. */
    Optional<MediaItem> delete(MediaType type, int id) {
        checkEditable();
        Row removed = tables.get(type).remove(id);
        if (removed == null) {
            return Optional.empty();
        }
        unindex(removed.item());
        version.incrementAndGet();
        return Optional.of(removed.item());
    }

    /** The id MA's AUTOINCREMENT would give the next row of this table. */
    int nextId(MediaType type) {
        checkEditable();
        return Math.toIntExact(lastIds.get(type).incrementAndGet());
    }

    private void unindex(MediaItem item) {
        Map<String, Integer> index = byProviderItemId.get(item.mediaType());
        for (ProviderMapping mapping : item.providerMappings()) {
            index.remove(mapping.itemId(), item.id());
        }
    }

    private void checkEditable() {
        if (frozen) {
            throw new UnsupportedOperationException("the shared seed library is read-only; use Library.fresh()");
        }
    }

    /** Changes with every insert, replace or delete; memoised views are valid for one version. */
    public long version() {
        return version.get();
    }

    @SuppressWarnings("unchecked")
    private <T> T memo(Object key, Supplier<T> compute) {
        long current = version.get();
        Memo memo = memos.get(key);
        if (memo != null && memo.version() == current) {
            return (T) memo.value();
        }
        T value = compute.get();
        memos.put(key, new Memo(current, value));
        return value;
    }

    // ---------------------------------------------------------------- reading

    public List<ProviderInstance> providers() {
        return providers;
    }

    public List<Genre> genres() {
        return typed(MediaType.GENRE, Genre.class);
    }

    public List<Artist> artists() {
        return typed(MediaType.ARTIST, Artist.class);
    }

    public List<Album> albums() {
        return typed(MediaType.ALBUM, Album.class);
    }

    public List<Track> tracks() {
        return typed(MediaType.TRACK, Track.class);
    }

    public List<Playlist> playlists() {
        return typed(MediaType.PLAYLIST, Playlist.class);
    }

    public List<Radio> radios() {
        return typed(MediaType.RADIO, Radio.class);
    }

    @SuppressWarnings("unchecked")
    private <T extends MediaItem> List<T> typed(MediaType type, Class<T> cls) {
        return (List<T>) items(type);
    }

    /** The seeded playlog (who played what, before start-up). */
    public List<PlayedEntry> playlog() {
        return playlog;
    }

    /** All items of one type, in id order. Types the library does not hold give an empty list. */
    public List<MediaItem> items(MediaType type) {
        ConcurrentSkipListMap<Integer, Row> table = tables.get(type);
        if (table == null) {
            return List.of();
        }
        return memo(
                "items:" + type, () -> table.values().stream().map(Row::item).toList());
    }

    /** How many items of the type the library holds. */
    public int count(MediaType type) {
        ConcurrentSkipListMap<Integer, Row> table = tables.get(type);
        return table == null ? 0 : table.size();
    }

    public Optional<MediaItem> item(MediaType type, String itemId) {
        Row row = row(type, itemId);
        return row == null ? Optional.empty() : Optional.of(row.item());
    }

    private Row row(MediaType type, String itemId) {
        ConcurrentSkipListMap<Integer, Row> table = tables.get(type);
        if (table == null || itemId == null) {
            return null;
        }
        try {
            return table.get(Integer.parseInt(itemId));
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    /** MA's {@code search_name} column of a library item: {@code create_safe_string(name, True, True)}. */
    public String searchName(MediaItem item) {
        Row row = row(item.mediaType(), item.itemId());
        return row != null && row.item().name().equals(item.name()) ? row.searchName() : Names.safe(item.name(), true);
    }

    /**
     * The items of a type ordered by a column, ties in id order (stable sort over the id-ordered
     * table), descending without reversing the ties — as the simulator has always ordered.
     * Computed once per library version.
     */
    public List<MediaItem> sorted(MediaType type, SortColumn column, boolean descending) {
        return memo("sorted:" + type + ":" + column + ":" + descending, () -> sort(type, column, descending));
    }

    private List<MediaItem> sort(MediaType type, SortColumn column, boolean descending) {
        Collection<Row> rows =
                tables.getOrDefault(type, new ConcurrentSkipListMap<>()).values();
        Keyed[] keyed = new Keyed[rows.size()];
        int n = 0;
        for (Row row : rows) {
            if (n == keyed.length) {
                break; // the table grew while we copied; the next version sorts again
            }
            keyed[n++] = new Keyed(row.item(), key(row, column));
        }
        Keyed[] filled = n == keyed.length ? keyed : Arrays.copyOf(keyed, n);
        Comparator<Keyed> order =
                column == SortColumn.NAME || column == SortColumn.SORT_NAME || column == SortColumn.ARTIST_NAME
                        ? Comparator.comparing(k -> (String) k.key(), Names.CODE_POINT_ORDER)
                        : Comparator.comparingLong(k -> (Long) k.key());
        Arrays.sort(filled, descending ? order.reversed() : order);
        List<MediaItem> result = new ArrayList<>(filled.length);
        for (Keyed k : filled) {
            result.add(k.item());
        }
        return List.copyOf(result);
    }

    private record Keyed(MediaItem item, Object key) {}

    private Object key(Row row, SortColumn column) {
        MediaItem item = row.item();
        return switch (column) {
            case NAME -> row.searchName();
            case SORT_NAME -> row.searchSortName();
            case TIMESTAMP_ADDED -> item.info().dateAdded().getEpochSecond();
            case TIMESTAMP_MODIFIED -> item.info().dateModified().getEpochSecond();
            case LAST_PLAYED -> item.info().lastPlayed();
            case PLAY_COUNT -> (long) item.info().playCount();
            case YEAR -> item instanceof Album album ? (long) album.year() : 0L;
            case DURATION -> item instanceof Track track ? (long) track.duration() : 0L;
            case ARTIST_NAME ->
                switch (item) {
                    case Artist artist -> row.searchName();
                    case Album album -> firstArtistSearchName(album.artistIds());
                    case Track track -> firstArtistSearchName(track.artistIds());
                    default -> "";
                };
        };
    }

    private String firstArtistSearchName(List<String> artistIds) {
        for (String id : artistIds) {
            Row artist = row(MediaType.ARTIST, id);
            if (artist != null) {
                return artist.searchName();
            }
        }
        return "";
    }

    /** Resolves {@code library://<type>/<id>}; anything else is empty. */
    public Optional<MediaItem> itemByUri(String uri) {
        if (uri == null || !uri.startsWith("library://")) {
            return Optional.empty();
        }
        String rest = uri.substring("library://".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        return item(MediaType.parse(rest.substring(0, slash)), rest.substring(slash + 1));
    }

    /**
     * Finds the library item mapped to a provider item (by instance id or domain); the lowest id
     * wins, as in MA's {@code get_library_items_by_prov_id}.
     */
    public Optional<MediaItem> itemByProviderId(
            MediaType type, String providerInstanceOrDomain, String providerItemId) {
        Map<String, Integer> index = byProviderItemId.get(type);
        if (index == null || providerItemId == null) {
            return Optional.empty();
        }
        Integer hint = index.get(providerItemId);
        if (hint != null) {
            Row row = tables.get(type).get(hint);
            if (row != null && mappedTo(row.item(), providerInstanceOrDomain, providerItemId)) {
                return Optional.of(row.item());
            }
        }
        // another provider uses the same item id, or the indexed item was deleted: scan
        for (Row row : tables.get(type).values()) {
            if (mappedTo(row.item(), providerInstanceOrDomain, providerItemId)) {
                return Optional.of(row.item());
            }
        }
        return Optional.empty();
    }

    private static boolean mappedTo(MediaItem item, String providerInstanceOrDomain, String providerItemId) {
        for (ProviderMapping mapping : item.providerMappings()) {
            boolean providerMatches = mapping.providerInstance().equals(providerInstanceOrDomain)
                    || mapping.providerDomain().equals(providerInstanceOrDomain);
            if (providerMatches && mapping.itemId().equals(providerItemId)) {
                return true;
            }
        }
        return false;
    }

    public boolean knowsProvider(String instanceOrDomain) {
        return providers.stream()
                .anyMatch(p ->
                        p.instanceId().equals(instanceOrDomain) || p.domain().equals(instanceOrDomain));
    }

    public Optional<Artist> artist(String id) {
        return item(MediaType.ARTIST, id).map(Artist.class::cast);
    }

    public Optional<Album> album(String id) {
        return item(MediaType.ALBUM, id).map(Album.class::cast);
    }

    public Optional<Track> track(String id) {
        return item(MediaType.TRACK, id).map(Track.class::cast);
    }

    public Optional<Playlist> playlist(String id) {
        return item(MediaType.PLAYLIST, id).map(Playlist.class::cast);
    }

    public Optional<Radio> radio(String id) {
        return item(MediaType.RADIO, id).map(Radio.class::cast);
    }

    public Optional<Genre> genre(String id) {
        return item(MediaType.GENRE, id).map(Genre.class::cast);
    }

    /** The first (lowest id) artist with exactly this name; there are two called "Nirvana". */
    public Artist artistNamed(String name) {
        return first(artists(), name);
    }

    public List<Artist> artistsNamed(String name) {
        return artists().stream().filter(a -> a.name().equals(name)).toList();
    }

    public Album albumNamed(String name) {
        return first(albums(), name);
    }

    /** The first (lowest id) track with exactly this name ("Bohemian Rhapsody" exists twice). */
    public Track trackNamed(String name) {
        return first(tracks(), name);
    }

    public Playlist playlistNamed(String name) {
        return first(playlists(), name);
    }

    public Radio radioNamed(String name) {
        return first(radios(), name);
    }

    public Genre genreNamed(String name) {
        return first(genres(), name);
    }

    public int trackCount() {
        return count(MediaType.TRACK);
    }

    /** Tracks of an album in disc/track order. */
    public List<Track> albumTracks(String albumId) {
        return album(albumId).map(a -> resolve(a.trackIds(), this::track)).orElse(List.of());
    }

    /**
     * Playlist entries in playlist order (a track may appear more than once). Tracks removed
     * from the library since are left out.
     */
    public List<Track> playlistTracks(String playlistId) {
        return playlist(playlistId).map(p -> resolve(p.trackIds(), this::track)).orElse(List.of());
    }

    /** Albums on which the artist is an album artist. */
    public List<Album> artistAlbums(String artistId) {
        return albums().stream().filter(a -> a.artistIds().contains(artistId)).toList();
    }

    /** Every track the artist appears on, featured appearances included. */
    public List<Track> artistTracks(String artistId) {
        return tracks().stream().filter(t -> t.artistIds().contains(artistId)).toList();
    }

    /** The artists of these ids that are (still) in the library, in the given order. */
    public List<Artist> artistsOf(List<String> artistIds) {
        return resolve(artistIds, this::artist);
    }

    private static <T> List<T> resolve(List<String> ids, Function<String, Optional<T>> lookup) {
        List<T> result = new ArrayList<>(ids.size());
        for (String id : ids) {
            lookup.apply(id).ifPresent(result::add);
        }
        return result;
    }

    /**
     * The images MA reports for an item. Library tracks carry their album's cover (MA's
     * {@code _parse_db_row} puts the album thumb first), so tracks of albums without art have none.
     */
    public List<Image> imagesOf(MediaItem item) {
        if (item instanceof Track track) {
            return album(track.albumId()).map(a -> a.info().images()).orElse(List.of());
        }
        return item.info().images();
    }

    public Optional<Image> thumbOf(MediaItem item) {
        return imagesOf(item).stream().filter(i -> i.type().equals("thumb")).findFirst();
    }

    /** True when at least one item is mapped to the genre (MA's {@code hide_empty} filter). */
    public boolean genreHasMedia(Genre genre) {
        Set<Integer> used = memo("genres-in-use", () -> {
            Set<Integer> ids = new HashSet<>();
            for (MediaType type : TYPES) {
                if (type != MediaType.GENRE) {
                    tables.get(type)
                            .values()
                            .forEach(row -> ids.addAll(row.item().info().genreIds()));
                }
            }
            return Set.copyOf(ids);
        });
        return used.contains(genre.id());
    }

    public Optional<Image> imageByProxyId(String proxyId) {
        return Optional.ofNullable(imagesByProxyId.get(proxyId));
    }

    public Optional<Image> image(String provider, String path) {
        return Optional.ofNullable(imagesByProviderPath.get(provider + "\n" + path));
    }

    /** Tracks of every item mapped to the genre, in artist/album/track order, without repeats. */
    public List<Track> genreTracks(String genreId) {
        int id = Integer.parseInt(genreId);
        return tracks().stream()
                .filter(t -> t.info().genreIds().contains(id))
                .sorted(Comparator.comparing((Track t) -> artistsOf(t.artistIds()).stream()
                                .findFirst()
                                .map(Artist::sortName)
                                .orElse(""))
                        .thenComparing(t -> t.albumId() == null ? 0 : Integer.parseInt(t.albumId()))
                        .thenComparingInt(Track::discNumber)
                        .thenComparingInt(Track::trackNumber))
                .toList();
    }

    private static <T extends MediaItem> T first(List<T> items, String name) {
        Objects.requireNonNull(name, "name");
        return items.stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no library item named " + name));
    }
}
