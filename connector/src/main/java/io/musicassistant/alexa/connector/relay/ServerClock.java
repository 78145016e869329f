package io.musicassistant.alexa.connector.relay;

import java.time.Clock;

/**
 * The cloud's clock as the home estimates it. Command deadlines are in cloud time; a home whose
 * clock is off would otherwise drop good commands or run late ones. Each heartbeat answer carries
 * the cloud's time; the offset is corrected for half the round trip.
 */
public final class ServerClock {

    private final Clock local;
    private volatile long offsetMs;

    public ServerClock(Clock local) {
        this.local = local;
    }

    public long millis() {
        return local.millis() + offsetMs;
    }

    public long offsetMs() {
        return offsetMs;
    }

    /** Records a heartbeat exchange: sent at {@code sentMs}, answered at {@code receivedMs} (local), server said {@code serverMs}. */
    public void observe(long sentMs, long receivedMs, long serverMs) {
        long midpoint = sentMs + (receivedMs - sentMs) / 2;
        offsetMs = serverMs - midpoint;
    }
}
