package io.musicassistant.alexa.connector.catalog;

import io.musicassistant.alexa.connector.relay.RelayApiException;
import io.musicassistant.alexa.log.JsonLog;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * When the library is exported: shortly after Music Assistant connects (the library may have changed
 * while the connector was away), after MA's library events once they have been quiet for the
 * debounce time (a sync adds thousands of items in bursts; a steady stream still exports at least
 * every ten debounce times), and at least once a day. Exports run one at a time on one thread; an event
 * during an export schedules another. A failed export is retried with exponential backoff from one
 * minute to an hour, or after the relay's Retry-After.
 */
public final class CatalogScheduler implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(CatalogScheduler.class);
    /**
     * Music Assistant's library events (music_assistant_models enums.py {@code EventType}:
     * MEDIA_ITEM_ADDED, MEDIA_ITEM_UPDATED — also sent for favourites — and MEDIA_ITEM_DELETED).
     * {@code media_item_played} is left out: plays reach the snapshot with the daily export.
     */
    static final Set<String> LIBRARY_EVENTS = Set.of("media_item_added", "media_item_updated", "media_item_deleted");

    static final Duration START_DELAY = Duration.ofSeconds(5);
    static final Duration INTERVAL = Duration.ofHours(24);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    /** A day is the longest a Retry-After (the daily upload limit) can ask for. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(25);

    private final Supplier<CatalogExport.Outcome> export;
    private final Duration debounce;
    private final Duration startDelay;
    private final Duration interval;
    private final Duration firstRetry;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "catalog-export");
        t.setDaemon(true);
        return t;
    });

    // Guarded by this. Times are System.nanoTime() values; 0 = not wanted.
    private long eventDue;
    private long burstStarted;
    private long timerDue;
    private ScheduledFuture<?> next;
    private int failures;
    private int runs;
    private boolean closed;
    private State state = new State(false, 0, null, 0, null, 0);

    /**
     * Where the exports stand, for the status page.
     *
     * @param exporting an export is running now
     * @param lastDoneAtMs when the last successful export ended (0: none yet)
     * @param lastOutcome what it did (null: none yet)
     * @param lastFailedAtMs when the last failed export ended (0: none)
     * @param lastError why it failed: the relay's error code or the kind of failure (never its message,
     *     which may hold an upload URL)
     * @param failures failed exports in a row (0 after a success)
     */
    public record State(
            boolean exporting,
            long lastDoneAtMs,
            CatalogExport.Outcome lastOutcome,
            long lastFailedAtMs,
            String lastError,
            int failures) {}

    public CatalogScheduler(Supplier<CatalogExport.Outcome> export, Duration debounce) {
        this(export, debounce, START_DELAY, INTERVAL, FIRST_RETRY);
    }

    /** With other timings (tests). */
    CatalogScheduler(
            Supplier<CatalogExport.Outcome> export,
            Duration debounce,
            Duration startDelay,
            Duration interval,
            Duration firstRetry) {
        this.export = export;
        this.debounce = debounce;
        this.startDelay = startDelay;
        this.interval = interval;
        this.firstRetry = firstRetry;
    }

    /** Music Assistant (re)connected: export soon. */
    public synchronized void onConnected() {
        want(System.nanoTime() + startDelay.toNanos());
    }

    /** An event from Music Assistant's WebSocket; library changes export after the debounce. */
    public synchronized void onEvent(String event) {
        if (!LIBRARY_EVENTS.contains(event) || closed) {
            return;
        }
        long now = System.nanoTime();
        if (burstStarted == 0) {
            burstStarted = now;
        }
        long latest = burstStarted + debounce.toNanos() * 10;
        eventDue = Math.min(now + debounce.toNanos(), latest);
        reschedule();
    }

    /** Exports as soon as the thread is free (tests, and a user's "pair" has no use for it yet). */
    public synchronized void requestNow() {
        want(System.nanoTime());
    }

    public synchronized State state() {
        return state;
    }

    /** Finished export runs, successful or not. */
    public synchronized int runs() {
        return runs;
    }

    private void want(long at) {
        if (closed) {
            return;
        }
        timerDue = timerDue == 0 ? at : Math.min(timerDue, at);
        reschedule();
    }

    private void reschedule() {
        long due = eventDue == 0 ? timerDue : timerDue == 0 ? eventDue : Math.min(eventDue, timerDue);
        if (next != null) {
            next.cancel(false); // a run already started is not interrupted; it reschedules when done
        }
        next = due == 0
                ? null
                : thread.schedule(this::runOnce, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void runOnce() {
        synchronized (this) {
            if (closed) {
                return;
            }
            // What this run covers; events from now on ask for another.
            eventDue = 0;
            burstStarted = 0;
            timerDue = 0;
            next = null;
            state = new State(
                    true,
                    state.lastDoneAtMs(),
                    state.lastOutcome(),
                    state.lastFailedAtMs(),
                    state.lastError(),
                    failures);
        }
        long wait;
        try {
            CatalogExport.Outcome outcome = export.get();
            synchronized (this) {
                failures = 0;
                state = new State(false, System.currentTimeMillis(), outcome, state.lastFailedAtMs(), null, 0);
            }
            wait = interval.toNanos();
            LOG.debug("catalog.export_done", "uploaded", outcome.uploaded());
        } catch (RuntimeException e) {
            int attempt;
            synchronized (this) {
                if (closed) {
                    // Stopped mid-export (the connector is shutting down): not a failure to retry.
                    LOG.info("catalog.export_stopped", "error", e.getClass().getSimpleName());
                    return;
                }
                attempt = ++failures;
                String error = e instanceof RelayApiException relay && relay.error() != null
                        ? relay.error()
                        : e.getClass().getSimpleName();
                state = new State(
                        false, state.lastDoneAtMs(), state.lastOutcome(), System.currentTimeMillis(), error, attempt);
            }
            wait = retryAfter(e, attempt).toNanos();
            LOG.warn(
                    "catalog.export_failed",
                    "attempt",
                    attempt,
                    "error",
                    e.getClass().getSimpleName(),
                    "detail",
                    String.valueOf(e.getMessage()),
                    "retry_s",
                    wait / 1_000_000_000L);
        }
        synchronized (this) {
            runs++;
            want(System.nanoTime() + wait);
        }
    }

    /** Backoff doubling from the first retry up to an hour; the relay's Retry-After wins when it says one. */
    Duration retryAfter(RuntimeException e, int attempt) {
        if (e instanceof RelayApiException relay && relay.retryAfterSeconds() > 0) {
            Duration asked = Duration.ofSeconds(relay.retryAfterSeconds());
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        long nanos = firstRetry.toNanos() << Math.min(attempt - 1, 20);
        return Duration.ofNanos(Math.min(nanos, Math.max(MAX_RETRY.toNanos(), firstRetry.toNanos())));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
        thread.shutdownNow();
    }
}
