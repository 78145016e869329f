package io.musicassistant.alexa.masim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.auth.User;
import io.musicassistant.alexa.masim.auth.Users;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.library.AlbumType;
import io.musicassistant.alexa.masim.library.Artist;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.MediaType;
import io.musicassistant.alexa.masim.library.Names;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.models.ModelJson;
import io.musicassistant.alexa.masim.player.Playlog;
import io.musicassistant.alexa.masim.profile.Profile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The {@code music/*} commands that read (controllers/music.py, controllers/media/*.py; spec
 * §3.1–§3.4, §3.7); the ones that change the library are in {@link LibraryEditCommands}.
 */
final class MusicCommands {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String READ = "library.read";
    private static final Map<MediaType, String> BASES = new LinkedHashMap<>();

    static {
        BASES.put(MediaType.ARTIST, "artists");
        BASES.put(MediaType.ALBUM, "albums");
        BASES.put(MediaType.TRACK, "tracks");
        BASES.put(MediaType.PLAYLIST, "playlists");
        BASES.put(MediaType.RADIO, "radios");
        BASES.put(MediaType.GENRE, "genres");
    }

    private final Services services;
    private final Library library;
    private final ModelJson json;
    private final LibraryQuery query;
    private final MediaLookup lookup;

    private MusicCommands(Services services) {
        this.services = services;
        this.library = services.library();
        this.json = services.json();
        this.query = new LibraryQuery(library);
        this.lookup = new MediaLookup(library);
    }

    static void register(CommandRegistry registry, Services services) {
        MusicCommands music = new MusicCommands(services);
        for (Map.Entry<MediaType, String> entry : BASES.entrySet()) {
            MediaType type = entry.getKey();
            String base = "music/" + entry.getValue();
            registry.register(base + "/library_items", Access.user(READ), call -> music.libraryItems(type, call));
            registry.register(base + "/count", Access.user(READ), call -> music.count(type, call));
            registry.register(base + "/get", Access.user(READ), call -> music.get(type, call));
            // MA also registers the older "get_<type>" name as an alias
            registry.register(base + "/get_" + type.value(), Access.user(READ), call -> music.get(type, call));
        }
        registry.register("music/search", Access.user(READ), music::search);
        registry.register(
                "music/item_by_uri",
                Access.user(READ),
                call -> Reply.of(music.json.full(music.lookup.byUri(call.args().str("uri")))));
        registry.register("music/item", Access.user(READ), music::item);
        registry.register("music/albums/album_tracks", Access.user(READ), music::albumTracks);
        registry.register("music/artists/artist_tracks", Access.user(READ), music::artistTracks);
        registry.register("music/artists/artist_albums", Access.user(READ), music::artistAlbums);
        registry.register("music/playlists/playlist_tracks", Access.user(READ), music::playlistTracks);
        registry.register("music/recently_played_items", Access.user(READ), music::recentlyPlayed);
        LibraryEditCommands.register(registry, services, BASES);
    }

    private Reply libraryItems(MediaType type, Call call) {
        Args a = call.args();
        Boolean favorite = a.optBool("favorite");
        String search = a.optStr("search");
        int limit = a.integer("limit", 500);
        int offset = a.integer("offset", 0);
        String orderBy = a.str("order_by", "sort_name");
        List<String> providers = a.strOrList("provider");
        List<Integer> genres = a.intOrList("genre");
        List<AlbumType> albumTypes = null;
        boolean albumArtistsOnly = false;
        Boolean explicit = null;
        boolean hideEmpty = false;
        switch (type) {
            case ALBUM -> {
                JsonNode raw = a.raw("album_types");
                if (raw != null && raw.isArray()) {
                    albumTypes = new ArrayList<>();
                    for (JsonNode t : raw) {
                        albumTypes.add(AlbumType.parse(t.asText()));
                    }
                }
            }
            case ARTIST -> albumArtistsOnly = a.bool("album_artists_only", false);
            case TRACK -> explicit = services.profile() == Profile.NEWEST ? a.optBool("explicit") : null;
            case GENRE -> {
                if (genres != null) {
                    throw MaError.builtin("genre parameter is not supported for Genre.library_items()");
                }
                Boolean hide = a.optBool("hide_empty");
                hideEmpty = hide == null || hide;
            }
            default -> {}
        }
        boolean summary = services.profile().summaryItemsByDefault() && a.bool("summary", true);
        LibraryQuery.Filter filter = new LibraryQuery.Filter(
                favorite,
                search,
                limit,
                offset,
                orderBy,
                providers,
                genres,
                albumTypes,
                albumArtistsOnly,
                explicit,
                hideEmpty);
        ArrayNode result = F.arrayNode();
        for (MediaItem item : query.run(type, filter)) {
            result.add(summary ? json.summary(item) : json.full(item));
        }
        return Reply.of(result);
    }

    private Reply count(MediaType type, Call call) {
        boolean favoriteOnly = call.args().bool("favorite_only", false);
        boolean albumArtistsOnly = type == MediaType.ARTIST && call.args().bool("album_artists_only", false);
        return Reply.of(IntNode.valueOf(query.count(type, favoriteOnly, albumArtistsOnly)));
    }

    private Reply get(MediaType type, Call call) {
        String itemId = call.args().str("item_id");
        String provider = call.args().str("provider_instance_id_or_domain");
        return Reply.of(json.full(lookup.get(type, itemId, provider)));
    }

    private Reply item(Call call) {
        Args a = call.args();
        MediaType type = a.enumValue("media_type", "MediaType", MediaType::parse);
        String itemId = a.str("item_id");
        String provider = a.str("provider_instance_id_or_domain");
        return Reply.of(json.full(lookup.get(type, itemId, provider)));
    }

    private Reply albumTracks(Call call) {
        String itemId = call.args().str("item_id");
        String provider = call.args().str("provider_instance_id_or_domain");
        MediaItem album = lookup.get(MediaType.ALBUM, itemId, provider);
        return list(library.albumTracks(album.itemId()));
    }

    private Reply artistTracks(Call call) {
        String itemId = call.args().str("item_id");
        String provider = call.args().str("provider_instance_id_or_domain");
        MediaItem artist = lookup.get(MediaType.ARTIST, itemId, provider);
        return list(library.artistTracks(artist.itemId()));
    }

    private Reply artistAlbums(Call call) {
        String itemId = call.args().str("item_id");
        String provider = call.args().str("provider_instance_id_or_domain");
        MediaItem artist = lookup.get(MediaType.ARTIST, itemId, provider);
        return list(library.artistAlbums(artist.itemId()));
    }

    /** An async generator in MA: the dispatcher sends it in 500-item chunks. */
    private Reply playlistTracks(Call call) {
        String itemId = call.args().str("item_id");
        String provider = call.args().str("provider_instance_id_or_domain");
        MediaItem playlist = lookup.get(MediaType.PLAYLIST, itemId, provider);
        List<Track> tracks = library.playlistTracks(playlist.itemId());
        Iterator<JsonNode> items = new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return index < tracks.size();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Track track = tracks.get(index);
                index++;
                return json.full(track, index); // positions count from 1
            }
        };
        return new Reply.Items(items);
    }

    private Reply search(Call call) {
        Args a = call.args();
        String searchQuery = a.str("search_query");
        List<MediaType> types = a.mediaTypes("media_types", MediaType.ALL);
        if (types.isEmpty()) {
            types = MediaType.ALL;
        }
        int limit = a.integer("limit", 25);
        a.bool("library_only", false);
        Map<String, List<ObjectNode>> results = new LinkedHashMap<>();
        boolean newest = services.profile() == Profile.NEWEST;
        if (newest && searchQuery.isBlank()) {
            return Reply.of(json.searchResults(results));
        }
        for (MediaType type : new LinkedHashSet<>(types)) {
            String key = switch (type) {
                case ARTIST -> "artists";
                case ALBUM -> "albums";
                case TRACK -> "tracks";
                case PLAYLIST -> "playlists";
                case RADIO -> "radio";
                // the Feb-2026/2.9 library search does not fill genres; newest does
                case GENRE -> newest ? "genres" : null;
                default -> null;
            };
            if (key == null) {
                continue;
            }
            // base.search(): "/" and "'" are dropped before querying the library
            String cleaned = searchQuery.replace("/", " ").replace("'", "");
            LibraryQuery.Filter filter = new LibraryQuery.Filter(
                    null, cleaned, limit, 0, "sort_name", null, null, null, false, null, type == MediaType.GENRE);
            List<MediaItem> ranked = rank(searchQuery, query.run(type, filter));
            List<ObjectNode> serialized = new ArrayList<>();
            for (MediaItem item : ranked.subList(0, Math.min(Math.max(limit, 0), ranked.size()))) {
                serialized.add(json.full(item));
            }
            results.put(key, serialized);
        }
        return Reply.of(json.searchResults(results));
    }

    /**
     * {@code _sort_search_result}: exact (safe-string) name matches first, with a bonus for a
     * matching artist in "Artist - Title" queries and for library items; the rest keep their order.
     */
    private List<MediaItem> rank(String searchQuery, List<MediaItem> items) {
        String title = Names.safe(searchQuery, false);
        String titleAlt = null;
        String artist = null;
        if (searchQuery.contains(" - ")) {
            String[] parts = searchQuery.split(" - ", 2);
            artist = Names.safe(parts[0], false);
            titleAlt = Names.safe(parts[1], false);
        }
        List<ScoredItem> scored = new ArrayList<>();
        for (MediaItem item : items) {
            String name = Names.safe(item.name(), false);
            if (!name.equals(title) && !name.equals(titleAlt)) {
                continue;
            }
            int score = 1; // every simulator item is a library item
            if (artist != null && item instanceof Track track) {
                for (Artist a : library.artistsOf(track.artistIds())) {
                    if (Names.safe(a.name(), false).equals(artist)) {
                        score++;
                    }
                }
            }
            scored.add(new ScoredItem(score, item));
        }
        scored.sort((x, y) -> Integer.compare(y.score(), x.score()));
        Set<MediaItem> ordered = new LinkedHashSet<>();
        scored.forEach(s -> ordered.add(s.item()));
        ordered.addAll(items);
        return List.copyOf(ordered);
    }

    private record ScoredItem(int score, MediaItem item) {}

    private Reply recentlyPlayed(Call call) {
        Args a = call.args();
        int limit = a.integer("limit", 10);
        List<MediaType> types = a.mediaTypes("media_types", null);
        String userId = a.optStr("userid");
        String queueId = a.optStr("queue_id");
        boolean fullyPlayedOnly = a.bool("fully_played_only", true);
        Set<MediaType> wanted = new HashSet<>(types == null || types.isEmpty() ? MediaType.ALL : types);
        User user = userId == null ? call.user() : Users.byId(userId).orElse(call.user());
        ArrayNode result = F.arrayNode();
        for (Playlog.Entry entry :
                services.playlog().recent(user.username(), wanted, limit, fullyPlayedOnly, queueId)) {
            result.add(json.itemMapping(entry.item(), false));
        }
        return Reply.of(result);
    }

    private Reply list(List<? extends MediaItem> items) {
        ArrayNode result = F.arrayNode();
        items.forEach(item -> result.add(json.full(item)));
        return Reply.of(result);
    }
}
