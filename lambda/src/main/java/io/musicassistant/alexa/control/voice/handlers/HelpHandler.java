package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;

/** AMAZON.HelpIntent: What the skill can do. */
public final class HelpHandler extends VoiceIntentHandler {

    public HelpHandler() {
        super("AMAZON.HelpIntent");
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        return Speech.ask(turn.messages().say("help"), turn.messages().say("help.reprompt"));
    }
}
