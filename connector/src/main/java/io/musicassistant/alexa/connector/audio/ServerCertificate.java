package io.musicassistant.alexa.connector.audio;

import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * The stream server's certificate files and the TLS context read from them. A renewal (certbot
 * replacing fullchain.pem and privkey.pem, a new key store) is noticed by the files' times and
 * sizes and read again; until both halves of a renewal are in place and readable, the previous
 * certificate stays in use.
 */
public final class ServerCertificate {

    private static final JsonLog LOG = JsonLog.get(ServerCertificate.class);

    private final AudioConfig config;
    private final SSLContext initial;
    private String readVersion;
    private String failedVersion;

    private ServerCertificate(AudioConfig config, SSLContext initial, String version) {
        this.config = config;
        this.initial = initial;
        this.readVersion = version;
    }

    /** Reads the files once: a bad file fails the start (with the file's name, never its content). */
    public static ServerCertificate load(AudioConfig config) {
        String version = version(config);
        return new ServerCertificate(config, TlsContexts.server(config), version);
    }

    /** The context read at start. */
    SSLContext initial() {
        return initial;
    }

    /** A context from the files if they changed since they were last read, and read well now. */
    synchronized Optional<SSLContext> renewed() {
        String version = version(config);
        if (version.equals(readVersion) || version.equals(failedVersion)) {
            return Optional.empty();
        }
        try {
            SSLContext context = TlsContexts.server(config);
            readVersion = version;
            failedVersion = null;
            LOG.info("stream.certificate_reloaded");
            return Optional.of(context);
        } catch (IllegalArgumentException e) {
            // Half of a renewal (a new certificate, its key not written yet): the next change is tried again.
            failedVersion = version;
            LOG.warn("stream.certificate_unreadable", "error", e.getMessage());
            return Optional.empty();
        }
    }

    private static String version(AudioConfig config) {
        List<String> parts = new ArrayList<>();
        for (Path file : Stream.of(config.tlsKeyStore(), config.tlsCertificate(), config.tlsPrivateKey())
                .filter(f -> f != null)
                .toList()) {
            try {
                parts.add(Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file));
            } catch (IOException e) {
                parts.add("missing");
            }
        }
        return String.join(",", parts);
    }
}
