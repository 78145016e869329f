package io.musicassistant.alexa.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A SnapStart restore cannot happen here (no CRaC runtime); what can be checked is that the hook
 * registers without one, and that reseeding keeps the one shared generator producing fresh values.
 */
class SnapStartHooksTest {

    @Test
    void registeringOutsideACracRuntimeIsHarmlessAndIdempotent() {
        SnapStartHooks.register();
        SnapStartHooks.register();
        assertSame(Secrets.random(), Secrets.random(), "one generator for the whole cloud side");
    }

    @Test
    void afterARestoreTheSharedGeneratorIsReseededAndStillUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(Secrets.randomBase32(128));
            if (i % 50 == 0) {
                Secrets.reseed();
            }
        }
        assertEquals(200, seen.size(), "no value repeats across reseeds");
    }
}
