package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** MuteIntent: Mutes. */
public final class MuteHandler extends PlayerIntentHandler {

    public MuteHandler() {
        super("MuteIntent", ROOM);
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, new PlayerAction(target.playerId(), PlayerAction.Action.MUTE, null, true, null));
        return Speech.tell(turn.messages().say("mute.done", "room", target.name()));
    }
}
