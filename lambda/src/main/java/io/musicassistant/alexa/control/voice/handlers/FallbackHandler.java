package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;

/** AMAZON.FallbackIntent: Something the model does not cover. */
public final class FallbackHandler extends VoiceIntentHandler {

    public FallbackHandler() {
        super("AMAZON.FallbackIntent");
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        return Speech.ask(turn.messages().say("fallback"), turn.messages().say("fallback.reprompt"));
    }
}
