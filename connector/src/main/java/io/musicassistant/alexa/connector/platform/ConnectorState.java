package io.musicassistant.alexa.connector.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * What the connector keeps between runs, in its state directory: the home's identity and secret,
 * the key its stream URLs are signed with, and the current pairing code for people to read.
 * Secret files are written owner-only and atomically.
 */
public final class ConnectorState {

    public static final String HOME_FILE = "home.json";
    public static final String STREAM_KEY_FILE = "stream.key";
    public static final String PAIRING_FILE = "pairing-code.txt";

    private final Path dir;

    public ConnectorState(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state directory " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Optional<HomeRegistration> home() {
        Path file = dir.resolve(HOME_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = RelayJson.mapper().readTree(Files.readString(file));
            return Optional.of(new HomeRegistration(
                    node.path("instance_id").asText(),
                    node.path("instance_secret").asText(),
                    node.path("unknown_home_check").asText(null)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void saveHome(HomeRegistration home) {
        writeSecret(HOME_FILE, RelayJson.write(home).getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps the old identity for inspection and starts over (the cloud proved it no longer knows it). */
    public void retireHome() {
        Path file = dir.resolve(HOME_FILE);
        try {
            if (Files.exists(file)) {
                Files.move(
                        file,
                        dir.resolve(HOME_FILE + ".retired-" + Instant.now().getEpochSecond()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stream signing key, created on first use: 256 random bits that never leave the home. */
    public byte[] streamKey() {
        Path file = dir.resolve(STREAM_KEY_FILE);
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length >= 32) {
                    return key;
                }
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            writeSecret(STREAM_KEY_FILE, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void showPairingCode(String text) {
        try {
            Files.writeString(dir.resolve(PAIRING_FILE), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clearPairingCode() {
        try {
            Files.deleteIfExists(dir.resolve(PAIRING_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeSecret(String name, byte[] content) {
        Path target = dir.resolve(name);
        Path temp = dir.resolve(name + ".tmp");
        try {
            Files.deleteIfExists(temp);
            try {
                Files.createFile(
                        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temp);
            }
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
