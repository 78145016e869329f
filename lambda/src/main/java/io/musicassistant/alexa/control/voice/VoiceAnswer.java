package io.musicassistant.alexa.control.voice;

/**
 * Ends a handler early with a spoken answer: a question ("Which room?") or a reason it cannot go
 * on ("The kitchen is unavailable right now"). Not an error; it carries no stack trace.
 */
public final class VoiceAnswer extends RuntimeException {

    private final transient Speech speech;

    public VoiceAnswer(Speech speech) {
        super("spoken answer", null, false, false);
        this.speech = speech;
    }

    public Speech speech() {
        return speech;
    }
}
