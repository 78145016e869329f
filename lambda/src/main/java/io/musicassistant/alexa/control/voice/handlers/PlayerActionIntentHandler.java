package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerAction.Action;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The intents that do one Music Assistant action to one player and say that it is done, and differ
 * in nothing else: one row each — the intent, the action (with its on/off value), the message key
 * of the answer, and which player a request without a room means.
 */
public final class PlayerActionIntentHandler extends PlayerIntentHandler {

    /** What one intent does; {@code on} is the action's on/off value (mute, shuffle), or null. */
    record Row(String intent, Action action, Boolean on, String doneKey, Rooms.Default defaultRoom) {

        Row(String intent, Action action, Boolean on, String doneKey) {
            this(intent, action, on, doneKey, Rooms.Default.PLAYING);
        }
    }

    static final List<Row> ROWS = List.of(
            new Row("PauseIntent", Action.PAUSE, null, "pause.done"),
            // Resume plays on the player that is paused, not on one that plays already.
            new Row("ResumeIntent", Action.PLAY, null, "resume.done", Rooms.Default.PAUSED),
            // A custom intent: AMAZON.StopIntent ends the session and leaves the music playing.
            new Row("StopMusicIntent", Action.STOP, null, "stop.done"),
            new Row("NextIntent", Action.NEXT, null, "next.done"),
            new Row("PreviousIntent", Action.PREVIOUS, null, "previous.done"),
            // One step, as Music Assistant steps the player's volume.
            new Row("VolumeUpIntent", Action.VOLUME_UP, null, "volume.up.done"),
            new Row("VolumeDownIntent", Action.VOLUME_DOWN, null, "volume.down.done"),
            new Row("MuteIntent", Action.MUTE, true, "mute.done"),
            new Row("UnmuteIntent", Action.MUTE, false, "unmute.done"),
            new Row("ShuffleOnIntent", Action.SHUFFLE, true, "shuffle.on.done"),
            new Row("ShuffleOffIntent", Action.SHUFFLE, false, "shuffle.off.done"));

    private static final Map<String, Row> BY_INTENT =
            ROWS.stream().collect(Collectors.toMap(Row::intent, Function.identity()));

    public PlayerActionIntentHandler() {
        super(ROWS.stream().map(Row::intent).toList(), ROOM);
    }

    @Override
    protected Rooms.Default defaultRoom(Intent intent) {
        return BY_INTENT.get(intent.getName()).defaultRoom();
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        Row row = BY_INTENT.get(intent.getName());
        control(turn, new PlayerAction(target.playerId(), row.action(), null, row.on(), null));
        return Speech.tell(turn.messages().say(row.doneKey(), "room", target.name()));
    }
}
