package io.musicassistant.alexa.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.connector.platform.ConnectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorConfigTest {

    @TempDir
    Path dir;

    @Test
    void environmentOverridesTheFileAndSecretsStayOutOfToString() throws Exception {
        Files.writeString(
                dir.resolve("connector.properties"),
                "ma_url=http://ma.lan:8095\nMA_TOKEN=file-token\nSTREAM_BASE=https://a.example\n");
        ConnectorConfig config = ConnectorConfig.load(Map.of("STATE_DIR", dir.toString(), "MA_TOKEN", "env-token"));
        assertEquals("http://ma.lan:8095", config.maUrl().toString());
        assertEquals("env-token", config.maToken());
        assertEquals("https://a.example", config.streamBase());
        assertFalse(config.toString().contains("env-token"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ConnectorConfig.load(
                        Map.of("STATE_DIR", dir.resolve("empty").toString())));
    }

    @Test
    void echoPlayersComeFromTheSettingOrTheAddOnsListAndMustSoundDifferent() throws Exception {
        Map<String, String> minimal =
                Map.of("STATE_DIR", dir.toString(), "MA_URL", "http://ma.lan:8095", "MA_TOKEN", "t");
        assertEquals(List.of(), ConnectorConfig.load(minimal).echo().names());
        for (String refused : List.of("Kitchen Echo,kitchen echo", "!!!", "a".repeat(41), "1,2,3,4,5,6,7,8,9,10,11")) {
            Map<String, String> bad = new HashMap<>(minimal);
            bad.put("ECHO_PLAYERS", refused);
            assertThrows(IllegalArgumentException.class, () -> ConnectorConfig.load(bad), refused);
        }
        Map<String, String> env = new HashMap<>(minimal);
        env.put("ECHO_PLAYERS", " Kitchen Echo , Office Echo,");
        assertEquals(
                List.of("Kitchen Echo", "Office Echo"),
                ConnectorConfig.load(env).echo().names());
        // the add-on writes a list; a comma inside a name cannot split it
        Files.writeString(
                dir.resolve("options.json"),
                "{\"ma_url\": \"http://ma.lan:8095\", \"ma_token\": \"t\", \"echo_players\": [\"Küche\", \"Bad, oben\"]}");
        assertEquals(
                List.of("Küche", "Bad  oben"),
                ConnectorConfig.load(Map.of("STATE_DIR", dir.toString())).echo().names());
        Files.delete(dir.resolve("options.json"));
    }

    @Test
    void unusableAddressesAndACacheInTheStateDirectoryAreRefusedAtOnce() {
        IllegalArgumentException address = assertThrows(
                IllegalArgumentException.class,
                () -> ConnectorConfig.load(
                        Map.of("STATE_DIR", dir.toString(), "MA_URL", "ma.lan:8095", "MA_TOKEN", "t")));
        assertTrue(address.getMessage().contains("MA_URL"), address.getMessage());
        IllegalArgumentException cache = assertThrows(
                IllegalArgumentException.class,
                () -> ConnectorConfig.load(Map.of(
                        "STATE_DIR",
                        dir.toString(),
                        "MA_URL",
                        "http://ma.lan:8095",
                        "MA_TOKEN",
                        "t",
                        "AUDIO_CACHE_DIR",
                        dir.toString() + "/.")));
        assertTrue(cache.getMessage().contains("AUDIO_CACHE_DIR"), cache.getMessage());
    }

    @Test
    void theRelayFollowsTheAlexaRegionUnlessOneIsGivenAndHomeNamesFitTheRelay() {
        Map<String, String> base = Map.of("STATE_DIR", dir.toString(), "MA_URL", "http://ma.lan:8095", "MA_TOKEN", "t");
        assertEquals(
                ConnectorConfig.DEFAULT_RELAY_API,
                ConnectorConfig.load(base).relayApiUrl().toString());
        Map<String, String> eu = new HashMap<>(base);
        eu.put("ALEXA_REGION", "EU");
        assertEquals(
                "https://relay.eu.music-assistant-alexa.io",
                ConnectorConfig.load(eu).relayApiUrl().toString());
        eu.put("RELAY_API_URL", "https://abc.execute-api.eu-west-1.amazonaws.com");
        assertEquals(
                "https://abc.execute-api.eu-west-1.amazonaws.com",
                ConnectorConfig.load(eu).relayApiUrl().toString(),
                "a self-hosted relay wins");
        eu.put("ALEXA_REGION", "de");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnectorConfig.load(eu))
                .getMessage()
                .contains("ALEXA_REGION"));
        Map<String, String> blank = new HashMap<>(base);
        blank.putAll(Map.of("ALEXA_REGION", "", "RELAY_API_URL", " ", "HOME_NAME", "", "STREAM_URL_TTL_HOURS", ""));
        ConnectorConfig defaults = ConnectorConfig.load(blank);
        assertEquals(
                ConnectorConfig.DEFAULT_RELAY_API,
                defaults.relayApiUrl().toString(),
                "empty means unset (compose's ${VAR})");
        assertEquals("Music Assistant", defaults.homeName());
        Map<String, String> named = new HashMap<>(base);
        named.put("HOME_NAME", "x".repeat(61));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnectorConfig.load(named))
                .getMessage()
                .contains("HOME_NAME"));
    }

    @Test
    void stateKeepsSecretsOwnerOnlyAndTheKeyStable() throws Exception {
        ConnectorState state = new ConnectorState(dir);
        byte[] key = state.streamKey();
        assertEquals(32, key.length);
        assertEquals(new String(key, "ISO-8859-1"), new String(new ConnectorState(dir).streamKey(), "ISO-8859-1"));
        state.saveHome(new io.musicassistant.alexa.relay.protocol.api.HomeRegistration("home-x", "mhs_secret"));
        assertEquals("mhs_secret", state.home().orElseThrow().instanceSecret());
        var permissions = Files.getPosixFilePermissions(dir.resolve(ConnectorState.HOME_FILE));
        assertTrue(permissions.contains(PosixFilePermission.OWNER_READ));
        assertFalse(permissions.contains(PosixFilePermission.GROUP_READ));
        assertFalse(permissions.contains(PosixFilePermission.OTHERS_READ));
    }
}
