package io.musicassistant.alexa.masim.error;

import java.util.Map;

/**
 * MA's error codes (music_assistant_models/errors.py) and the English sentences newest servers
 * send instead of the raw text (strings.json, spec §1.8).
 */
public final class ErrorCode {

    public static final int PROVIDER_UNAVAILABLE = 1;
    public static final int MEDIA_NOT_FOUND = 2;
    public static final int INVALID_DATA = 3;
    public static final int QUEUE_EMPTY = 8;
    public static final int UNSUPPORTED_FEATURE = 9;
    public static final int PLAYER_UNAVAILABLE = 10;
    public static final int PLAYER_COMMAND_FAILED = 11;
    public static final int INVALID_COMMAND = 12;
    public static final int INVALID_PROVIDER_URI = 14;
    public static final int ACTION_UNAVAILABLE = 19;
    public static final int AUTHENTICATION_REQUIRED = 20;
    public static final int INSUFFICIENT_PERMISSIONS = 22;
    public static final int INVALID_TOKEN = 23;
    public static final int SETUP_REQUIRED = 503;
    public static final int GENERIC = 999;

    private static final Map<Integer, String> GENERIC_DETAILS = Map.ofEntries(
            Map.entry(1, "The provider is currently unavailable."),
            Map.entry(2, "The requested media item could not be found."),
            Map.entry(3, "The data provided is invalid or could not be processed."),
            Map.entry(4, "This item is already registered."),
            Map.entry(5, "Setup failed. Please check the configuration and try again."),
            Map.entry(6, "Login failed. Please check your credentials and try again."),
            Map.entry(7, "An error occurred while processing audio."),
            Map.entry(8, "The queue is empty."),
            Map.entry(9, "This feature is not supported."),
            Map.entry(10, "The player is not available."),
            Map.entry(11, "The command to the player failed."),
            Map.entry(12, "Invalid or unsupported command."),
            Map.entry(13, "This media item cannot be played."),
            Map.entry(14, "The provider URI is invalid."),
            Map.entry(15, "The provider media item identifier is invalid."),
            Map.entry(16, "Retries exhausted. The operation could not be completed."),
            Map.entry(17, "This resource is temporarily unavailable. Please try again later."),
            Map.entry(18, "The provider denied this action due to insufficient permissions."),
            Map.entry(19, "This action is currently unavailable."),
            Map.entry(20, "Authentication is required."),
            Map.entry(21, "Authentication failed. The credentials are invalid."),
            Map.entry(22, "You do not have permission to perform this action."),
            Map.entry(23, "The access token is invalid or has expired."),
            Map.entry(24, "This resource is currently in use elsewhere."),
            Map.entry(25, "Rate limit reached. Please try again later."),
            Map.entry(26, "This is not supported on this system."),
            Map.entry(503, "Music Assistant is not set up yet."));

    private ErrorCode() {}

    /** The localized (English) sentence for a code, or {@code null} when MA keeps the raw text. */
    public static String genericDetails(int code) {
        return GENERIC_DETAILS.get(code);
    }
}
