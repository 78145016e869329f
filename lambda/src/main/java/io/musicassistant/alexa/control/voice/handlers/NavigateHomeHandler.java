package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;

/** AMAZON.NavigateHomeIntent: Leaves the skill. */
public final class NavigateHomeHandler extends VoiceIntentHandler {

    public NavigateHomeHandler() {
        super("AMAZON.NavigateHomeIntent");
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        return Speech.tell(turn.messages().say("goodbye"));
    }
}
