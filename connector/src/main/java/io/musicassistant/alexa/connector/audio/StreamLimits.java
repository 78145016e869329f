package io.musicassistant.alexa.connector.audio;

import java.time.Duration;
import java.util.Map;

/**
 * What any client may hold of the stream server, which faces the internet: an attacker needs no
 * signed URL to open connections. One set of values runs everywhere — the connector, the local
 * stack and the flood benchmark all use {@link #load} over the same defaults.
 *
 * @param maxConnections connections open at once from all addresses; beyond it new ones are closed at once
 * @param maxConnectionsPerAddress connections open at once from one IPv4 address or IPv6 /64; beyond
 *     it that address's new connections are closed at once, and other addresses are not affected
 * @param headerTimeout from the moment a connection is accepted (or its previous answer is complete)
 *     until its request header is complete, TLS handshake included; a connection that takes longer is closed
 * @param idleTimeout a connection with no traffic at all for this long is closed (a listener that
 *     stopped reading, Music Assistant silent far beyond the server's own patience)
 * @param maxThreads threads that serve requests; a waiting connection holds none
 */
public record StreamLimits(
        int maxConnections,
        int maxConnectionsPerAddress,
        Duration headerTimeout,
        Duration idleTimeout,
        int maxThreads) {

    /** The production values; only the two connection caps can be changed, by environment variable. */
    public static final StreamLimits DEFAULTS =
            new StreamLimits(512, 32, Duration.ofSeconds(10), Duration.ofSeconds(60), 64);

    public StreamLimits {
        if (maxConnectionsPerAddress < 1 || maxConnections < maxConnectionsPerAddress || maxConnections > 100_000) {
            throw new IllegalArgumentException("STREAM_MAX_CONNECTIONS_PER_ADDRESS must be at least 1 and at most "
                    + "STREAM_MAX_CONNECTIONS (at most 100000)");
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero() || idleTimeout.compareTo(headerTimeout) < 0) {
            throw new IllegalArgumentException(
                    "the header timeout must be positive and no longer than the idle timeout");
        }
        if (maxThreads < 8) {
            throw new IllegalArgumentException("the stream server needs at least 8 threads");
        }
    }

    static StreamLimits load(Map<String, String> settings) {
        return new StreamLimits(
                AudioConfig.number(settings, "STREAM_MAX_CONNECTIONS", DEFAULTS.maxConnections()),
                AudioConfig.number(settings, "STREAM_MAX_CONNECTIONS_PER_ADDRESS", DEFAULTS.maxConnectionsPerAddress()),
                DEFAULTS.headerTimeout(),
                DEFAULTS.idleTimeout(),
                DEFAULTS.maxThreads());
    }
}
