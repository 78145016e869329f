package io.musicassistant.alexa.relay.protocol;

/** A message that does not follow the relay protocol. Its text never carries message content. */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
