package io.musicassistant.alexa.relay;

/** The user's Amazon account is linked to the skill but no home has been paired with it. */
public final class NotPairedException extends RuntimeException {

    public NotPairedException() {
        super("no home is paired with this account", null, false, false);
    }
}
