package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.library.MediaItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Builds and replaces a queue's items for {@link PlayerQueues}; called under the hub's monitor. */
final class QueueItems {

    private final PlayerHub hub;
    // MA shuffles with random.shuffle; a fixed seed keeps test runs repeatable.
    private final Random random = new Random(20260610L);
    private long queueItemCounter;

    QueueItems(PlayerHub hub) {
        this.hub = hub;
    }

    /** MA's {@code load}: the new items at {@code insertAt}, optionally shuffled, with or without the rest. */
    void load(
            QueueState queue,
            List<QueueItem> newItems,
            int insertAt,
            boolean keepRemaining,
            boolean keepPlayed,
            boolean shuffle) {
        int cut = QueueState.clampIndex(insertAt, queue.items.size());
        List<QueueItem> previous = keepPlayed ? new ArrayList<>(queue.items.subList(0, cut)) : new ArrayList<>();
        List<QueueItem> next = new ArrayList<>(newItems);
        if (keepRemaining) {
            next.addAll(queue.items.subList(cut, queue.items.size()));
        }
        for (int i = 0; i < next.size(); i++) {
            next.set(i, next.get(i).withSortIndex(next.get(i).sortIndex() + insertAt + i));
        }
        if (shuffle) {
            Collections.shuffle(next, random);
        }
        previous.addAll(next);
        replace(queue, previous);
    }

    /** Replaces a queue's items: {@code queue_items_updated}, then {@code queue_updated}. */
    void replace(QueueState queue, List<QueueItem> items) {
        queue.items.clear();
        queue.items.addAll(items);
        hub.signalQueue(queue, true);
    }

    /** MA uses uuid4().hex; a counter run through two mixers keeps ids unique and repeatable. */
    QueueItem newItem(String queueId, MediaItem item, int sortIndex) {
        queueItemCounter++;
        String id = String.format(
                "%016x%016x",
                queueItemCounter * 0x9E3779B97F4A7C15L ^ 0x5f0c8e2a9b7d4c1eL,
                queueItemCounter * 0xC2B2AE3D27D4EB4FL ^ 0x8a3f6b2d9c0e1a7bL);
        return new QueueItem(queueId, id, item, sortIndex, true);
    }
}
