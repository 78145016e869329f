package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** VolumeUpIntent: One step louder, as Music Assistant steps it. */
public final class VolumeUpHandler extends PlayerIntentHandler {

    public VolumeUpHandler() {
        super("VolumeUpIntent", ROOM);
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, PlayerAction.of(target.playerId(), PlayerAction.Action.VOLUME_UP));
        return Speech.tell(turn.messages().say("volume.up.done", "room", target.name()));
    }
}
