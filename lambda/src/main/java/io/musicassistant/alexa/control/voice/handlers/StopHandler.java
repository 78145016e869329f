package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;

/** AMAZON.StopIntent: Ends the session (the music keeps playing; StopMusicIntent stops it). */
public final class StopHandler extends VoiceIntentHandler {

    public StopHandler() {
        super("AMAZON.StopIntent");
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        return Speech.tell(turn.messages().say("goodbye"));
    }
}
