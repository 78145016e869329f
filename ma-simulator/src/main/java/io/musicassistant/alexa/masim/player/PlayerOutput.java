package io.musicassistant.alexa.masim.player;

/**
 * A player whose provider really does something when MA's controllers command it (MA's
 * {@code Player.play_media/stop/pause/play/power/volume_set}). Players without one are simulated
 * by the hub alone.
 *
 * <p>The hub calls these while holding its monitor, so implementations must not block or call
 * back into the hub on the calling thread; hand the work to another thread instead.
 */
public interface PlayerOutput {

    /** {@code play_media}: drop whatever is playing and start this stream. */
    void playMedia(QueueStream stream);

    void stop();

    void pause();

    /** Resume from pause. */
    void play();

    void power(boolean powered);

    void volumeSet(int volumeLevel);

    /**
     * The player's queue items changed; a player that already finished downloading its current
     * item may now have a next one to start.
     */
    default void queueChanged() {}
}
