package io.musicassistant.alexa.relay.protocol.api;

import java.util.regex.Pattern;

/**
 * {@code POST /v1/homes/{id}/heartbeat}, every {@link HeartbeatAck#intervalSeconds()} seconds.
 *
 * @param status {@code online}, or {@code stopping} when the connector shuts down cleanly so the
 *     cloud reports the home offline at once
 * @param connectorVersion the connector's version
 * @param ma what the connector knows of its Music Assistant server
 * @param streamBase the public HTTPS base stream URLs point at, or null if none is configured
 * @param stream the last reachability check of that base, or null (connectors before 0.2)
 * @param acks true when the connector writes a receipt row the moment it takes a command off its
 *     queue; only then may the cloud judge a home silent by a missing receipt, and heartbeat it
 *     rarely (null from older connectors: treated as false)
 */
public record HeartbeatRequest(
        String status, String connectorVersion, MaStatus ma, String streamBase, StreamStatus stream, Boolean acks) {

    public HeartbeatRequest(String status, String connectorVersion, MaStatus ma, String streamBase) {
        this(status, connectorVersion, ma, streamBase, null, null);
    }

    public HeartbeatRequest(
            String status, String connectorVersion, MaStatus ma, String streamBase, StreamStatus stream) {
        this(status, connectorVersion, ma, streamBase, stream, null);
    }

    public boolean acknowledges() {
        return Boolean.TRUE.equals(acks);
    }

    public static final String ONLINE = "online";
    public static final String STOPPING = "stopping";

    /** The Music Assistant server as the connector sees it. */
    public record MaStatus(boolean connected, String serverId, String serverVersion, Integer schemaVersion) {}

    /**
     * Whether Echo devices can fetch audio through the stream base, as the connector's self-test
     * found. {@code problem} is a short code (docs/audio-path.md); it may be set while {@code ok}
     * (a warning such as {@code no_range}).
     */
    public record StreamStatus(boolean ok, String problem) {
        public static final Pattern PROBLEM = Pattern.compile("[a-z_]{1,32}");
    }
}
