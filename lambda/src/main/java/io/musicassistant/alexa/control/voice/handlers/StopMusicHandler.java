package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** StopMusicIntent: Stops the music (a custom intent: AMAZON.StopIntent ends the session instead). */
public final class StopMusicHandler extends PlayerIntentHandler {

    public StopMusicHandler() {
        super("StopMusicIntent", ROOM);
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, PlayerAction.of(target.playerId(), PlayerAction.Action.STOP));
        return Speech.tell(turn.messages().say("stop.done", "room", target.name()));
    }
}
