package io.musicassistant.alexa.relay;

/** A relay command that did not produce a result, and why. */
public final class RelayException extends RuntimeException {

    /** The closed set of ways a relay call fails. */
    public enum Failure {
        /** The home's heartbeat is stale or it said it is stopping; nothing was sent. */
        HOME_OFFLINE,
        /** The connector runs but cannot reach Music Assistant; nothing was sent. */
        MUSIC_ASSISTANT_DOWN,
        /** Sent, but no reply before the deadline. */
        TIMEOUT,
        /** The queue could not be written. */
        SEND_FAILED,
        /** The home answered with an error; see {@link #remoteCode()}. */
        REMOTE_ERROR,
        /** The home answered something we cannot read. */
        BAD_REPLY
    }

    private final Failure failure;
    private final String remoteCode;

    public RelayException(Failure failure, String message) {
        this(failure, null, message);
    }

    public RelayException(Failure failure, String remoteCode, String message) {
        super(message, null, false, false);
        this.failure = failure;
        this.remoteCode = remoteCode;
    }

    public Failure failure() {
        return failure;
    }

    /** The home's {@code RelayError.code} for {@link Failure#REMOTE_ERROR}, else null. */
    public String remoteCode() {
        return remoteCode;
    }
}
