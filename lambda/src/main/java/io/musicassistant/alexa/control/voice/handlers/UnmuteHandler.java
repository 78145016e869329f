package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** UnmuteIntent: Unmutes. */
public final class UnmuteHandler extends PlayerIntentHandler {

    public UnmuteHandler() {
        super("UnmuteIntent", ROOM);
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, new PlayerAction(target.playerId(), PlayerAction.Action.MUTE, null, false, null));
        return Speech.tell(turn.messages().say("unmute.done", "room", target.name()));
    }
}
