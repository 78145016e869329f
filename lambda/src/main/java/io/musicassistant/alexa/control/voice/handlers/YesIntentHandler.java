package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Pending;
import io.musicassistant.alexa.control.voice.Replies;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import java.util.Map;
import java.util.Optional;

/** AMAZON.YesIntent: does what a {@link Confirmable} asked about; a yes to nothing gets the fallback. */
public final class YesIntentHandler extends VoiceIntentHandler {

    private final Map<String, Confirmable> confirmables;

    public YesIntentHandler(Map<String, Confirmable> confirmables) {
        super("AMAZON.YesIntent");
        this.confirmables = Map.copyOf(confirmables);
    }

    static Optional<Pending> question(HandlerInput input) {
        Map<String, Object> session = Replies.sessionAttributes(input);
        return (session == null ? Optional.<Pending>empty() : Pending.fromAttribute(session.get(Pending.ATTRIBUTE)))
                .filter(p -> Confirmable.FILL.equals(p.fill()));
    }

    @Override
    public Speech answer(HandlerInput input, Turn turn, Intent intent) {
        Optional<Pending> pending = question(input);
        Confirmable asking = pending.map(p -> confirmables.get(p.intent())).orElse(null);
        return asking == null
                ? answer(turn, intent)
                : asking.confirmed(turn, pending.get().slots());
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        return Speech.ask(turn.messages().say("fallback"), turn.messages().say("fallback.reprompt"));
    }
}
