package io.musicassistant.alexa.music.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.alexa.Fields;
import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.MusicRequest;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.QueueState;

/**
 * Alexa.Media.PlayQueue SetRepeat: play the current track again when it ends (a spoken "next"
 * still moves on). The request shape is observed, not documented: {@code "mode": {"status": "ON"}}.
 */
public final class SetRepeatHandler extends PlaybackModeHandler {

    public SetRepeatHandler(PlayQueues queues, EchoQueues echo) {
        super("SetRepeat", queues, echo, EchoQueues.Mode.REPEAT);
    }

    @Override
    boolean requested(MusicRequest request) {
        JsonNode mode = request.payload().path("mode");
        String status = mode.isObject() ? Fields.text(mode, "status", "") : Fields.text(request.payload(), "mode", "");
        return switch (status) {
            case "ON", "ONE" -> true;
            case "OFF" -> false;
            default -> throw AlexaException.invalidDirective("SetRepeat needs mode.status ON or OFF");
        };
    }

    @Override
    QueueState apply(QueueState state, boolean on, int currentTrack) {
        return state.withRepeat(on);
    }
}
