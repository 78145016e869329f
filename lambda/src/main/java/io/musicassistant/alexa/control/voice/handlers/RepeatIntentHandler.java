package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Slots;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RepeatIntent: repeat {mode}, where REPEAT_MODE's values have the ids {@code off}, {@code one} and
 * {@code all}. Without entity resolution the spoken word is looked up; "repeat" alone means all.
 */
public final class RepeatIntentHandler extends PlayerIntentHandler {

    public static final String MODE = "mode";
    private static final Set<String> MODES = Set.of("off", "one", "all");

    public RepeatIntentHandler() {
        super("RepeatIntent", MODE, ROOM);
    }

    @Override
    protected Speech precheck(Turn turn, Intent intent) {
        return mode(intent, turn.messages()).isPresent()
                ? null
                : Speech.ask(
                        turn.messages().say("repeat.which"), turn.messages().say("repeat.which"));
    }

    static Optional<String> mode(Intent intent, Messages messages) {
        Optional<String> resolved =
                Slots.staticMatch(intent, MODE).map(Slots.Entity::id).filter(MODES::contains);
        if (resolved.isPresent()) {
            return resolved;
        }
        Optional<String> spoken = Slots.value(intent, MODE);
        return spoken.isEmpty() ? Optional.of("all") : spoken(messages, spoken.get());
    }

    /**
     * The mode ({@code off}, {@code one}, {@code all}) a word of REPEAT_MODE means in this language,
     * if any: an answer to a pending question carries only the words, without entity resolution
     * (the {@code repeat.words.*} messages; a test holds them and every model's values to each other).
     */
    public static Optional<String> spoken(Messages messages, String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return MODES.stream()
                .sorted()
                .filter(mode -> messages.words("repeat.words." + mode).contains(w))
                .findFirst();
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        String mode = mode(intent, turn.messages()).orElseThrow();
        control(turn, new PlayerAction(target.playerId(), PlayerAction.Action.REPEAT, null, null, mode));
        return Speech.tell(turn.messages().say("repeat." + mode + ".done", "room", target.name()));
    }
}
