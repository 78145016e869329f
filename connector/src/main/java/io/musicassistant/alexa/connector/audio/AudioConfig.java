package io.musicassistant.alexa.connector.audio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the audio path (see connector/README.md): where the stream server listens and whether
 * it speaks TLS itself, the disk cache, and the virtual players Music Assistant renders tracks to.
 *
 * @param bindAddress interface the stream server listens on
 * @param port its port; the public base (reverse proxy, tunnel) forwards to it
 * @param tlsKeyStore a PKCS#12 key store with the certificate to serve, or null
 * @param tlsCertificate a PEM certificate chain (e.g. Let's Encrypt's fullchain.pem), or null
 * @param tlsPrivateKey its PEM PKCS#8 private key (privkey.pem), or null
 * @param tlsPassword the key store's password, or null
 * @param selfTestTrustStore a PKCS#12 trust store the self-test uses instead of the public CAs — only
 *     for testing with a private certificate, which Echo devices would refuse
 * @param cacheDir where tracks are kept
 * @param cacheBytes the cache's size limit
 * @param cacheTtl how long an unused track is kept
 * @param players how many virtual players (parallel downloads) to register with Music Assistant
 * @param streamsPerProvider how many items of one music provider may download at once
 * @param slimprotoPort Music Assistant's Slimproto port
 * @param limits what any client may hold of the stream server ({@link StreamLimits#DEFAULTS} unless set)
 */
public record AudioConfig(
        String bindAddress,
        int port,
        Path tlsKeyStore,
        Path tlsCertificate,
        Path tlsPrivateKey,
        String tlsPassword,
        Path selfTestTrustStore,
        Path cacheDir,
        long cacheBytes,
        Duration cacheTtl,
        int players,
        int streamsPerProvider,
        int slimprotoPort,
        StreamLimits limits) {

    public AudioConfig {
        if (port < 0 || port > 65535 || slimprotoPort < 1 || slimprotoPort > 65535) {
            throw new IllegalArgumentException("STREAM_PORT and SLIMPROTO_PORT must be TCP ports");
        }
        if (players < 1 || players > 8) {
            throw new IllegalArgumentException("VIRTUAL_PLAYERS must be 1..8");
        }
        if (streamsPerProvider < 1 || streamsPerProvider > players) {
            throw new IllegalArgumentException("STREAMS_PER_PROVIDER must be 1..VIRTUAL_PLAYERS");
        }
        if (cacheTtl.toHours() < 1) {
            throw new IllegalArgumentException("AUDIO_CACHE_HOURS must be at least 1");
        }
        if (cacheBytes < 64L * 1024 * 1024) {
            throw new IllegalArgumentException("AUDIO_CACHE_MB must be at least 64");
        }
        if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
            throw new IllegalArgumentException("STREAM_TLS_CERT and STREAM_TLS_KEY go together");
        }
        if (tlsKeyStore != null && tlsCertificate != null) {
            throw new IllegalArgumentException(
                    "set either STREAM_TLS_KEYSTORE or STREAM_TLS_CERT/STREAM_TLS_KEY, not both");
        }
    }

    public boolean tls() {
        return tlsKeyStore != null || tlsCertificate != null;
    }

    public static AudioConfig load(Map<String, String> settings, Path stateDir) {
        return new AudioConfig(
                settings.getOrDefault("STREAM_BIND", "0.0.0.0"),
                number(settings, "STREAM_PORT", 8099),
                path(settings, "STREAM_TLS_KEYSTORE"),
                path(settings, "STREAM_TLS_CERT"),
                path(settings, "STREAM_TLS_KEY"),
                settings.get("STREAM_TLS_PASSWORD"),
                path(settings, "STREAM_SELFTEST_TRUSTSTORE"),
                cacheDir(settings, stateDir),
                number(settings, "AUDIO_CACHE_MB", 2048) * 1024L * 1024L,
                Duration.ofHours(number(settings, "AUDIO_CACHE_HOURS", 48)),
                number(settings, "VIRTUAL_PLAYERS", 2),
                number(settings, "STREAMS_PER_PROVIDER", 1),
                number(settings, "SLIMPROTO_PORT", 3483),
                StreamLimits.load(settings));
    }

    @Override
    public String toString() {
        return "AudioConfig[bind=" + bindAddress + ":" + port + ", tls=" + tls() + ", cacheDir=" + cacheDir
                + ", cacheMb=" + cacheBytes / (1024 * 1024) + ", cacheTtl=" + cacheTtl + ", players=" + players
                + ", streamsPerProvider=" + streamsPerProvider + ", slimprotoPort=" + slimprotoPort + ", limits="
                + limits + "]";
    }

    /** The cache's own directory: it deletes what it does not recognise, so never the state directory itself. */
    private static Path cacheDir(Map<String, String> settings, Path stateDir) {
        Path dir = path(settings, "AUDIO_CACHE_DIR");
        if (dir == null) {
            return stateDir.resolve("audio-cache");
        }
        if (dir.toAbsolutePath().normalize().equals(stateDir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(
                    "AUDIO_CACHE_DIR must not be the state directory; use a directory of its own");
        }
        return dir;
    }

    static int number(Map<String, String> settings, String key, int fallback) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.strip().matches("\\d{1,7}")) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
        return Integer.parseInt(value.strip());
    }

    private static Path path(Map<String, String> settings, String key) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }
}
