package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** ResumeIntent: plays on; without a room, the player that is paused. */
public final class ResumeHandler extends PlayerIntentHandler {

    public ResumeHandler() {
        super("ResumeIntent", ROOM);
    }

    @Override
    protected Rooms.Default defaultRoom() {
        return Rooms.Default.PAUSED;
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, PlayerAction.of(target.playerId(), PlayerAction.Action.PLAY));
        return Speech.tell(turn.messages().say("resume.done", "room", target.name()));
    }
}
