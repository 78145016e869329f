package io.musicassistant.alexa.masim.player;

/**
 * A consistent snapshot of a player for serialization: its state plus what MA derives from other
 * state at serialization time (current media from the active queue, group volume).
 */
public record PlayerView(PlayerState state, CurrentMedia currentMedia, Integer groupVolume, Boolean groupVolumeMuted) {

    /** {@code PlayerMedia} of a queue-driven player. */
    public record CurrentMedia(QueueItem item, String queueId, int elapsedTime, double elapsedTimeLastUpdated) {}
}
