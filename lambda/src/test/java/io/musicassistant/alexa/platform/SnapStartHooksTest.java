package io.musicassistant.alexa.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.log.JsonLog;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A SnapStart restore cannot happen here (no CRaC runtime); what can be checked is that the hook
 * registers without one, that a restore runs the reseed, and that reseeding really changes what a
 * generator produces next.
 */
class SnapStartHooksTest {

    @Test
    void registeringOutsideACracRuntimeIsHarmlessAndARestoreReseeds() {
        SnapStartHooks.register();
        SnapStartHooks.register();
        AtomicInteger reseeds = new AtomicInteger();
        List<String> lines = new ArrayList<>();
        Consumer<String> previous = JsonLog.setSink(lines::add);
        try {
            new SnapStartHooks(reseeds::incrementAndGet).afterRestore(null);
        } finally {
            JsonLog.setSink(previous);
        }
        assertEquals(1, reseeds.get());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"snapstart.restored\"")), lines.toString());
    }

    /** Two environments restored from one snapshot hold generators in the same state: reseeding must part them. */
    @Test
    void reseedingPartsGeneratorsThatWouldOtherwiseContinueTheSameSequence() throws Exception {
        SecureRandom a = SecureRandom.getInstance("SHA1PRNG");
        SecureRandom b = SecureRandom.getInstance("SHA1PRNG");
        a.setSeed(42);
        b.setSeed(42);
        byte[] fromA = new byte[32];
        byte[] fromB = new byte[32];
        a.nextBytes(fromA);
        b.nextBytes(fromB);
        assertArrayEquals(fromA, fromB, "the same state, the same sequence");
        Randomness.reseed(a);
        Randomness.reseed(b);
        a.nextBytes(fromA);
        b.nextBytes(fromB);
        assertFalse(Arrays.equals(fromA, fromB), "after a reseed each continues on its own");
    }
}
