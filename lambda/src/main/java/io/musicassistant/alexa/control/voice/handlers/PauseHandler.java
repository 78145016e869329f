package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** PauseIntent: Pauses what plays. */
public final class PauseHandler extends PlayerIntentHandler {

    public PauseHandler() {
        super("PauseIntent", ROOM);
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, PlayerAction.of(target.playerId(), PlayerAction.Action.PAUSE));
        return Speech.tell(turn.messages().say("pause.done", "room", target.name()));
    }
}
