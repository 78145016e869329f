package io.musicassistant.alexa.masim;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a test client received, for waiting on one frame among others: frames that do not match a
 * wait are kept, in arrival order, for the next wait instead of being lost.
 */
final class Inbox<T> {

    private final LinkedBlockingQueue<T> arrived = new LinkedBlockingQueue<>();
    private final List<T> stash = new ArrayList<>();

    /** From the client's reader thread. */
    void add(T frame) {
        arrived.add(frame);
    }

    /** The first kept or arriving frame that matches; fails the test after {@code timeout}. */
    T await(String what, Predicate<T> match, Duration timeout) {
        synchronized (stash) {
            for (Iterator<T> it = stash.iterator(); it.hasNext(); ) {
                T frame = it.next();
                if (match.test(frame)) {
                    it.remove();
                    return frame;
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            T frame;
            try {
                frame = left <= 0 ? null : arrived.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (frame == null) {
                fail("no " + what + " within " + timeout + "; unmatched frames: " + stash);
            }
            if (match.test(frame)) {
                return frame;
            }
            synchronized (stash) {
                stash.add(frame);
            }
        }
    }

    /** Forgets the frames kept so far (those still arriving stay). */
    void forgetKept() {
        synchronized (stash) {
            stash.clear();
        }
    }

    /** Every frame received and not consumed, kept ones first; afterwards the inbox is empty. */
    List<T> drain() {
        List<T> frames;
        synchronized (stash) {
            frames = new ArrayList<>(stash);
            stash.clear();
        }
        arrived.drainTo(frames);
        return frames;
    }
}
