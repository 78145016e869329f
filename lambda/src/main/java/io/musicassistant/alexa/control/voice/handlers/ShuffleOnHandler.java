package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** ShuffleOnIntent: Shuffles the queue. */
public final class ShuffleOnHandler extends PlayerIntentHandler {

    public ShuffleOnHandler() {
        super("ShuffleOnIntent", ROOM);
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, new PlayerAction(target.playerId(), PlayerAction.Action.SHUFFLE, null, true, null));
        return Speech.tell(turn.messages().say("shuffle.on.done", "room", target.name()));
    }
}
