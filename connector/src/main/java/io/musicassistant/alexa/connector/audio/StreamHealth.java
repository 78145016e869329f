package io.musicassistant.alexa.connector.audio;

import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs the {@link ReachabilityCheck} when the connector starts and then every
 * {@link #INTERVAL} (a certificate expires, a tunnel goes down), and tells the cloud at once when
 * the verdict changes, so that the Music Skill stops handing out URLs Echo cannot fetch.
 */
public final class StreamHealth implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMinutes(30);

    private final ReachabilityCheck check;
    private final Runnable changed;
    private volatile ReachabilityCheck.Result last;
    private volatile Thread thread;

    public StreamHealth(ReachabilityCheck check, Runnable changed) {
        this.check = check;
        this.changed = changed;
    }

    public void start() {
        thread = Thread.ofVirtual().name("stream-health").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                runOnce();
                try {
                    Thread.sleep(INTERVAL);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Checks now; returns the result. */
    public ReachabilityCheck.Result runOnce() {
        ReachabilityCheck.Result result = check.run();
        ReachabilityCheck.Result before = last;
        last = result;
        if (before == null || before.ok() != result.ok() || !Objects.equals(before.problem(), result.problem())) {
            changed.run();
        }
        return result;
    }

    /** What the heartbeat says about the stream base; null before the first check. */
    public HeartbeatRequest.StreamStatus status() {
        ReachabilityCheck.Result result = last;
        return result == null ? null : new HeartbeatRequest.StreamStatus(result.ok(), result.problem());
    }

    public ReachabilityCheck.Result last() {
        return last;
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
