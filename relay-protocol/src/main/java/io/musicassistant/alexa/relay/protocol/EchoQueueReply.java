package io.musicassistant.alexa.relay.protocol;

/**
 * Result of {@code echo.queue}: the item the Echo should play now, or {@code item == null} when
 * Music Assistant's queue has nothing there (empty queue, end of the queue without repeat).
 *
 * @param playerId MA's id of the Echo player (also its queue's id)
 * @param name the Echo player's name as the user set it ("Kitchen Echo", without " (Alexa)")
 * @param item what to play, or null
 * @param shuffle MA's queue shuffle
 * @param repeat MA's queue repeat mode: {@code off}, {@code one} or {@code all}
 */
public record EchoQueueReply(String playerId, String name, EchoItem item, boolean shuffle, String repeat) {

    public EchoQueueReply {
        new PlayerRef(playerId);
    }

    /**
     * One item of MA's queue.
     *
     * @param queueItemId MA's {@code queue_item_id}
     * @param track the track, with a signed stream URL
     * @param offsetMs where to start: MA's elapsed time for {@code current}, 0 otherwise
     */
    public record EchoItem(String queueItemId, ResolvedTrack track, long offsetMs) {
        public EchoItem {
            if (queueItemId == null
                    || queueItemId.isBlank()
                    || queueItemId.length() > EchoQueueRequest.MAX_ITEM_ID_LENGTH) {
                throw new ProtocolException("queue_item_id must be 1.." + EchoQueueRequest.MAX_ITEM_ID_LENGTH);
            }
            if (track == null) {
                throw new ProtocolException("an Echo queue item carries its track");
            }
            if (offsetMs < 0) {
                throw new ProtocolException("offset_ms must not be negative");
            }
        }
    }
}
