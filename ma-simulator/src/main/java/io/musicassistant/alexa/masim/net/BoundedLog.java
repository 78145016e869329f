package io.musicassistant.alexa.masim.net;

import java.util.ArrayList;
import java.util.List;

/**
 * What arrived on a simulator port (Slimproto frames per player, stream requests), oldest first:
 * a long {@code local-up} must not grow it without end (a Slimproto heartbeat comes every 5 s), so
 * only the last {@link #CAPACITY} entries are kept.
 */
public final class BoundedLog {

    /** Entries kept; the oldest go first. */
    public static final int CAPACITY = 2000;

    private final List<String> entries = new ArrayList<>();

    public synchronized void add(String entry) {
        if (entries.size() >= CAPACITY) {
            entries.remove(0);
        }
        entries.add(entry);
    }

    public synchronized List<String> entries() {
        return List.copyOf(entries);
    }
}
