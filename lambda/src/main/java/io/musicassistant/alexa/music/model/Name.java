package io.musicassistant.alexa.music.model;

/**
 * A name as Alexa wants it: {@code speech} is what Alexa says and, observed, what the Alexa app
 * shows, so it keeps its natural case; {@code display} is documented but currently ignored.
 */
public record Name(Speech speech, String display) {

    public static Name of(String text) {
        return new Name(new Speech("PLAIN_TEXT", text), text);
    }

    /** Alexa's {@code SpeechInfo}. */
    public record Speech(String type, String text) {}
}
