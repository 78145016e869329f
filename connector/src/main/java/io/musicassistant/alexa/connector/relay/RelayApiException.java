package io.musicassistant.alexa.connector.relay;

/** A non-2xx answer of the relay API (or no answer at all: status 0). */
public final class RelayApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final long retryAfterSeconds;
    private final String proof;

    public RelayApiException(int status, String error, String message, long retryAfterSeconds) {
        this(status, error, message, retryAfterSeconds, null);
    }

    /** @param proof the {@code proof} of a {@code 410 unknown_home} answer, else null */
    public RelayApiException(int status, String error, String message, long retryAfterSeconds, String proof) {
        super("relay API " + status + " " + error + (message == null ? "" : ": " + message), null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
        this.proof = proof;
    }

    /** What a {@code 410 unknown_home} answer offers as proof; only {@code UnknownHome.proves} can tell whether it is one. */
    public String proof() {
        return proof;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
