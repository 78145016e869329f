package io.musicassistant.alexa.music;

/**
 * The playback modes of one queue. Stored only after the user changes one; until then the
 * defaults come from the queue id itself (see {@link QueueId}).
 *
 * @param shuffle shuffle on
 * @param loop start again after the last item
 * @param repeat repeat the current track when it ends
 * @param anchor track index shuffle was switched on at (it stays current, the rest is shuffled
 *     around it); -1 when shuffled from the start
 */
public record QueueState(boolean shuffle, boolean loop, boolean repeat, int anchor) {

    public QueueState withShuffle(boolean on, int currentTrack) {
        return new QueueState(on, loop, repeat, on ? currentTrack : -1);
    }

    public QueueState withLoop(boolean on) {
        return new QueueState(shuffle, on, repeat, anchor);
    }

    public QueueState withRepeat(boolean on) {
        return new QueueState(shuffle, loop, on, anchor);
    }
}
