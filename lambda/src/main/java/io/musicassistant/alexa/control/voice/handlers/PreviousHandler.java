package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** PreviousIntent: Goes back a track. */
public final class PreviousHandler extends PlayerIntentHandler {

    public PreviousHandler() {
        super("PreviousIntent", ROOM);
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, PlayerAction.of(target.playerId(), PlayerAction.Action.PREVIOUS));
        return Speech.tell(turn.messages().say("previous.done", "room", target.name()));
    }
}
