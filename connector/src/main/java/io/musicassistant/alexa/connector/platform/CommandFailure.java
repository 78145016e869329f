package io.musicassistant.alexa.connector.platform;

/** A command that cannot be done, with the relay error code the cloud should see. */
public final class CommandFailure extends RuntimeException {

    private final String code;

    public CommandFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
