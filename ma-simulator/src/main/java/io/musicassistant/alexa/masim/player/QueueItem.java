package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.library.MediaItem;

/**
 * One entry of a player queue. {@code sortIndex} remembers the insertion order so that turning
 * shuffle off can restore it (MA's {@code sort_index}).
 */
public record QueueItem(String queueId, String queueItemId, MediaItem mediaItem, int sortIndex, boolean available) {

    public QueueItem withQueueId(String value) {
        return new QueueItem(value, queueItemId, mediaItem, sortIndex, available);
    }

    public QueueItem withSortIndex(int value) {
        return new QueueItem(queueId, queueItemId, mediaItem, value, available);
    }
}
