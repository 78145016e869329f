package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;

/** AMAZON.NoIntent: a question of a {@link Confirmable} is dropped and nothing changes. */
public final class NoIntentHandler extends VoiceIntentHandler {

    public NoIntentHandler() {
        super("AMAZON.NoIntent");
    }

    @Override
    public Speech answer(HandlerInput input, Turn turn, Intent intent) {
        return YesIntentHandler.question(input).isPresent()
                ? Speech.tell(turn.messages().say("confirm.no"))
                : answer(turn, intent);
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        return Speech.ask(turn.messages().say("fallback"), turn.messages().say("fallback.reprompt"));
    }
}
