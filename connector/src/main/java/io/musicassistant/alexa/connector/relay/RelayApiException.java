package io.musicassistant.alexa.connector.relay;

/** A non-2xx answer of the relay API (or no answer at all: status 0). */
public final class RelayApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final long retryAfterSeconds;

    public RelayApiException(int status, String error, String message, long retryAfterSeconds) {
        super("relay API " + status + " " + error + (message == null ? "" : ": " + message), null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
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
