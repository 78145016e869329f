package io.musicassistant.alexa.control.reporting;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps Alexa's view of each home's players in step with the home: a home that is offline — it
 * said it is stopping, its heartbeat is stale, it left a command unacknowledged, or its connector
 * cannot reach Music Assistant — gets its players reported UNREACHABLE to every linked account, and
 * their earlier connectivity once it is back. A stale heartbeat happens without any traffic, so
 * nothing but a sweep can notice it: the deployment runs this every minute (docs/relay-protocol.md).
 * Each home row remembers what was told ({@code health_told}), so a sweep reports only changes,
 * and one that could not be delivered is tried again by the next.
 */
public final class HealthSweep {

    private static final JsonLog LOG = JsonLog.get(HealthSweep.class);

    private final HomeDirectory directory;
    private final ChangeReporter reporter;
    private final Clock clock;
    private final Duration staleAfter;

    public HealthSweep(HomeDirectory directory, ChangeReporter reporter, Clock clock, Duration staleAfter) {
        this.directory = directory;
        this.reporter = reporter;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** What one sweep did. */
    public record Result(int homes, int toldOffline, int toldBack, int retryLater) {}

    public Result run() {
        Instant now = clock.instant();
        AtomicInteger homes = new AtomicInteger();
        AtomicInteger offline = new AtomicInteger();
        AtomicInteger back = new AtomicInteger();
        AtomicInteger retry = new AtomicInteger();
        directory.eachHome((home, toldUnreachable) -> {
            homes.incrementAndGet();
            boolean reachable = home.availability(now, staleAfter) == Home.Availability.ONLINE;
            if (reachable != toldUnreachable) {
                return; // Alexa already knows
            }
            try {
                ChangeReporter.Summary summary = reporter.reportHealth(home.instanceId(), reachable);
                if (summary.retryLater()) {
                    retry.incrementAndGet(); // the next sweep tries again
                    return;
                }
                directory.healthTold(home.instanceId(), !reachable);
                (reachable ? back : offline).incrementAndGet();
            } catch (RuntimeException e) {
                retry.incrementAndGet();
                LOG.warn(
                        "health.sweep_failed",
                        "instance_id",
                        home.instanceId(),
                        "error",
                        e.getClass().getSimpleName());
            }
        });
        Result result = new Result(homes.get(), offline.get(), back.get(), retry.get());
        LOG.info(
                "health.swept",
                "homes",
                result.homes(),
                "told_offline",
                result.toldOffline(),
                "told_back",
                result.toldBack(),
                "retry_later",
                result.retryLater(),
                "elapsed_ms",
                Duration.between(now, clock.instant()).toMillis());
        return result;
    }
}
