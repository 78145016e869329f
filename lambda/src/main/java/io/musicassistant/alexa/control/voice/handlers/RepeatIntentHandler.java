package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Slots;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RepeatIntent: repeat {mode}, where REPEAT_MODE's values have the ids {@code off}, {@code one} and
 * {@code all}. Without entity resolution the spoken word is looked up; "repeat" alone means all.
 */
public final class RepeatIntentHandler extends PlayerIntentHandler {

    public static final String MODE = "mode";
    private static final Set<String> MODES = Set.of("off", "one", "all");
    /**
     * Every value and synonym of REPEAT_MODE in the models, for a mode that arrives without entity
     * resolution: an answer to a pending question carries only the words (a test holds this table
     * and the models to each other).
     */
    private static final Map<String, String> SPOKEN = Map.ofEntries(
            Map.entry("off", "off"),
            Map.entry("none", "off"),
            Map.entry("nothing", "off"),
            Map.entry("disabled", "off"),
            Map.entry("aus", "off"),
            Map.entry("nichts", "off"),
            Map.entry("keine", "off"),
            Map.entry("deaktiviert", "off"),
            Map.entry("one", "one"),
            Map.entry("this song", "one"),
            Map.entry("this track", "one"),
            Map.entry("the song", "one"),
            Map.entry("the track", "one"),
            Map.entry("single", "one"),
            Map.entry("one song", "one"),
            Map.entry("the current song", "one"),
            Map.entry("eins", "one"),
            Map.entry("dieses lied", "one"),
            Map.entry("diesen titel", "one"),
            Map.entry("das lied", "one"),
            Map.entry("den titel", "one"),
            Map.entry("einen titel", "one"),
            Map.entry("ein lied", "one"),
            Map.entry("einzeln", "one"),
            Map.entry("all", "all"),
            Map.entry("everything", "all"),
            Map.entry("on", "all"),
            Map.entry("the queue", "all"),
            Map.entry("the playlist", "all"),
            Map.entry("the album", "all"),
            Map.entry("all songs", "all"),
            Map.entry("all tracks", "all"),
            Map.entry("alle", "all"),
            Map.entry("alles", "all"),
            Map.entry("an", "all"),
            Map.entry("ein", "all"),
            Map.entry("die playlist", "all"),
            Map.entry("das album", "all"),
            Map.entry("die warteschlange", "all"),
            Map.entry("alle titel", "all"),
            Map.entry("alle lieder", "all"));

    public RepeatIntentHandler() {
        super("RepeatIntent", MODE, ROOM);
    }

    @Override
    protected Speech precheck(Turn turn, Intent intent) {
        return mode(intent).isPresent()
                ? null
                : Speech.ask(
                        turn.messages().say("repeat.which"), turn.messages().say("repeat.which"));
    }

    static Optional<String> mode(Intent intent) {
        Optional<String> resolved =
                Slots.staticMatch(intent, MODE).map(Slots.Entity::id).filter(MODES::contains);
        if (resolved.isPresent()) {
            return resolved;
        }
        Optional<String> spoken = Slots.value(intent, MODE);
        return spoken.isEmpty() ? Optional.of("all") : spoken(spoken.get());
    }

    /** The mode ({@code off}, {@code one}, {@code all}) a word of REPEAT_MODE means, if any. */
    public static Optional<String> spoken(String word) {
        return Optional.ofNullable(SPOKEN.get(word.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        String mode = mode(intent).orElseThrow();
        control(turn, new PlayerAction(target.playerId(), PlayerAction.Action.REPEAT, null, null, mode));
        return Speech.tell(turn.messages().say("repeat." + mode + ".done", "room", target.name()));
    }
}
