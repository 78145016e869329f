package io.musicassistant.alexa.identity;

/** A Login-with-Amazon token we cannot accept, or LWA could not be asked. Never carries the token. */
public final class AuthorizationException extends RuntimeException {

    /** Why the token was refused. */
    public enum Reason {
        /** Missing, malformed, unknown to LWA, or issued to another client. */
        INVALID,
        /** Was valid, has expired; Alexa refreshes it and retries. */
        EXPIRED,
        /** LWA did not answer usefully (network, 5xx); not the user's fault. */
        UNAVAILABLE
    }

    private final Reason reason;

    public AuthorizationException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
