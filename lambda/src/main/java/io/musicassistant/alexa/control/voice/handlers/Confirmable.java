package io.musicassistant.alexa.control.voice.handlers;

import io.musicassistant.alexa.control.voice.Pending;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import java.util.Map;

/**
 * An intent that changes something that cannot be taken back by voice (unlinking a home, removing
 * an account): it first asks a yes/no question and keeps what it will do in the session as a
 * {@link Pending} with {@link #FILL}; {@link YesIntentHandler} then calls {@link #confirmed}, {@link NoIntentHandler}
 * drops it. What is confirmed is checked again then: the session attributes are only a reminder.
 */
public interface Confirmable {

    /** The {@link Pending#fill()} of a yes/no question. */
    String FILL = "confirm";

    /** The intent's name (the {@link Pending#intent()} of its questions). */
    String intent();

    /** The user said yes to the question that left {@code slots} in the session. */
    Speech confirmed(Turn turn, Map<String, String> slots);

    /** The question, with what {@code slots} keep for {@link #confirmed}. */
    static Speech ask(String question, String reprompt, String intent, Map<String, String> slots) {
        return Speech.question(question, reprompt, new Pending(intent, FILL, slots));
    }
}
