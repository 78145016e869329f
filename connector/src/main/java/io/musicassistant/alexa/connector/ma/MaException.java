package io.musicassistant.alexa.connector.ma;

/**
 * An error frame from Music Assistant. Branch on {@link #code()}, never on the text: newer servers
 * replace details with generic, localised sentences (music_assistant_models/errors.py).
 */
public final class MaException extends RuntimeException {

    public static final int MEDIA_NOT_FOUND = 2;
    public static final int INVALID_DATA = 3;
    public static final int UNSUPPORTED_FEATURE = 9;
    public static final int PLAYER_UNAVAILABLE = 10;
    public static final int PLAYER_COMMAND_FAILED = 11;
    public static final int INVALID_COMMAND = 12;
    public static final int INVALID_PROVIDER_URI = 14;
    /** ActionUnavailable: not possible now (for example removing the config of a player still registered). */
    public static final int ACTION_UNAVAILABLE = 19;

    public static final int AUTHENTICATION_REQUIRED = 20;
    public static final int AUTHENTICATION_FAILED = 21;
    public static final int INSUFFICIENT_PERMISSIONS = 22;
    public static final int INVALID_TOKEN = 23;
    public static final int SETUP_REQUIRED = 503;

    private final int code;

    public MaException(int code, String details) {
        super("Music Assistant error " + code + (details == null ? "" : ": " + details), null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The token was refused: retrying with the same token cannot help. */
    public boolean isCredentialProblem() {
        return code == AUTHENTICATION_REQUIRED || code == AUTHENTICATION_FAILED || code == INVALID_TOKEN;
    }

    public boolean isNotFound() {
        return code == MEDIA_NOT_FOUND || code == INVALID_PROVIDER_URI;
    }
}
