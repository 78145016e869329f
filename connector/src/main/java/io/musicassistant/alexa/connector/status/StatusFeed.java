package io.musicassistant.alexa.connector.status;

import io.musicassistant.alexa.log.JsonLog;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Tells the page's event streams when the status changed. The connector's parts have no listeners
 * for this: while someone watches, the status is read twice a second and compared with the last one
 * sent — a few field reads, cheaper than a hook in every part.
 */
final class StatusFeed implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(StatusFeed.class);
    static final Duration TICK = Duration.ofMillis(500);

    /** One version of the status; {@code seq} grows with every change. */
    record Version(long seq, Status status) {}

    private final Supplier<Status> source;
    private final Object lock = new Object();
    private Version current;
    private int watchers;
    private volatile boolean closed;
    private final Thread ticker;

    StatusFeed(Supplier<Status> source) {
        this.source = source;
        this.current = new Version(0, source.get());
        this.ticker = Thread.ofPlatform().daemon().name("status-feed").start(this::tick);
    }

    /** The status now (read afresh; a change is announced to the watchers too). */
    Version now() {
        return refresh();
    }

    /** Reads the status at once, e.g. after the page asked for a stream check. */
    void nudge() {
        refresh();
    }

    /** Waits until the status differs from {@code seen}, at most {@code timeout}; returns the newest. */
    Version await(long seen, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            watchers++;
            lock.notifyAll();
            try {
                while (current.seq() == seen && !closed) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
                return current;
            } finally {
                watchers--;
            }
        }
    }

    private Version refresh() {
        Status status;
        try {
            status = source.get();
        } catch (RuntimeException e) {
            LOG.warn("status.read_failed", e);
            synchronized (lock) {
                return current;
            }
        }
        synchronized (lock) {
            if (!status.equals(current.status())) {
                current = new Version(current.seq() + 1, status);
                lock.notifyAll();
            }
            return current;
        }
    }

    private void tick() {
        while (!closed) {
            try {
                synchronized (lock) {
                    while (watchers == 0 && !closed) {
                        lock.wait();
                    }
                }
                Thread.sleep(TICK);
            } catch (InterruptedException e) {
                return;
            }
            refresh();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        ticker.interrupt();
    }
}
