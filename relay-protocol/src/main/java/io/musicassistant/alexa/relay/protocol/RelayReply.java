package io.musicassistant.alexa.relay.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the home writes to the reply table for one command.
 *
 * @param v protocol version
 * @param requestId the command's id
 * @param status {@code ok} or {@code error}
 * @param result the command's result when ok
 * @param error why not, when status is error
 * @param completedAtMs epoch millis (home clock, corrected by the heartbeat's server time)
 */
public record RelayReply(
        int v, String requestId, String status, JsonNode result, RelayError error, long completedAtMs) {

    public static final String OK = "ok";
    public static final String ERROR = "error";

    public static RelayReply ok(String requestId, JsonNode result, long nowMs) {
        return new RelayReply(RelayProtocol.VERSION, requestId, OK, result, null, nowMs);
    }

    public static RelayReply error(String requestId, RelayError error, long nowMs) {
        return new RelayReply(RelayProtocol.VERSION, requestId, ERROR, null, error, nowMs);
    }

    public boolean isOk() {
        return OK.equals(status);
    }
}
