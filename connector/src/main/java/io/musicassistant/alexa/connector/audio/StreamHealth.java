package io.musicassistant.alexa.connector.audio;

import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs the {@link ReachabilityCheck} when the connector starts and then every
 * {@link #INTERVAL} (a certificate expires, a tunnel goes down), and tells the cloud at once when
 * the verdict changes, so that the Music Skill stops handing out URLs Echo cannot fetch.
 */
public final class StreamHealth implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMinutes(30);
    /** After a failure the check runs again this soon: a tunnel restarting should not block playback for half an hour. */
    static final Duration RETRY = Duration.ofMinutes(1);

    private final Supplier<ReachabilityCheck.Result> check;
    private final Runnable changed;
    private volatile ReachabilityCheck.Result last;
    private volatile ReachabilityCheck.Result pendingFailure;
    private volatile Thread thread;
    private final AtomicBoolean checking = new AtomicBoolean();

    /** @param check {@link ReachabilityCheck#run} */
    public StreamHealth(Supplier<ReachabilityCheck.Result> check, Runnable changed) {
        this.check = check;
        this.changed = changed;
    }

    public void start() {
        thread = Thread.ofVirtual().name("stream-health").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                ReachabilityCheck.Result result = runOnce();
                try {
                    Thread.sleep(result.ok() ? INTERVAL : RETRY);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /**
     * Checks now; returns the result. A failure after a success is believed only when the next
     * check fails too (one lost packet should not stop playback); a failure at start counts at once.
     */
    public ReachabilityCheck.Result runOnce() {
        ReachabilityCheck.Result result = check.get();
        ReachabilityCheck.Result before = last;
        if (!result.ok() && before != null && before.ok() && pendingFailure == null) {
            pendingFailure = result;
            return result;
        }
        pendingFailure = null;
        last = result;
        if (before == null || before.ok() != result.ok() || !Objects.equals(before.problem(), result.problem())) {
            changed.run();
        }
        return result;
    }

    /** The verdict in force (what the heartbeat says); null before the first check. */
    public ReachabilityCheck.Result last() {
        return last;
    }

    /** Whether a check asked for by {@link #checkAgain()} is running. */
    public boolean checking() {
        return checking.get();
    }

    /**
     * Checks again in the background (the status page's button, after the user fixed something);
     * false when such a check is already running.
     */
    public boolean checkAgain() {
        if (!checking.compareAndSet(false, true)) {
            return false;
        }
        Thread.ofVirtual().name("stream-check").start(() -> {
            try {
                runOnce();
            } finally {
                checking.set(false);
            }
        });
        return true;
    }

    /** What the heartbeat says about the stream base; null before the first check. */
    public HeartbeatRequest.StreamStatus status() {
        ReachabilityCheck.Result result = last;
        return result == null ? null : new HeartbeatRequest.StreamStatus(result.ok(), result.problem());
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
