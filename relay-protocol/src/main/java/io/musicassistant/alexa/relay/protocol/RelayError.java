package io.musicassistant.alexa.relay.protocol;

/**
 * Why a command failed at home. {@code code} is one of the constants below; {@code message} is a
 * short human-readable reason without user data beyond what the user asked for.
 */
public record RelayError(String code, String message) {

    /** The command names nothing the user's Music Assistant has. */
    public static final String NOT_FOUND = "not_found";
    /** The player a command names is not (or no longer) among Music Assistant's players. */
    public static final String NO_SUCH_PLAYER = "no_such_player";
    /** Something matched, but every track of it is explicit and the device filters explicit content. */
    public static final String CONTENT_FILTERED = "content_filtered";
    /** The player exists but Music Assistant cannot reach it (switched off at the wall, offline). */
    public static final String PLAYER_UNAVAILABLE = "player_unavailable";
    /** The player cannot do this (no volume control, no power switch). */
    public static final String UNSUPPORTED = "unsupported";
    /** The connector runs but cannot reach Music Assistant. */
    public static final String MA_UNAVAILABLE = "ma_unavailable";
    /** Music Assistant answered with an error; the message carries its error code. */
    public static final String MA_ERROR = "ma_error";
    /** The command's arguments are not valid. */
    public static final String INVALID_ARGS = "invalid_args";
    /** This connector does not know the command (older connector, newer cloud). */
    public static final String UNKNOWN_COMMAND = "unknown_command";
    /** The connector has no working public stream base to hand out. */
    public static final String NO_STREAM_BASE = "no_stream_base";
    /** Anything else; details are in the connector's log under the request id. */
    public static final String INTERNAL = "internal";
}
