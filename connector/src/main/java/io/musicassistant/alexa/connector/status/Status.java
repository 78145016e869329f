package io.musicassistant.alexa.connector.status;

import java.util.List;

/**
 * What the status page shows, as {@code GET ./api/status} sends it (snake_case JSON). Codes, not
 * sentences: the page words them in its language. Nothing secret: no token, key, secret, credential
 * or signed URL has a field here, and free texts (a failure's detail) are cut to their origin.
 */
public record Status(
        String version,
        Pairing pairing,
        Ma ma,
        Relay relay,
        List<Command> commands,
        Stream stream,
        Catalog catalog,
        Cache cache,
        Echo echo) {

    public static final String UNKNOWN = "unknown";

    /**
     * @param state {@code unpaired}, {@code paired} or {@code unknown} (no answer from the cloud yet)
     * @param code the eight digits to say, only while unpaired
     * @param expiresAtMs when the code stops working
     * @param linkedAccounts how many Amazon accounts are linked (null: not known)
     */
    public record Pairing(String state, String code, Long expiresAtMs, Integer linkedAccounts) {}

    /** @param state {@code connected} or {@code disconnected}; {@code url} without credentials or path */
    public record Ma(String state, String url, String serverVersion) {}

    /**
     * @param state {@code ok}, {@code failing} or {@code unknown}
     * @param lastHeartbeatMs when the last heartbeat was answered or failed (null: none yet)
     * @param heartbeatError the error of the last heartbeat, null when it was answered
     * @param pollError the kind of failure while polling the relay queue fails
     */
    public record Relay(String state, Long lastHeartbeatMs, String heartbeatError, String pollError) {}

    /** @param outcome {@code ok} or the error code */
    public record Command(String command, String outcome, long durationMs, long atMs) {}

    /**
     * @param state {@code ok}, {@code problem} (unreachable, or reachable without Range) or {@code unknown}
     * @param reachable null before the first check
     * @param problem a ReachabilityCheck problem code (docs/audio-path.md)
     * @param checking a check asked for with the page's button is running
     */
    public record Stream(
            String state,
            String base,
            Boolean reachable,
            String problem,
            String detail,
            Long checkedAtMs,
            boolean checking) {}

    /**
     * @param state {@code off}, {@code idle}, {@code exporting}, {@code done} or {@code failed}
     * @param uploaded whether the last export uploaded (false: nothing had changed)
     * @param error the last failure's code while exports fail
     */
    public record Catalog(
            String state,
            Long lastExportMs,
            Boolean uploaded,
            Integer entities,
            Long bytes,
            Integer added,
            Integer changed,
            Integer removed,
            Long failedAtMs,
            String error) {}

    public record Cache(int entries, long bytesUsed, long capacityBytes, long hits, long misses) {}

    /**
     * The Echo players (issue 16).
     *
     * @param editable the page may add and remove names (ECHO_PLAYERS names none); else it only shows them
     * @param max how many Echo players the connector takes
     */
    public record Echo(boolean editable, int max, List<EchoPlayer> players) {
        public static final Echo NONE = new Echo(false, 0, List.of());
    }

    /**
     * @param key the name key the remove button sends
     * @param state {@code playing}, {@code requested} (a trigger awaits the Echo) or {@code idle}
     */
    public record EchoPlayer(String name, String key, boolean connected, String state) {}
}
