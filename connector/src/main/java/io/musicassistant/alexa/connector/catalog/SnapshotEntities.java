package io.musicassistant.alexa.connector.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.musicassistant.alexa.connector.content.MaItems;
import io.musicassistant.alexa.relay.protocol.ContentId;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One Music Assistant library item as a snapshot line. Items are named exactly as the content
 * resolver names what it resolved ({@code ContentResolver}: {@link MaItems#name} — a track without
 * its version — and the first of {@link MaItems#artistNames} for tracks and albums), so that the id
 * a catalog entity carries resolves back to this item in the home: {@code ContentId.of} is the same
 * function on both sides.
 *
 * <p>Popularity comes from the fields Music Assistant's models carry (music_assistant_models
 * media_items/media_item.py): {@code favorite} on every item and {@code last_played} (epoch seconds,
 * 0 when never) on tracks. MA counts plays in its database ({@code play_count}, a sort key of
 * {@code library_items}) but no model serializes it, so {@code plays} is read only if an item ever
 * carries {@code play_count} and is 0 otherwise.
 */
final class SnapshotEntities {

    private static final long DAY_SECONDS = 86_400;
    private static final JsonNode NO_ITEM = MissingNode.getInstance();

    private final Clock clock;

    SnapshotEntities(Clock clock) {
        this.clock = clock;
    }

    /**
     * The entity of {@code item}, or empty when it has no name to say.
     *
     * @param albumIds the content id of a library album by its Music Assistant item id, for tracks;
     *     a track's album mapping names the album but not the album's artist, which its id needs
     */
    Optional<SnapshotEntity> of(ContentKind kind, JsonNode item, Function<String, String> albumIds) {
        String name = cut(MaItems.name(item).strip());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (kind == ContentKind.GENRE && !item.path("content_type").asText("").isEmpty()) {
            return Optional.empty(); // a podcast or audiobook genre (newest models' content_type): not music
        }
        String artist = null;
        String artistId = null;
        String album = null;
        String albumId = null;
        if (kind == ContentKind.TRACK || kind == ContentKind.ALBUM) {
            List<String> artists = MaItems.artistNames(item);
            if (!artists.isEmpty()) {
                artist = cut(artists.getFirst().strip());
                artistId = ContentId.of(ContentKind.ARTIST, artist, null).encode();
            }
        }
        if (kind == ContentKind.TRACK && MaItems.albumName(item) != null) {
            album = cut(MaItems.albumName(item).strip());
            JsonNode mapping = item.path("album");
            String known = "library".equals(mapping.path("provider").asText())
                    ? albumIds.apply(mapping.path("item_id").asText())
                    : null;
            // Not a library album we listed (or one past the index's bound): its artist is most likely the track's.
            albumId = known != null
                    ? known
                    : ContentId.of(ContentKind.ALBUM, album, artist).encode();
        }
        String id = ContentId.of(kind, name, artist).encode();
        return Optional.of(new SnapshotEntity(
                kind,
                id,
                name,
                altNames(kind, name, item),
                artistId,
                artist,
                albumId,
                album,
                item.path("favorite").asBoolean(false),
                plays(item),
                lastPlayedDays(item)));
    }

    /**
     * The entity of an Echo player (issue 16), named after the Echo: what the routine's phrase says
     * ("play kitchen echo on Music Assistant"); its id's key is how {@code echo.queue} finds the player.
     */
    Optional<SnapshotEntity> echo(String echoName) {
        String name = cut(echoName.strip());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SnapshotEntity(
                ContentKind.ECHO,
                ContentId.of(ContentKind.ECHO, name, null).encode(),
                name,
                altNames(ContentKind.ECHO, name, NO_ITEM),
                null,
                null,
                null,
                null,
                false,
                0,
                null));
    }

    /**
     * The spoken alternates of the name; for genres first Music Assistant's own aliases
     * ({@code genre_aliases}: "hip-hop" and "rap" for Hip Hop), which are names people say too.
     */
    private static List<String> altNames(ContentKind kind, String name, JsonNode item) {
        List<String> alternates = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(name.toLowerCase(Locale.ROOT)));
        if (kind == ContentKind.GENRE) {
            for (JsonNode alias : item.path("genre_aliases")) {
                String value = cut(alias.asText("").strip());
                if (!value.isEmpty() && seen.add(value.toLowerCase(Locale.ROOT))) {
                    alternates.add(value);
                }
            }
        }
        for (String value : AltNames.of(name)) {
            if (seen.add(value.toLowerCase(Locale.ROOT))) {
                alternates.add(value);
            }
        }
        return alternates.subList(0, Math.min(alternates.size(), CatalogSnapshot.MAX_ALT_NAMES));
    }

    private static int plays(JsonNode item) {
        long plays = item.path("play_count").asLong(0);
        return (int) Math.max(0, Math.min(plays, CatalogSnapshot.MAX_PLAYS));
    }

    /** Whole days since the last play as of now, or null if never: coarse on purpose (docs/security.md). */
    private Integer lastPlayedDays(JsonNode item) {
        long lastPlayed = item.path("last_played").asLong(0);
        if (lastPlayed <= 0) {
            return null;
        }
        long days = Math.max(0, (clock.instant().getEpochSecond() - lastPlayed) / DAY_SECONDS);
        return (int) Math.min(days, CatalogSnapshot.MAX_LAST_PLAYED_DAYS);
    }

    /** The snapshot takes names of at most 512 characters; the id keys are cut further by ContentId. */
    private static String cut(String name) {
        if (name.length() <= CatalogSnapshot.MAX_NAME_LENGTH) {
            return name;
        }
        int end = CatalogSnapshot.MAX_NAME_LENGTH;
        if (Character.isLowSurrogate(name.charAt(end))) {
            end--;
        }
        return name.substring(0, end);
    }
}
