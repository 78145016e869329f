package io.musicassistant.alexa.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlayOrderTest {

    static List<Integer> order(PlayOrder o) {
        List<Integer> list = new ArrayList<>();
        for (int p = 0; p < o.size(); p++) {
            list.add(o.trackAt(p));
        }
        return list;
    }

    @Test
    void naturalOrderWithoutShuffle() {
        assertEquals(List.of(0, 1, 2, 3), order(new PlayOrder(4, new QueueState(false, false, false, -1), 42)));
    }

    @Test
    void shuffleIsAPermutationDeterminedByTheSeed() {
        QueueState shuffled = new QueueState(true, false, false, -1);
        List<Integer> a = order(new PlayOrder(50, shuffled, 7));
        assertEquals(a, order(new PlayOrder(50, shuffled, 7)));
        assertNotEquals(a, order(new PlayOrder(50, shuffled, 8)));
        assertEquals(50, new HashSet<>(a).size());
    }

    @Test
    void theAnchorTrackComesFirstAndPositionsInvertTheOrder() {
        PlayOrder o = new PlayOrder(20, new QueueState(true, false, false, 13), 99);
        assertEquals(13, o.trackAt(0));
        for (int p = 0; p < o.size(); p++) {
            assertEquals(p, o.positionOf(o.trackAt(p)));
        }
        assertTrue(new PlayOrder(1, new QueueState(true, false, false, 0), 1).trackAt(0) == 0);
    }

    @Test
    void queueIdsCarryTheirStartingModes() {
        QueueId id = QueueId.create(true, false, true, false);
        QueueId parsed = QueueId.parse(id.value()).orElseThrow();
        assertTrue(parsed.initialShuffle());
        assertTrue(parsed.initialRepeat());
        assertTrue(!parsed.explicitAllowed(), "the clean flag survives the round trip");
        assertEquals(id.seed(), parsed.seed());
        assertTrue(QueueId.create(false, false, false, true).value().endsWith(".-"));
        assertTrue(QueueId.parse("76f325d5-a648-4e8f-87ad-6e53cf99e4c7").isEmpty());
        assertTrue(ItemId.parse("1.2.abcdef01").isPresent());
        assertTrue(ItemId.parse("1.2.xyz").isEmpty());
    }
}
