package io.musicassistant.alexa.connector.catalog;

import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static io.musicassistant.alexa.connector.SimulatorSupport.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.connector.relay.RelayApiException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** When exports run: after connecting, after library events (debounced), daily, one at a time, retried. */
class CatalogSchedulerTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final CatalogExport.Outcome DONE = new CatalogExport.Outcome(false, 0, 0, new Fingerprints.Diff(0, 0, 0));

    /** An export that records when it ran and how many ran at once. */
    static final class Recorder implements Supplier<CatalogExport.Outcome> {
        final List<Long> started = new CopyOnWriteArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        volatile long takesMs;
        volatile RuntimeException failWith;

        @Override
        public CatalogExport.Outcome get() {
            started.add(System.nanoTime());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                pause(takesMs);
                if (failWith != null) {
                    throw failWith;
                }
                return DONE;
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void aBurstOfLibraryEventsBecomesOneExportAfterTheQuietTime() {
        Recorder export = new Recorder();
        try (CatalogScheduler scheduler = new CatalogScheduler(
                export, Duration.ofMillis(300), Duration.ZERO, Duration.ofHours(24), Duration.ofMinutes(1))) {
            long first = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                scheduler.onEvent(i % 2 == 0 ? "media_item_added" : "media_item_updated");
                pause(50);
            }
            scheduler.onEvent("player_updated"); // not a library event
            scheduler.onEvent("media_item_played"); // plays wait for the daily export
            await("the export", WAIT, () -> scheduler.runs() == 1);
            long quiet = (export.started.getFirst() - first) / 1_000_000;
            assertTrue(quiet >= 450 + 300 - 60, "after the last event plus the debounce: " + quiet + " ms");
            pause(600);
            assertEquals(1, export.started.size(), "one export for the burst");
            scheduler.onEvent("media_item_deleted");
            await("the export after a deletion", WAIT, () -> scheduler.runs() == 2);
        }
    }

    @Test
    void aSteadyStreamOfEventsStillExportsAfterTenDebounceTimes() {
        Recorder export = new Recorder();
        try (CatalogScheduler scheduler = new CatalogScheduler(
                export, Duration.ofMillis(100), Duration.ZERO, Duration.ofHours(24), Duration.ofMinutes(1))) {
            long first = System.nanoTime();
            long until = first + Duration.ofMillis(2500).toNanos();
            while (System.nanoTime() < until && export.started.isEmpty()) {
                scheduler.onEvent("media_item_added");
                pause(40);
            }
            assertEquals(1, export.started.size(), "the stream did not hold the export back for ever");
            long after = (export.started.getFirst() - first) / 1_000_000;
            assertTrue(
                    after >= 950 && after < 2000, "at most ten debounce times after the first event: " + after + " ms");
        }
    }

    @Test
    void connectingExportsSoonAndEventsDuringAnExportAskForAnotherNeverTwoAtOnce() {
        Recorder export = new Recorder();
        export.takesMs = 400;
        try (CatalogScheduler scheduler = new CatalogScheduler(
                export, Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofHours(24), Duration.ofMinutes(1))) {
            scheduler.onConnected();
            await("the export after connecting", WAIT, () -> export.running.get() == 1);
            scheduler.onEvent("media_item_added");
            scheduler.onConnected();
            scheduler.requestNow();
            await("the second export", WAIT, () -> scheduler.runs() == 2);
            pause(300);
            assertEquals(2, export.started.size(), "everything asked during the first is covered by one more");
            assertEquals(1, export.mostAtOnce.get());
        }
    }

    @Test
    void theNextExportComesAfterTheIntervalAndFailuresBackOff() {
        Recorder export = new Recorder();
        try (CatalogScheduler scheduler = new CatalogScheduler(
                export, Duration.ofSeconds(60), Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(100))) {
            scheduler.requestNow();
            await("the periodic exports", WAIT, () -> scheduler.runs() >= 3);
            long gap = (export.started.get(2) - export.started.get(1)) / 1_000_000;
            assertTrue(gap >= 280, "every interval: " + gap + " ms");
        }
        Recorder failing = new Recorder();
        failing.failWith = new IllegalStateException("relay unreachable");
        try (CatalogScheduler scheduler = new CatalogScheduler(
                failing, Duration.ofSeconds(60), Duration.ZERO, Duration.ofHours(24), Duration.ofMillis(100))) {
            scheduler.requestNow();
            await("three attempts", WAIT, () -> scheduler.runs() >= 3);
            long firstGap = (failing.started.get(1) - failing.started.get(0)) / 1_000_000;
            long secondGap = (failing.started.get(2) - failing.started.get(1)) / 1_000_000;
            assertTrue(firstGap >= 90 && secondGap >= 190, "doubling: " + firstGap + ", " + secondGap);
            assertEquals(
                    Duration.ofHours(1), scheduler.retryAfter(new IllegalStateException(), 40), "capped at an hour");
            assertEquals(
                    Duration.ofSeconds(3600),
                    scheduler.retryAfter(new RelayApiException(503, "catalog_unavailable", null, 3600), 1),
                    "the relay's Retry-After wins");
            assertEquals(
                    Duration.ofHours(25),
                    scheduler.retryAfter(new RelayApiException(429, "rate_limited", null, 999_999), 1));
        }
    }

    @Test
    void closingStopsEverything() {
        Recorder export = new Recorder();
        CatalogScheduler scheduler = new CatalogScheduler(
                export, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50));
        scheduler.close();
        scheduler.onConnected();
        scheduler.onEvent("media_item_added");
        pause(300);
        assertEquals(0, export.started.size());
    }
}
