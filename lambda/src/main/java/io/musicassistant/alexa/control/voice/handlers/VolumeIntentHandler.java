package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Slots;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import java.util.Optional;

/** VolumeIntent: sets the volume to {level}, 0 to 100; anything else is refused before any player is asked. */
public final class VolumeIntentHandler extends PlayerIntentHandler {

    public static final String LEVEL = "level";

    public VolumeIntentHandler() {
        super("VolumeIntent", LEVEL, ROOM);
    }

    @Override
    protected Speech precheck(Turn turn, Intent intent) {
        Optional<String> heard = Slots.value(intent, LEVEL).filter(v -> !"?".equals(v));
        if (heard.isEmpty()) {
            return Speech.ask(turn.messages().say("volume.ask"), turn.messages().say("volume.ask"));
        }
        Optional<Integer> level = Slots.number(intent, LEVEL);
        return level.isPresent() && level.get() >= 0 && level.get() <= 100
                ? null
                : Speech.tell(turn.messages().say("volume.range"));
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        int level = Slots.number(intent, LEVEL).orElseThrow();
        control(turn, new PlayerAction(target.playerId(), PlayerAction.Action.VOLUME_SET, level, null, null));
        return Speech.tell(turn.messages().say("volume.done", "room", target.name(), "level", level));
    }
}
