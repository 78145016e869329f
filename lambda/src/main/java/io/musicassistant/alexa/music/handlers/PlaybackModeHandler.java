package io.musicassistant.alexa.music.handlers;

import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.ItemReference;
import io.musicassistant.alexa.music.MusicDirectiveHandler;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.QueueState;
import io.musicassistant.alexa.music.model.AlexaMessage;

/**
 * What SetShuffle, SetLoop and SetRepeat share: read the requested mode, store the queue's new
 * state, answer with an empty Alexa.Response, payload version 3.0 (observed: 1.0 leaves the app's
 * state stale). The next GetNextItem follows the new mode.
 */
abstract class PlaybackModeHandler implements MusicDirectiveHandler {

    private final String name;
    private final PlayQueues queues;
    private final EchoQueues echo;
    private final EchoQueues.Mode mode;

    PlaybackModeHandler(String name, PlayQueues queues, EchoQueues echo, EchoQueues.Mode mode) {
        this.name = name;
        this.queues = queues;
        this.echo = echo;
        this.mode = mode;
    }

    @Override
    public final DirectiveName directive() {
        return new DirectiveName("Alexa.Media.PlayQueue", name);
    }

    /** The requested on/off state, or an INVALID_DIRECTIVE error. */
    abstract boolean requested(MusicRequest request);

    /** The queue's state with the mode changed; {@code currentTrack} is the track now playing. */
    abstract QueueState apply(QueueState state, boolean on, int currentTrack);

    @Override
    public final AlexaMessage handle(MusicRequest request) {
        ItemReference ref = ItemReference.from(request.payload().get("currentItemReference"));
        boolean on = requested(request);
        if (EchoQueues.echoKey(ref.contentId()).isPresent()) {
            // An Echo queue's modes are MA's: the change goes to MA's queue, which the next steps follow.
            echo.setMode(request, ref, mode, on);
            return AlexaMessage.emptyResponse("3.0");
        }
        PlayQueues.Session session = queues.open(request, ref);
        QueueState state = session.state();
        QueueState changed = apply(state, on, queues.entry(session, ref.id()).track());
        if (!changed.equals(state)) {
            queues.changeState(session, changed);
        }
        return AlexaMessage.emptyResponse("3.0");
    }

    static boolean enable(MusicRequest request) {
        var enable = request.payload().get("enable");
        if (enable == null || !enable.isBoolean()) {
            throw AlexaException.invalidDirective("enable must be true or false");
        }
        return enable.asBoolean();
    }
}
