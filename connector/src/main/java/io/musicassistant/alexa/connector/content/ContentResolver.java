package io.musicassistant.alexa.connector.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.platform.CommandFailure;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.Names;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what a {@link ContentQuery} names in Music Assistant and turns it into playable tracks:
 * {@code music/search} for the item, then {@code album_tracks}, {@code artist_tracks},
 * {@code playlist_tracks} (chunked) or {@code tracks/library_items} for its tracks
 * (controllers/music.py and controllers/media/*.py of the server). Library items win ties over
 * provider items, because they are what the user curated.
 */
public final class ContentResolver {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(4);
    private static final int SEARCH_LIMIT = 25;
    private final MaClient ma;
    private final StreamSigner signer;
    private final Duration call;

    public ContentResolver(MaClient ma, StreamSigner signer) {
        this(ma, signer, CALL_TIMEOUT);
    }

    /** With another per-call timeout (tests on a loaded machine, where a cold JVM can take seconds). */
    public ContentResolver(MaClient ma, StreamSigner signer, Duration call) {
        this.ma = ma;
        this.signer = signer;
        this.call = call;
    }

    public ResolvedContent resolve(ContentQuery query) {
        if (!signer.hasPublicBase()) {
            throw new CommandFailure(RelayError.NO_STREAM_BASE, "no public stream base configured (STREAM_BASE)");
        }
        return switch (query.kind()) {
            case TRACK -> track(query);
            case ALBUM -> collection(query, "album", "music/albums/album_tracks");
            case ARTIST -> collection(query, "artist", "music/artists/artist_tracks");
            case PLAYLIST -> collection(query, "playlist", "music/playlists/playlist_tracks");
            case GENRE -> genre(query);
            case RADIO -> radio(query);
            case LIBRARY -> library(query);
            case ANY -> throw new CommandFailure(RelayError.INVALID_ARGS, "content.resolve needs a kind");
            case ECHO -> throw new CommandFailure(RelayError.INVALID_ARGS, "an Echo player is played by echo.queue");
        };
    }

    private ResolvedContent track(ContentQuery query) {
        JsonNode track = best(query, search(query, "track", "tracks"));
        if (!query.explicitAllowed() && MaItems.explicit(track)) {
            throw new CommandFailure(RelayError.CONTENT_FILTERED, "the matching track is explicit");
        }
        List<String> artists = MaItems.artistNames(track);
        // The content is named without the version: its id must match the name MA searches and compares.
        return new ResolvedContent(
                ContentKind.TRACK,
                MaItems.name(track),
                artists.isEmpty() ? null : artists.getFirst(),
                art(MaItems.cover(track)),
                MaItems.uri(track),
                false,
                List.of(toTrack(track)));
    }

    private ResolvedContent collection(ContentQuery query, String mediaType, String tracksCommand) {
        JsonNode item = best(query, search(query, mediaType, mediaType + "s"));
        JsonNode tracks = ma.call(
                tracksCommand,
                Map.of(
                        "item_id", item.path("item_id").asText(),
                        "provider_instance_id_or_domain", item.path("provider").asText()),
                call);
        List<String> artists = MaItems.artistNames(item);
        String artist = query.kind() == ContentKind.ALBUM && !artists.isEmpty() ? artists.getFirst() : null;
        return new ResolvedContent(
                query.kind(),
                MaItems.name(item),
                artist,
                art(MaItems.cover(item)),
                MaItems.uri(item),
                false,
                playableTracks(tracks, query));
    }

    /**
     * What to ask Music Assistant to play for a query (a player plays it, no stream URLs needed): one
     * item's uri, which MA expands itself, or for the library a random list of track uris.
     */
    public record Playable(ContentKind kind, String name, String artist, List<String> uris) {}

    public Playable playable(ContentQuery query) {
        if (query.kind() == ContentKind.LIBRARY) {
            Set<String> uris = new LinkedHashSet<>();
            boolean sawExplicit = false;
            for (JsonNode t : randomTracks(query, null)) {
                if (!MaItems.playable(t) || MaItems.uri(t).isEmpty()) {
                    continue;
                }
                // servers that do not know the explicit filter of library_items return explicit tracks anyway
                if (!query.explicitAllowed() && MaItems.explicit(t)) {
                    sawExplicit = true;
                    continue;
                }
                uris.add(MaItems.uri(t));
            }
            if (uris.isEmpty()) {
                throw sawExplicit
                        ? new CommandFailure(RelayError.CONTENT_FILTERED, "every library track found is explicit")
                        : new CommandFailure(RelayError.NOT_FOUND, "the library has no playable tracks");
            }
            return new Playable(ContentKind.LIBRARY, "Music Assistant library", null, List.copyOf(uris));
        }
        JsonNode item = switch (query.kind()) {
            case TRACK -> best(query, search(query, "track", "tracks"));
            case ALBUM -> best(query, search(query, "album", "albums"));
            case ARTIST -> best(query, search(query, "artist", "artists"));
            case PLAYLIST -> best(query, search(query, "playlist", "playlists"));
            case RADIO -> best(query, search(query, "radio", "radio"));
            case GENRE -> findGenre(query);
            case ANY -> anything(query);
            case LIBRARY -> throw new IllegalStateException("handled above");
            case ECHO -> throw new CommandFailure(RelayError.INVALID_ARGS, "an Echo player is played by echo.queue");
        };
        ContentKind kind = query.kind() == ContentKind.ANY ? kindOf(item) : query.kind();
        if (kind == ContentKind.TRACK && !query.explicitAllowed() && MaItems.explicit(item)) {
            // as content.resolve does: a player must not play what the device filters
            throw new CommandFailure(RelayError.CONTENT_FILTERED, "the matching track is explicit");
        }
        List<String> artists = MaItems.artistNames(item);
        String artist = (kind == ContentKind.TRACK || kind == ContentKind.ALBUM) && !artists.isEmpty()
                ? artists.getFirst()
                : null;
        return new Playable(kind, MaItems.name(item), artist, List.of(MaItems.uri(item)));
    }

    /** Kinds a spoken name may mean, in the order they win ties: "play Radiohead" means the artist. */
    private static final List<String> ANY_ORDER = List.of("artist", "playlist", "album", "track", "radio", "genre");

    /** One search across kinds; the best match wins, ties go to the kind listed first. */
    private JsonNode anything(ContentQuery query) {
        String text = searchText(query);
        List<JsonNode> candidates = searchAny(text);
        for (String other : Matching.otherSearches(query, text)) {
            if (candidates.isEmpty()) {
                candidates = searchAny(other);
            }
        }
        return best(query, candidates);
    }

    private List<JsonNode> searchAny(String text) {
        JsonNode results = ma.call(
                "music/search",
                Map.of(
                        "search_query", text,
                        "media_types", ANY_ORDER,
                        "limit", 10),
                call);
        List<JsonNode> candidates = new ArrayList<>();
        for (String type : ANY_ORDER) {
            String key = switch (type) {
                case "radio" -> "radio";
                case "genre" -> "genres";
                default -> type + "s";
            };
            results.path(key).forEach(candidates::add);
        }
        return candidates;
    }

    private static ContentKind kindOf(JsonNode item) {
        return switch (item.path("media_type").asText("")) {
            case "album" -> ContentKind.ALBUM;
            case "track" -> ContentKind.TRACK;
            case "playlist" -> ContentKind.PLAYLIST;
            case "radio" -> ContentKind.RADIO;
            case "genre" -> ContentKind.GENRE;
            default -> ContentKind.ARTIST;
        };
    }

    private JsonNode findGenre(ContentQuery query) {
        if (ma.serverInfo().map(info -> !info.hasGenres()).orElse(true)) {
            throw new CommandFailure(RelayError.NOT_FOUND, "genres need Music Assistant 2.8 or newer");
        }
        List<JsonNode> candidates = search(query, "genre", "genres");
        if (candidates.isEmpty()) {
            // 2.8/2.9 servers leave "genres" of music/search empty; genres are library-only, so list them instead
            ma.call("music/genres/library_items", Map.of("search", searchText(query), "limit", SEARCH_LIMIT), call)
                    .forEach(candidates::add);
        }
        return best(query, candidates);
    }

    private ResolvedContent genre(ContentQuery query) {
        JsonNode genre = findGenre(query);
        String genreId = genre.path("item_id").asText();
        // MA types this filter int | list[int]; a server that cannot take the string drops the filter (any tracks)
        Object genreFilter = genreId.matches("\\d{1,18}") ? (Object) Long.parseLong(genreId) : genreId;
        JsonNode tracks = randomTracks(query, List.of(genreFilter));
        return new ResolvedContent(
                ContentKind.GENRE,
                MaItems.name(genre),
                null,
                art(MaItems.cover(genre)),
                MaItems.uri(genre),
                false,
                playableTracks(tracks, query));
    }

    private ResolvedContent radio(ContentQuery query) {
        JsonNode station = best(query, search(query, "radio", "radio"));
        String art = art(MaItems.cover(station));
        StreamSigner.Signed stream = signer.stream(MaItems.uri(station));
        ResolvedTrack live = new ResolvedTrack(
                MaItems.uri(station),
                MaItems.name(station),
                List.of(),
                null,
                null,
                art,
                false,
                stream.url(),
                stream.expiresMs());
        return new ResolvedContent(
                ContentKind.RADIO, MaItems.name(station), null, art, MaItems.uri(station), true, List.of(live));
    }

    private ResolvedContent library(ContentQuery query) {
        JsonNode tracks = randomTracks(query, null);
        return new ResolvedContent(
                ContentKind.LIBRARY,
                "Music Assistant library",
                null,
                null,
                "library://track",
                false,
                playableTracks(tracks, query));
    }

    /** Up to max_tracks random library tracks, of a genre when one is given. */
    private JsonNode randomTracks(ContentQuery query, List<Object> genre) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (genre != null) {
            args.put("genre", genre);
        }
        args.put("order_by", "random");
        args.put("limit", query.maxTracks());
        if (!query.explicitAllowed()) {
            // servers that know the filter fill the page with clean tracks; others ignore it (playableTracks filters)
            args.put("explicit", false);
        }
        return ma.call("music/tracks/library_items", args, call);
    }

    private static String searchText(ContentQuery query) {
        return query.exact() ? Names.words(query.name()) : query.name();
    }

    private List<JsonNode> search(ContentQuery query, String mediaType, String resultKey) {
        String text = searchText(query);
        List<JsonNode> items = search(text, mediaType, resultKey);
        for (String other : Matching.otherSearches(query, text)) {
            if (items.isEmpty()) {
                items = search(other, mediaType, resultKey);
            }
        }
        return items;
    }

    private List<JsonNode> search(String text, String mediaType, String resultKey) {
        JsonNode results = ma.call(
                "music/search",
                Map.of(
                        "search_query", text,
                        "media_types", List.of(mediaType),
                        "limit", SEARCH_LIMIT),
                call);
        List<JsonNode> items = new ArrayList<>();
        results.path(resultKey).forEach(items::add);
        return items;
    }

    /**
     * The best-scoring candidate; not found when nothing matches well enough. Equal scores go to the
     * library item (what the user curated), then to the item Music Assistant ranked first.
     */
    private JsonNode best(ContentQuery query, List<JsonNode> candidates) {
        record Scored(JsonNode item, double score, boolean library, int rank) {}
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode c = candidates.get(i);
            if (MaItems.playable(c)) {
                double score = Matching.score(query, MaItems.name(c), MaItems.artistNames(c));
                scored.add(new Scored(c, score, MaItems.isLibrary(c), i));
            }
        }
        Optional<Scored> best = scored.stream()
                .filter(s -> s.score() >= Matching.threshold(query))
                .max(Comparator.comparingDouble(Scored::score)
                        .thenComparing(Scored::library)
                        .thenComparing(Scored::rank, Comparator.reverseOrder()));
        return best.orElseThrow(() -> new CommandFailure(
                        RelayError.NOT_FOUND,
                        query.kind() == ContentKind.ANY
                                ? "nothing matches in Music Assistant"
                                : "no " + query.kind().wireName() + " matches in Music Assistant"))
                .item();
    }

    private List<ResolvedTrack> playableTracks(JsonNode tracks, ContentQuery query) {
        Map<String, ResolvedTrack> byUri = new LinkedHashMap<>();
        boolean sawExplicit = false;
        for (JsonNode t : tracks) {
            if (!MaItems.playable(t) || MaItems.uri(t).isEmpty()) {
                continue;
            }
            if (!query.explicitAllowed() && MaItems.explicit(t)) {
                sawExplicit = true;
                continue;
            }
            byUri.putIfAbsent(MaItems.uri(t), toTrack(t));
            if (byUri.size() >= query.maxTracks()) {
                break;
            }
        }
        if (byUri.isEmpty()) {
            throw sawExplicit
                    ? new CommandFailure(RelayError.CONTENT_FILTERED, "every matching track is explicit")
                    : new CommandFailure(RelayError.NOT_FOUND, "no playable tracks");
        }
        return List.copyOf(byUri.values());
    }

    /** A Music Assistant track (or station) with a signed stream URL on the public base. */
    public ResolvedTrack toTrack(JsonNode track) {
        StreamSigner.Signed stream = signer.stream(MaItems.uri(track));
        return new ResolvedTrack(
                MaItems.uri(track),
                MaItems.title(track),
                MaItems.artistNames(track),
                MaItems.albumName(track),
                MaItems.durationMs(track),
                art(MaItems.cover(track)),
                MaItems.explicit(track),
                stream.url(),
                stream.expiresMs());
    }

    /** Public HTTPS art: remote URLs as they are, LAN-only images re-hosted through the signed public base. */
    private String art(JsonNode image) {
        if (image == null) {
            return null;
        }
        String path = image.path("path").asText("");
        if (path.isEmpty()) {
            return null;
        }
        if (image.path("remotely_accessible").asBoolean(false) && path.startsWith("https://")) {
            return path;
        }
        return signer.art(image.path("provider").asText("builtin"), path);
    }
}
