package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.QueueState;

/** Alexa.Media.PlayQueue SetShuffle: the current track stays, the rest is shuffled around it. */
public final class SetShuffleHandler extends PlaybackModeHandler {

    public SetShuffleHandler(PlayQueues queues, EchoQueues echo) {
        super("SetShuffle", queues, echo, EchoQueues.Mode.SHUFFLE);
    }

    @Override
    boolean requested(MusicRequest request) {
        return enable(request);
    }

    @Override
    QueueState apply(QueueState state, boolean on, int currentTrack) {
        return state.shuffle() == on ? state : state.withShuffle(on, currentTrack);
    }
}
