package io.musicassistant.alexa.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Echo queue item ids carry MA's queue item id through Alexa and back, whatever its characters. */
class EchoItemIdTest {

    @Test
    void maQueueItemIdsComeBackAsTheyWent() {
        for (String maId : new String[] {"4f1c9e0a2b3d4e5f", "a_b-C", "queue:item/7", "küche echo ✓"}) {
            EchoItemId id = new EchoItemId(-3, maId);
            String encoded = id.encode();
            assertTrue(encoded.matches("e-?\\d+\\.~?[A-Za-z0-9_-]+"), encoded);
            assertEquals(Optional.of(id), EchoItemId.parse(encoded), maId);
        }
        assertEquals("e12.4f1c9e0a2b3d4e5f", new EchoItemId(12, "4f1c9e0a2b3d4e5f").encode());
    }

    @Test
    void otherIdsAreNotEchoItems() {
        for (String other : new String[] {
            "0.3.1a2b3c4d", "e1", "e1.", "ex.abc", "e1.~!!", "e1.a b", "e1.~" + "QUFB".repeat(60), "", "e99999999999.a"
        }) {
            assertEquals(Optional.empty(), EchoItemId.parse(other), other);
        }
        assertEquals(Optional.empty(), EchoItemId.parse(null));
    }
}
