package io.musicassistant.alexa.connector.ma;

/** Music Assistant cannot be reached right now (not connected, connection lost, or timed out). */
public final class MaUnavailableException extends RuntimeException {

    public MaUnavailableException(String message) {
        super(message, null, false, false);
    }
}
