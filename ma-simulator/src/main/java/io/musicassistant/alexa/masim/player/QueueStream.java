package io.musicassistant.alexa.masim.player;

/**
 * What MA hands a player to stream for one queue item (its {@code PlayerMedia} plus the bits
 * {@code resolve_stream_url} and the stream server need): the queue's current stream session and
 * where in the item playback starts.
 *
 * @param seekPosition seconds into the item (MA's {@code streamdetails.seek_position}); only the
 *     item {@code play_index} started carries one, enqueued next items start at 0
 */
public record QueueStream(String queueId, QueueItem item, String sessionId, int seekPosition) {}
