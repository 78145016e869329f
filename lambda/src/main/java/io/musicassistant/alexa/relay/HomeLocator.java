package io.musicassistant.alexa.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the home a user's directives go to. The user → home link changes only when the user
 * pairs again or unlinks, so a warm container remembers it for a minute (a re-pairing reaches every
 * container within that minute); the home row (heartbeat, queue URL) is always read fresh, because
 * "offline" must be reported from current data.
 */
public final class HomeLocator {

    private static final int MEMORY_ENTRIES = 4096;

    private final HomeDirectory directory;
    private final Clock clock;
    private final Duration linkMemory;
    private final Duration staleAfter;
    private final HomeLiveness liveness;
    private final Map<String, Remembered> links = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };

    private record Remembered(String instanceId, Instant until) {}

    public HomeLocator(
            HomeDirectory directory, Clock clock, Duration linkMemory, Duration staleAfter, HomeLiveness liveness) {
        this.liveness = liveness;
        this.directory = directory;
        this.clock = clock;
        this.linkMemory = linkMemory;
        this.staleAfter = staleAfter;
    }

    /** The user's home, whatever its state; throws {@link NotPairedException} when there is none. */
    public Home homeOf(String userId) {
        Instant now = clock.instant();
        String instanceId = remembered(userId, now);
        if (instanceId == null) {
            instanceId = directory.linkedInstance(userId).orElseThrow(NotPairedException::new);
            remember(userId, new Remembered(instanceId, now.plus(linkMemory)));
        }
        return directory.home(instanceId).orElseThrow(NotPairedException::new);
    }

    /**
     * The user's home if it can take commands now; else throws at once (offline is never a timeout).
     * A suspect (silent) home is offline too, except for the one directive now and then that probes it.
     */
    public Home onlineHomeOf(String userId) {
        Home home = homeOf(userId);
        Instant now = clock.instant();
        if (home.suspect() && liveness != null && liveness.claimProbe(home, now)) {
            home = home.probing(now);
        }
        home.requireOnline(now, staleAfter);
        return home;
    }

    /** The user paired again or unlinked: this container asks the directory next time. */
    public synchronized void forget(String userId) {
        links.remove(userId);
    }

    private synchronized String remembered(String userId, Instant now) {
        Remembered r = links.get(userId);
        return r != null && now.isBefore(r.until()) ? r.instanceId() : null;
    }

    private synchronized void remember(String userId, Remembered value) {
        links.put(userId, value);
    }
}
