package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;

/** AMAZON.CancelIntent: Ends the session. */
public final class CancelHandler extends VoiceIntentHandler {

    public CancelHandler() {
        super("AMAZON.CancelIntent");
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        return Speech.tell(turn.messages().say("goodbye"));
    }
}
