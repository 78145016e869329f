package io.musicassistant.alexa.connector.relay;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.api.HomeRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Warns in the log before the cloud removes this home (docs/relay-protocol.md, "Retention"): each
 * heartbeat answer says when that would be ({@link HomeRetention}); from a week before, a warning
 * says why and what to do, at most once a day. While the cloud cannot be reached at all, the last
 * date it gave still counts, so a connector pointed at the wrong address or cut off by a firewall
 * warns before its home is gone. Nothing depends on how often heartbeats go.
 */
public final class RetentionWatch {

    private static final JsonLog LOG = JsonLog.get(RetentionWatch.class);
    public static final Duration WARN_BEFORE = Duration.ofDays(7);
    static final Duration REPEAT = Duration.ofDays(1);

    private final Clock clock;
    private volatile HomeRetention last;
    /** {@link HomeRetention#removeAtMs()} on this machine's clock. */
    private volatile long removeAtLocalMs;

    private volatile long warnedAtMs = Long.MIN_VALUE;
    private volatile boolean told;

    public RetentionWatch(Clock clock) {
        this.clock = clock;
    }

    /** A heartbeat answered: {@code retention} as of the cloud's {@code serverTimeMs} (null from older clouds). */
    public void observe(HomeRetention retention, long serverTimeMs) {
        if (retention == null) {
            return;
        }
        long now = clock.millis();
        last = retention;
        removeAtLocalMs = now + (retention.removeAtMs() - serverTimeMs);
        if (!told) {
            told = true;
            LOG.info(
                    "home.retention",
                    "reason",
                    retention.reason(),
                    "remove_at",
                    Instant.ofEpochMilli(removeAtLocalMs).toString());
        }
        if (removeAtLocalMs - now > WARN_BEFORE.toMillis()) {
            warnedAtMs = Long.MIN_VALUE; // out of the window again (paired, or heard from)
            return;
        }
        warn(
                now,
                HomeRetention.NEVER_PAIRED.equals(retention.reason())
                        ? "this home is not paired with an Amazon account; pair it with the code shown, or the cloud removes its registration"
                        : "the cloud has not heard from this home for a long time and will remove it");
    }

    /** A heartbeat could not reach the cloud (or was refused for a reason that may pass). */
    public void unreachable() {
        if (last != null && removeAtLocalMs - clock.millis() <= WARN_BEFORE.toMillis()) {
            warn(
                    clock.millis(),
                    "the cloud cannot be reached (check RELAY_API_URL and the network); it removes this home"
                            + " unless it hears from it");
        }
    }

    /** Whether a warning was logged since the date last came within the window (for tests). */
    boolean warned() {
        return warnedAtMs != Long.MIN_VALUE;
    }

    private void warn(long now, String why) {
        if (warnedAtMs != Long.MIN_VALUE && now - warnedAtMs < REPEAT.toMillis()) {
            return;
        }
        warnedAtMs = now;
        LOG.warn(
                "home.removal_soon",
                "reason",
                last.reason(),
                "remove_at",
                Instant.ofEpochMilli(removeAtLocalMs).toString(),
                "days_left",
                Math.max(0, Duration.ofMillis(removeAtLocalMs - now).toDays()),
                "why",
                why);
    }
}
