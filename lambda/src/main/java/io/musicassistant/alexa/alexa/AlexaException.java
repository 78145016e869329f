package io.musicassistant.alexa.alexa;

/**
 * Thrown anywhere below a handler to answer Alexa with an error envelope. The message is safe to
 * log (no tokens, no user content beyond what the error type implies).
 */
public class AlexaException extends RuntimeException {

    private final AlexaError error;

    public AlexaException(AlexaError error) {
        super(error.type() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public AlexaError error() {
        return error;
    }

    public static AlexaException invalidDirective(String why) {
        return new AlexaException(new AlexaError.General(AlexaError.General.INVALID_DIRECTIVE, why));
    }

    public static AlexaException internal(String why) {
        return new AlexaException(new AlexaError.General(AlexaError.General.INTERNAL_ERROR, why));
    }
}
