package io.musicassistant.alexa.connector.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the heartbeat says about the stream base, for a sequence of self-test results. */
class StreamHealthTest {

    private static final ReachabilityCheck.Result OK = new ReachabilityCheck.Result(true, null, null, 0);
    private static final ReachabilityCheck.Result DOWN =
            new ReachabilityCheck.Result(false, ReachabilityCheck.Result.UNREACHABLE, "timeout", 0);

    @Test
    void oneFailedCheckAfterSuccessIsNotBelievedButTwoAre() {
        var results = new ArrayDeque<>(List.of(OK, DOWN, OK, DOWN, DOWN));
        AtomicInteger told = new AtomicInteger();
        StreamHealth health = new StreamHealth(results::poll, told::incrementAndGet);
        assertNull(health.status(), "nothing is said before the first check");

        health.runOnce();
        assertTrue(health.status().ok());
        assertEquals(1, told.get(), "the first verdict is news");
        health.runOnce();
        assertTrue(health.status().ok(), "a single failure could be a lost packet");
        health.runOnce();
        assertTrue(health.status().ok());
        health.runOnce();
        health.runOnce();
        assertFalse(health.status().ok(), "two in a row are believed");
        assertEquals(ReachabilityCheck.Result.UNREACHABLE, health.status().problem());
        assertEquals(2, told.get(), "and the cloud is told at once");
    }

    @Test
    void aFailureAtStartCountsAtOnce() {
        StreamHealth health = new StreamHealth(() -> DOWN, () -> {});
        health.runOnce();
        assertFalse(health.status().ok());
    }
}
