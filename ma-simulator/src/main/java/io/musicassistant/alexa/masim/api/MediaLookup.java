package io.musicassistant.alexa.masim.api;

import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.error.PyText;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.MediaType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Resolves URIs and ids to library items like {@code helpers/uri.py parse_uri} and
 * {@code controllers/music.py get_item}, and expands containers to playable tracks like the queue
 * controller's {@code _resolve_media_items}.
 */
final class MediaLookup {

    /** What {@code parse_uri} extracts from a URI. */
    record ParsedUri(MediaType mediaType, String provider, String itemId) {}

    private final Library library;

    MediaLookup(Library library) {
        this.library = library;
    }

    /** {@code music/item_by_uri}. */
    MediaItem byUri(String uri) {
        ParsedUri parsed = parse(uri);
        return get(parsed.mediaType(), parsed.itemId(), parsed.provider());
    }

    static ParsedUri parse(String uri) {
        try {
            if (uri.startsWith("https://open.")) {
                String[] parts = uri.split("/", -1);
                return new ParsedUri(MediaType.parse(parts[3]), uri.split("\\.", -1)[1], parts[4].split("\\?", -1)[0]);
            }
            if (uri.startsWith("https://tidal.com/browse/")) {
                String[] parts = uri.split("/", -1);
                return new ParsedUri(MediaType.parse(parts[4]), "tidal", parts[5].split("\\?", -1)[0]);
            }
            if (uri.startsWith("http://")
                    || uri.startsWith("https://")
                    || uri.startsWith("rtsp://")
                    || uri.startsWith("rtmp://")) {
                return new ParsedUri(MediaType.UNKNOWN, "builtin", uri);
            }
            if (uri.contains("://") && uri.split("/", -1).length >= 4) {
                String[] providerAndRest = uri.split("://", 2);
                String rest = providerAndRest[1];
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    throw new IllegalArgumentException("not enough values to unpack");
                }
                return new ParsedUri(
                        MediaType.parse(rest.substring(0, slash)), providerAndRest[0], rest.substring(slash + 1));
            }
            String[] colonParts = uri.split(":", -1);
            if (uri.contains(":") && colonParts.length == 3) {
                return new ParsedUri(MediaType.parse(colonParts[1]), colonParts[0], colonParts[2]);
            }
        } catch (RuntimeException malformed) {
            // falls through: MA turns TypeError/ValueError/KeyError/IndexError into InvalidProviderURI
        }
        throw MaError.of(ErrorCode.INVALID_PROVIDER_URI, "Not a valid Music Assistant uri: " + uri);
    }

    /** {@code music/item} / {@code music/<type>/get}: library ids, or provider ids of mapped items. */
    MediaItem get(MediaType type, String itemId, String provider) {
        String lookup = "database".equals(provider) ? "library" : provider;
        if ("builtin".equals(lookup)) {
            // MA's builtin provider would fetch the URL; the simulator has no such item
            throw MaError.of(ErrorCode.MEDIA_NOT_FOUND, "Item not found: " + itemId);
        }
        if (type == MediaType.UNKNOWN || type == MediaType.FOLDER) {
            throw MaError.builtin("NotImplementedError");
        }
        if ("library".equals(lookup)) {
            int dbId;
            try {
                dbId = Integer.parseInt(itemId.strip());
            } catch (NumberFormatException e) {
                throw MaError.builtin("invalid literal for int() with base 10: " + PyText.repr(itemId));
            }
            return library.item(type, String.valueOf(dbId))
                    .orElseThrow(() ->
                            MaError.of(ErrorCode.MEDIA_NOT_FOUND, type.value() + " not found in library: " + dbId));
        }
        if (!library.knowsProvider(lookup)) {
            throw MaError.of(ErrorCode.PROVIDER_UNAVAILABLE, lookup + " is not available");
        }
        return library.itemByProviderId(type, lookup, itemId)
                .orElseThrow(() ->
                        MaError.of(ErrorCode.MEDIA_NOT_FOUND, "Item " + itemId + " not found on provider " + lookup));
    }

    /**
     * What {@code play_media} enqueues for an item: artists give all their tracks in random order,
     * albums and playlists their tracks (from {@code startItem} on), genres a random selection.
     */
    List<MediaItem> playables(MediaItem item, String startItem) {
        return switch (item.mediaType()) {
            case ARTIST -> {
                List<MediaItem> tracks = new ArrayList<>(library.artistTracks(item.itemId()));
                Collections.shuffle(tracks, new Random(item.id()));
                yield tracks;
            }
            case ALBUM -> fromStartItem(library.albumTracks(item.itemId()), startItem);
            case PLAYLIST -> fromStartItem(library.playlistTracks(item.itemId()), startItem);
            case GENRE -> {
                List<MediaItem> tracks = new ArrayList<>(library.genreTracks(item.itemId()));
                Collections.shuffle(tracks, new Random(item.id()));
                yield fromStartItem(tracks.subList(0, Math.min(25, tracks.size())), startItem);
            }
            default -> List.of(item);
        };
    }

    /** MA skips everything before the start item; a start item that never matches yields nothing. */
    private static List<MediaItem> fromStartItem(List<? extends MediaItem> items, String startItem) {
        List<MediaItem> result = new ArrayList<>();
        boolean found = startItem == null;
        for (MediaItem item : items) {
            if (!found && (startItem.equals(item.itemId()) || startItem.equals(item.uri()))) {
                found = true;
            }
            if (found) {
                result.add(item);
            }
        }
        return result;
    }
}
