package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;

/** VolumeDownIntent: One step quieter, as Music Assistant steps it. */
public final class VolumeDownHandler extends PlayerIntentHandler {

    public VolumeDownHandler() {
        super("VolumeDownIntent", ROOM);
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        control(turn, PlayerAction.of(target.playerId(), PlayerAction.Action.VOLUME_DOWN));
        return Speech.tell(turn.messages().say("volume.down.done", "room", target.name()));
    }
}
