package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** ShuffleOffIntent: Plays the queue in order again. */
public final class ShuffleOffHandler extends PlayerIntentHandler {

    public ShuffleOffHandler() {
        super("ShuffleOffIntent", ROOM);
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, new PlayerAction(target.playerId(), PlayerAction.Action.SHUFFLE, null, false, null));
        return Speech.tell(turn.messages().say("shuffle.off.done", "room", target.name()));
    }
}
