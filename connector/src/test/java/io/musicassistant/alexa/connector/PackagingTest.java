package io.musicassistant.alexa.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The container image and the Home Assistant add-on, checked without Docker: what they declare
 * must match what the connector reads and where it listens.
 */
class PackagingTest {

    /** Every setting the connector reads (connector/README.md). */
    static final Set<String> SETTINGS = Set.of(
            "MA_URL",
            "MA_TOKEN",
            "RELAY_API_URL",
            "ALEXA_REGION",
            "STATE_DIR",
            "STREAM_BASE",
            "STREAM_URL_TTL_HOURS",
            "HOME_NAME",
            "RELAY_POLL_SECONDS",
            "STREAM_BIND",
            "STREAM_PORT",
            "STREAM_TLS_CERT",
            "STREAM_TLS_KEY",
            "STREAM_TLS_KEYSTORE",
            "STREAM_TLS_PASSWORD",
            "STREAM_SELFTEST_TRUSTSTORE",
            "STREAM_MAX_CONNECTIONS",
            "STREAM_MAX_CONNECTIONS_PER_ADDRESS",
            "AUDIO_CACHE_DIR",
            "AUDIO_CACHE_MB",
            "AUDIO_CACHE_HOURS",
            "VIRTUAL_PLAYERS",
            "STREAMS_PER_PROVIDER",
            "SLIMPROTO_PORT",
            "CATALOG_EXPORT",
            "CATALOG_PLAYLISTS",
            "CATALOG_RADIOS",
            "CATALOG_DEBOUNCE_S");

    @TempDir
    Path dir;

    private static List<String> instructions(Path dockerfile) throws Exception {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            current.append(line.strip());
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
                continue;
            }
            lines.add(current.toString());
            current.setLength(0);
        }
        return lines;
    }

    private static String instruction(List<String> lines, String keyword) {
        return lines.stream()
                .filter(l -> l.startsWith(keyword + " "))
                .reduce((a, b) -> b)
                .map(l -> l.substring(keyword.length() + 1))
                .orElse("");
    }

    @Test
    void theImageRunsTheShadedJarAsANonRootUserWithItsStateInAVolume() throws Exception {
        List<String> lines = instructions(Path.of("Dockerfile"));
        assertTrue(instruction(lines, "FROM").startsWith("eclipse-temurin:21-jre"), "a multi-arch Java 21 runtime");
        String user = instruction(lines, "USER");
        assertFalse(user.isEmpty() || user.startsWith("0") || user.startsWith("root"), "not root: " + user);
        assertEquals("8099", instruction(lines, "EXPOSE"), "the stream server's default port");
        assertEquals("STATE_DIR=/data", instruction(lines, "ENV"));
        assertTrue(instruction(lines, "VOLUME").contains("/data"));
        assertTrue(
                instruction(lines, "COPY").startsWith("target/ma-alexa-connector.jar "),
                "the jar the shade plugin builds");
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<finalName>ma-alexa-connector</finalName>"));
        assertTrue(instruction(lines, "ENTRYPOINT").contains("\"/app/ma-alexa-connector.jar\""));
    }

    @Test
    void theAddOnOffersOnlySettingsTheConnectorReadsAndMapsItsStreamPort() throws Exception {
        Map<String, Object> addOn = new Yaml().load(Files.readString(Path.of("ha-addon/config.yaml")));
        assertEquals("ma_alexa_connector", addOn.get("slug"));
        assertTrue(((List<?>) addOn.get("arch")).containsAll(List.of("amd64", "aarch64")));
        assertEquals(Map.of("8099/tcp", 8099), addOn.get("ports"));
        assertTrue(((List<?>) addOn.get("map")).contains("ssl:ro"), "Home Assistant's certificates, read-only");
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) addOn.get("schema");
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) addOn.get("options");
        assertTrue(schema.keySet().containsAll(options.keySet()), "every default has a schema entry");
        for (String key : schema.keySet()) {
            assertTrue(SETTINGS.contains(key.toUpperCase(Locale.ROOT)), "the connector reads " + key);
        }
        assertEquals("url", schema.get("ma_url"));
        assertEquals("password", schema.get("ma_token"), "the token is masked in Home Assistant's UI");
        assertFalse(
                schema.containsKey("stream_port"), "the container port is fixed; Home Assistant maps the host side");
        Matcher copy = Pattern.compile("COPY (\\S+) ").matcher(Files.readString(Path.of("ha-addon/Dockerfile")));
        assertTrue(copy.find());
        assertEquals("ma-alexa-connector.jar", copy.group(1));
    }

    @Test
    void addOnOptionsAreReadFromTheStateDirectoryAndTheEnvironmentStillWins() throws Exception {
        Files.writeString(dir.resolve("options.json"), """
                {"ma_url": "http://d5369777-music-assistant:8095", "ma_token": "addon-token",
                 "stream_base": "https://music.example.org", "virtual_players": 3, "home_name": ""}""");
        ConnectorConfig config = ConnectorConfig.load(Map.of("STATE_DIR", dir.toString(), "MA_TOKEN", "env-token"));
        assertEquals("http://d5369777-music-assistant:8095", config.maUrl().toString());
        assertEquals("https://music.example.org", config.streamBase());
        assertEquals(3, config.audio().players());
        assertEquals("env-token", config.maToken());
        assertEquals("Music Assistant", config.homeName(), "an empty option keeps the default");
    }
}
