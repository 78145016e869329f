package io.musicassistant.alexa.masim.library;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The simulator's seeded, read-only music library. Tests use it to find the ids and names they
 * assert on; the command handlers use it as MA's database.
 */
public final class Library {

    private static final String SEED = "/io/musicassistant/alexa/masim/seed/library.txt";
    private static volatile Library seed;

    private final List<ProviderInstance> providers;
    private final List<Genre> genres;
    private final List<Artist> artists;
    private final List<Album> albums;
    private final List<Track> tracks;
    private final List<Playlist> playlists;
    private final List<Radio> radios;
    private final List<PlayedEntry> playlog;
    private final Map<MediaType, Map<String, MediaItem>> byId = new HashMap<>();
    private final Map<String, Image> imagesByProxyId = new HashMap<>();
    private final Map<String, Image> imagesByProviderPath = new HashMap<>();

    Library(List<ProviderInstance> providers, List<Genre> genres, List<Artist> artists, List<Album> albums,
            List<Track> tracks, List<Playlist> playlists, List<Radio> radios, List<PlayedEntry> playlog) {
        this.providers = List.copyOf(providers);
        this.genres = List.copyOf(genres);
        this.artists = List.copyOf(artists);
        this.albums = List.copyOf(albums);
        this.tracks = List.copyOf(tracks);
        this.playlists = List.copyOf(playlists);
        this.radios = List.copyOf(radios);
        this.playlog = List.copyOf(playlog);
        index(MediaType.GENRE, genres);
        index(MediaType.ARTIST, artists);
        index(MediaType.ALBUM, albums);
        index(MediaType.TRACK, tracks);
        index(MediaType.PLAYLIST, playlists);
        index(MediaType.RADIO, radios);
        for (Map<String, MediaItem> items : byId.values()) {
            for (MediaItem item : items.values()) {
                for (Image image : item.info().images()) {
                    imagesByProxyId.put(image.proxyId(), image);
                    imagesByProviderPath.put(image.provider() + "\n" + image.path(), image);
                }
            }
        }
    }

    /** The shared seed library (immutable, so one instance serves every simulator). */
    public static Library seed() {
        Library current = seed;
        if (current == null) {
            synchronized (Library.class) {
                current = seed;
                if (current == null) {
                    current = LibraryLoader.load(SEED);
                    seed = current;
                }
            }
        }
        return current;
    }

    private void index(MediaType type, List<? extends MediaItem> items) {
        Map<String, MediaItem> map = new LinkedHashMap<>();
        for (MediaItem item : items) {
            map.put(item.itemId(), item);
        }
        byId.put(type, map);
    }

    public List<ProviderInstance> providers() {
        return providers;
    }

    public List<Genre> genres() {
        return genres;
    }

    public List<Artist> artists() {
        return artists;
    }

    public List<Album> albums() {
        return albums;
    }

    public List<Track> tracks() {
        return tracks;
    }

    public List<Playlist> playlists() {
        return playlists;
    }

    public List<Radio> radios() {
        return radios;
    }

    /** The seeded playlog (who played what, before start-up). */
    public List<PlayedEntry> playlog() {
        return playlog;
    }

    /** All items of one type, in id order. Types the library does not hold give an empty list. */
    public List<MediaItem> items(MediaType type) {
        return List.copyOf(byId.getOrDefault(type, Map.of()).values());
    }

    public Optional<MediaItem> item(MediaType type, String itemId) {
        return Optional.ofNullable(byId.getOrDefault(type, Map.of()).get(itemId));
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

    /** Finds the library item mapped to a provider item (by instance id or domain). */
    public Optional<MediaItem> itemByProviderId(MediaType type, String providerInstanceOrDomain, String providerItemId) {
        for (MediaItem item : items(type)) {
            for (ProviderMapping mapping : item.providerMappings()) {
                boolean providerMatches = mapping.providerInstance().equals(providerInstanceOrDomain)
                        || mapping.providerDomain().equals(providerInstanceOrDomain);
                if (providerMatches && mapping.itemId().equals(providerItemId)) {
                    return Optional.of(item);
                }
            }
        }
        return Optional.empty();
    }

    public boolean knowsProvider(String instanceOrDomain) {
        return providers.stream().anyMatch(p -> p.instanceId().equals(instanceOrDomain)
                || p.domain().equals(instanceOrDomain));
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
        return first(artists, name);
    }

    public List<Artist> artistsNamed(String name) {
        return artists.stream().filter(a -> a.name().equals(name)).toList();
    }

    public Album albumNamed(String name) {
        return first(albums, name);
    }

    /** The first (lowest id) track with exactly this name ("Bohemian Rhapsody" exists twice). */
    public Track trackNamed(String name) {
        return first(tracks, name);
    }

    public List<Track> tracksNamed(String name) {
        return tracks.stream().filter(t -> t.name().equals(name)).toList();
    }

    public Playlist playlistNamed(String name) {
        return first(playlists, name);
    }

    public Radio radioNamed(String name) {
        return first(radios, name);
    }

    public Genre genreNamed(String name) {
        return first(genres, name);
    }

    public int trackCount() {
        return tracks.size();
    }

    /** Tracks of an album in disc/track order. */
    public List<Track> albumTracks(String albumId) {
        return album(albumId).map(a -> a.trackIds().stream().map(this::requireTrack).toList())
                .orElse(List.of());
    }

    /** Playlist entries in playlist order (a track may appear more than once). */
    public List<Track> playlistTracks(String playlistId) {
        return playlist(playlistId).map(p -> p.trackIds().stream().map(this::requireTrack).toList())
                .orElse(List.of());
    }

    /** Albums on which the artist is an album artist. */
    public List<Album> artistAlbums(String artistId) {
        return albums.stream().filter(a -> a.artistIds().contains(artistId)).toList();
    }

    /** Every track the artist appears on, featured appearances included. */
    public List<Track> artistTracks(String artistId) {
        return tracks.stream().filter(t -> t.artistIds().contains(artistId)).toList();
    }

    public List<Artist> artistsOf(List<String> artistIds) {
        return artistIds.stream().map(id -> artist(id).orElseThrow()).toList();
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
        int id = genre.id();
        return byId.entrySet().stream()
                .filter(e -> e.getKey() != MediaType.GENRE)
                .flatMap(e -> e.getValue().values().stream())
                .anyMatch(item -> item.info().genreIds().contains(id));
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
        return tracks.stream()
                .filter(t -> t.info().genreIds().contains(id))
                .sorted(Comparator.comparing((Track t) -> artist(t.artistIds().get(0)).orElseThrow().sortName())
                        .thenComparing(t -> Integer.parseInt(t.albumId()))
                        .thenComparingInt(Track::discNumber)
                        .thenComparingInt(Track::trackNumber))
                .toList();
    }

    private Track requireTrack(String id) {
        return track(id).orElseThrow(() -> new IllegalStateException("dangling track id " + id));
    }

    private static <T extends MediaItem> T first(List<T> items, String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no library item named " + name));
    }
}
