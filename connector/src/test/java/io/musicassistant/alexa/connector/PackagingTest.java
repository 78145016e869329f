package io.musicassistant.alexa.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
            "CATALOG_DEBOUNCE_S",
            "ECHO_PLAYERS");

    @TempDir
    Path dir;

    @Test
    void theAddOnOffersOnlySettingsTheConnectorReadsAndMapsItsStreamPort() throws Exception {
        Map<String, Object> addOn = new Yaml().load(Files.readString(Path.of("ha-addon/config.yaml")));
        assertEquals("ma_alexa_connector", addOn.get("slug"));
        assertTrue(((List<?>) addOn.get("arch")).containsAll(List.of("amd64", "aarch64")));
        assertEquals(Map.of("8099/tcp", 8099), addOn.get("ports"));
        assertTrue(
                ((List<?>) addOn.get("map")).contains(Map.of("type", "ssl", "read_only", true)),
                "Home Assistant's certificates, read-only");
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
        assertFalse(
                Files.exists(Path.of("ha-addon/Dockerfile")),
                "the add-on uses the prebuilt image of connector/Dockerfile");
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
