package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.QueueState;

/** Alexa.Media.PlayQueue SetLoop: after the last track, start again from the first. */
public final class SetLoopHandler extends PlaybackModeHandler {

    public SetLoopHandler(PlayQueues queues, EchoQueues echo) {
        super("SetLoop", queues, echo, EchoQueues.Mode.LOOP);
    }

    @Override
    boolean requested(MusicRequest request) {
        return enable(request);
    }

    @Override
    QueueState apply(QueueState state, boolean on, int currentTrack) {
        return state.withLoop(on);
    }
}
