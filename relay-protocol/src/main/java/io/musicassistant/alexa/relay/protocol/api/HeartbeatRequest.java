package io.musicassistant.alexa.relay.protocol.api;

/**
 * {@code POST /v1/homes/{id}/heartbeat}, every {@link HeartbeatAck#intervalSeconds()} seconds.
 *
 * @param status {@code online}, or {@code stopping} when the connector shuts down cleanly so the
 *     cloud reports the home offline at once
 * @param connectorVersion the connector's version
 * @param ma what the connector knows of its Music Assistant server
 * @param streamBase the public HTTPS base stream URLs point at, or null if none is configured
 */
public record HeartbeatRequest(String status, String connectorVersion, MaStatus ma, String streamBase) {

    public static final String ONLINE = "online";
    public static final String STOPPING = "stopping";

    /** The Music Assistant server as the connector sees it. */
    public record MaStatus(boolean connected, String serverId, String serverVersion, Integer schemaVersion) {
    }
}
