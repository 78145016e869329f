package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** NextIntent: Skips to the next track. */
public final class NextHandler extends PlayerIntentHandler {

    public NextHandler() {
        super("NextIntent", ROOM);
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, PlayerAction.of(target.playerId(), PlayerAction.Action.NEXT));
        return Speech.tell(turn.messages().say("next.done", "room", target.name()));
    }
}
