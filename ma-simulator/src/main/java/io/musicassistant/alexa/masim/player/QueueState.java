package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one queue (MA's {@code PlayerQueue} plus its {@code PlayerQueueData}); guarded
 * by the hub's monitor. Holds what can be answered from the queue alone; what needs the player
 * (active, state, position) is in {@link PlayerQueues}.
 */
final class QueueState {
    final String queueId;
    final List<QueueItem> items = new ArrayList<>();
    final List<String> enqueuedNames = new ArrayList<>();
    Integer currentIndex;
    Integer indexInBuffer;
    boolean shuffle;
    RepeatMode repeat = RepeatMode.OFF;
    boolean dontStopTheMusic;
    double elapsed;
    double elapsedUpdated;
    int resumePos;
    String sessionId;
    String sessionItemId;
    int sessionSeek;

    QueueState(String queueId) {
        this.queueId = queueId;
    }

    QueueItem currentItem() {
        Integer index = currentIndex;
        return index == null || index < 0 || index >= items.size() ? null : items.get(index);
    }

    Integer indexById(String queueItemId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).queueItemId().equals(queueItemId)) {
                return i;
            }
        }
        return null;
    }

    /** A position given as an int or a queue_item_id (MA's {@code index_by_id}); an unknown id is invalid data. */
    int position(Object indexOrItemId) {
        if (indexOrItemId instanceof String queueItemId) {
            Integer found = indexById(queueItemId);
            if (found == null) {
                throw MaError.of(ErrorCode.INVALID_DATA, "Item " + queueItemId + " not found in queue");
            }
            return found;
        }
        return (Integer) indexOrItemId;
    }

    /** MA's {@code _get_next_index}: repeat one stays (unless skipping), repeat all wraps. */
    Integer nextIndex(int current, boolean isSkip) {
        if (items.isEmpty()) {
            return null;
        }
        if (repeat == RepeatMode.ONE && !isSkip) {
            return current;
        }
        if (current >= items.size() - 1) {
            return repeat == RepeatMode.ALL ? 0 : null;
        }
        return current + 1;
    }

    static int clampIndex(int index, int size) {
        return Math.max(0, Math.min(index, size));
    }
}
