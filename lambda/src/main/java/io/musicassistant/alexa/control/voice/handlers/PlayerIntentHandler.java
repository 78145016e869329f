package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Failures;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceAnswer;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import io.musicassistant.alexa.relay.RelayException;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.RelayError;
import java.util.List;

/**
 * An intent that acts on one player, named by slot {@code room} or chosen by {@link Rooms}. A
 * failure of that player is said with its name ("The kitchen is unavailable right now").
 */
public abstract class PlayerIntentHandler extends VoiceIntentHandler {

    public static final String ROOM = "room";

    protected PlayerIntentHandler(String intent, String... slots) {
        super(intent, slots);
    }

    protected PlayerIntentHandler(List<String> intents, String... slots) {
        super(intents, slots);
    }

    /** Which player a request for {@code intent} without a room means. */
    protected Rooms.Default defaultRoom(Intent intent) {
        return Rooms.Default.PLAYING;
    }

    /** An answer that needs no player (a volume out of range), or null to go on; checked first. */
    protected Speech precheck(Turn turn, Intent intent) {
        return null;
    }

    protected abstract Speech act(Turn turn, Intent intent, Rooms.Target target);

    /** The intent as it should be understood (a room heard inside another slot moved to its own); as it is by default. */
    protected Intent refine(Turn turn, Intent intent) {
        return intent;
    }

    @Override
    public final Speech answer(Turn turn, Intent spoken) {
        Intent intent = refine(turn, spoken);
        Speech early = precheck(turn, intent);
        if (early != null) {
            return early;
        }
        Rooms.Target target = Rooms.target(turn, intent, ROOM, defaultRoom(intent));
        try {
            return act(turn, intent, target);
        } catch (RelayException e) {
            throw playerFailure(turn, target, e);
        }
    }

    /** {@code action} on the target, through the relay; the player's state afterwards. */
    protected static PlayerInfo control(Turn turn, PlayerAction action) {
        return turn.control().control(turn.home(), action, turn.deadline());
    }

    /** A relay failure that concerns the target itself, said with its name; other failures as they are. */
    static RuntimeException playerFailure(Turn turn, Rooms.Target target, RelayException e) {
        String key = Failures.remote(e, RelayError.PLAYER_UNAVAILABLE)
                ? "player.unavailable"
                : Failures.remote(e, RelayError.UNSUPPORTED)
                        ? "player.unsupported"
                        : Failures.remote(e, RelayError.NO_SUCH_PLAYER) || Failures.remote(e, RelayError.NOT_FOUND)
                                ? "player.gone"
                                : null;
        return key == null ? e : new VoiceAnswer(Speech.tell(turn.messages().say(key, "room", target.name())));
    }
}
