package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.MediaType;
import io.musicassistant.alexa.masim.library.PlayedEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MA's playlog: one row per (user, item) holding the last time it was played. Feeds
 * {@code music/recently_played_items}.
 */
public final class Playlog {

    /** One row; {@code timestamp} in epoch seconds. */
    public record Entry(String username, MediaItem item, double timestamp, boolean fullyPlayed, String queueId) {}

    private final Clock clock;
    private final Map<String, Entry> rows = new LinkedHashMap<>();

    public Playlog(Library library, Clock clock) {
        this.clock = clock;
        double now = clock.millis() / 1000.0;
        for (PlayedEntry seeded : library.playlog()) {
            MediaItem item = library.itemByUri(seeded.uri()).orElseThrow();
            put(new Entry(seeded.username(), item, now - seeded.secondsAgo(), seeded.fullyPlayed(), null));
        }
    }

    public synchronized void record(String username, MediaItem item, boolean fullyPlayed, String queueId) {
        if (username == null) {
            return;
        }
        put(new Entry(username, item, clock.millis() / 1000.0, fullyPlayed, queueId));
    }

    /** Most recent first, filtered like MA's {@code recently_played_items}. */
    public synchronized List<Entry> recent(
            String username, Set<MediaType> types, int limit, boolean fullyPlayedOnly, String queueId) {
        List<Entry> result = new ArrayList<>();
        rows.values().stream()
                .filter(e -> e.username().equals(username))
                .filter(e -> types.contains(e.item().mediaType()))
                .filter(e -> !fullyPlayedOnly || e.fullyPlayed())
                .filter(e -> queueId == null || queueId.equals(e.queueId()))
                .sorted(Comparator.comparingDouble(Entry::timestamp).reversed())
                .limit(Math.max(0, limit))
                .forEach(result::add);
        return result;
    }

    /** Drops every user's row of an item: MA's base {@code remove_item_from_library} cleans the playlog. */
    public synchronized void forget(MediaItem item) {
        rows.values()
                .removeIf(e -> e.item().mediaType() == item.mediaType()
                        && e.item().itemId().equals(item.itemId()));
    }

    private void put(Entry entry) {
        rows.put(entry.username() + "\n" + entry.item().uri(), entry);
    }
}
