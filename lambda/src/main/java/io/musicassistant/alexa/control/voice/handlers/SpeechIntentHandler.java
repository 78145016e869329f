package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The built-in intents that only speak, one row each: the message key of the answer and, for those
 * that keep the session open, the key of the reprompt.
 */
public final class SpeechIntentHandler extends VoiceIntentHandler {

    /** {@code repromptKey} null: the answer ends the session. */
    record Row(String intent, String key, String repromptKey) {}

    static final List<Row> ROWS = List.of(
            new Row("AMAZON.HelpIntent", "help", "help.reprompt"),
            new Row("AMAZON.CancelIntent", "goodbye", null),
            // Ends the session; the music keeps playing (StopMusicIntent stops it).
            new Row("AMAZON.StopIntent", "goodbye", null),
            new Row("AMAZON.NavigateHomeIntent", "goodbye", null),
            // Something the model does not cover.
            new Row("AMAZON.FallbackIntent", "fallback", "fallback.reprompt"));

    private static final Map<String, Row> BY_INTENT =
            ROWS.stream().collect(Collectors.toMap(Row::intent, Function.identity()));

    public SpeechIntentHandler() {
        super(ROWS.stream().map(Row::intent).toList());
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        Row row = BY_INTENT.get(intent.getName());
        return row.repromptKey() == null
                ? Speech.tell(turn.messages().say(row.key()))
                : Speech.ask(turn.messages().say(row.key()), turn.messages().say(row.repromptKey()));
    }
}
