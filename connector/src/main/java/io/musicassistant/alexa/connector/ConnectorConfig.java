package io.musicassistant.alexa.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.audio.AudioConfig;
import io.musicassistant.alexa.connector.catalog.CatalogSettings;
import io.musicassistant.alexa.connector.echo.EchoSettings;
import io.musicassistant.alexa.connector.status.StatusSettings;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The connector's settings: environment variables, or the same keys in {@code connector.properties}
 * in the state directory (environment wins). See connector/README.md.
 *
 * @param maUrl Music Assistant's address, e.g. {@code http://192.168.1.10:8095}
 * @param maToken a long-lived Music Assistant token (Settings → Profile); stays in the home
 * @param relayApiUrl the cloud's relay API
 * @param stateDir where identity, keys and the pairing code are kept
 * @param streamBase the public HTTPS base Echo devices reach this connector's stream server at
 * @param streamUrlTtl how long stream URLs stay valid (at least 12 h)
 * @param homeName what this home is called in the cloud
 * @param relayPollSeconds how long one long poll of the relay queue waits (1–20 s); replies are
 *     immediate either way, shorter polls only make shutdown quicker at the price of more requests
 * @param audio the audio path: stream server, cache, virtual players
 * @param catalog what the library export sends to the voice catalogs, and when
 * @param status where the status page listens, and whom it answers
 * @param echo the Echo devices that get a Music Assistant player (issue 16)
 */
public record ConnectorConfig(
        URI maUrl,
        String maToken,
        URI relayApiUrl,
        Path stateDir,
        String streamBase,
        Duration streamUrlTtl,
        String homeName,
        int relayPollSeconds,
        AudioConfig audio,
        CatalogSettings catalog,
        StatusSettings status,
        EchoSettings echo) {

    /** With the library export's defaults, the status page on a free loopback port and no Echo players (tests). */
    public ConnectorConfig(
            URI maUrl,
            String maToken,
            URI relayApiUrl,
            Path stateDir,
            String streamBase,
            Duration streamUrlTtl,
            String homeName,
            int relayPollSeconds,
            AudioConfig audio) {
        this(
                maUrl,
                maToken,
                relayApiUrl,
                stateDir,
                streamBase,
                streamUrlTtl,
                homeName,
                relayPollSeconds,
                audio,
                CatalogSettings.defaults(),
                StatusSettings.loopback(),
                EchoSettings.none());
    }

    /** For tests and the local stack: the audio path on a free loopback port, without TLS. */
    public ConnectorConfig(
            URI maUrl,
            String maToken,
            URI relayApiUrl,
            Path stateDir,
            String streamBase,
            Duration streamUrlTtl,
            String homeName,
            int relayPollSeconds) {
        this(
                maUrl,
                maToken,
                relayApiUrl,
                stateDir,
                streamBase,
                streamUrlTtl,
                homeName,
                relayPollSeconds,
                AudioConfig.load(
                        Map.of("STREAM_BIND", "127.0.0.1", "STREAM_PORT", "0", "AUDIO_CACHE_MB", "256"), stateDir));
    }

    public ConnectorConfig {
        if (maUrl.getScheme() == null || !maUrl.getScheme().matches("https?|wss?") || maUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "MA_URL must look like http://192.168.1.10:8095 (got a value without scheme or host)");
        }
        if (relayPollSeconds < 1 || relayPollSeconds > 20) {
            throw new IllegalArgumentException("RELAY_POLL_SECONDS must be 1..20");
        }
        if (streamBase != null && !streamBase.startsWith("https://")) {
            throw new IllegalArgumentException("STREAM_BASE must be an https:// URL (Echo devices refuse plain http)");
        }
        if (homeName.isBlank() || homeName.length() > 60 || homeName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "HOME_NAME must be 1 to 60 printable characters (the relay refuses longer names)");
        }
        if (streamUrlTtl.toHours() < 12) {
            throw new IllegalArgumentException(
                    "STREAM_URL_TTL_HOURS must be at least 12 (Alexa re-fetches URLs hours later)");
        }
    }

    public static final String DEFAULT_RELAY_API = "https://relay.music-assistant-alexa.io";
    /**
     * The official relay of each Alexa region. Each region keeps its own data, so a home must register
     * where its users' Alexa lives (ALEXA_REGION), or pairing codes are unknown to their skill.
     */
    public static final Map<String, String> OFFICIAL_RELAYS = Map.of(
            "na", DEFAULT_RELAY_API,
            "eu", "https://relay.eu.music-assistant-alexa.io",
            "fe", "https://relay.fe.music-assistant-alexa.io");

    @Override
    public String toString() {
        return "ConnectorConfig[maUrl=" + maUrl + ", maToken=[redacted], relayApiUrl=" + relayApiUrl + ", stateDir="
                + stateDir + ", streamBase=" + streamBase + ", streamUrlTtl=" + streamUrlTtl + ", homeName=" + homeName
                + ", relayPollSeconds=" + relayPollSeconds + ", audio=" + audio + ", catalog=" + catalog + ", status="
                + status + ", echo=" + echo + "]";
    }

    public static ConnectorConfig load(Map<String, String> env) {
        Path stateDir = Path.of(env.getOrDefault("STATE_DIR", "state"));
        Map<String, String> merged = new HashMap<>(fileSettings(stateDir.resolve("connector.properties")));
        // The Supervisor writes options.json into an add-on's /data: its presence is how the connector knows.
        boolean addOn = Files.exists(stateDir.resolve("options.json"));
        merged.putAll(addOnOptions(stateDir.resolve("options.json")));
        merged.putAll(env);
        // An empty value (docker-compose's ${VAR} when VAR is unset) means "not set": the default applies.
        merged.values().removeIf(String::isBlank);
        String maUrl = required(merged, "MA_URL");
        String token = required(merged, "MA_TOKEN");
        String ttl = merged.getOrDefault("STREAM_URL_TTL_HOURS", "24");
        if (!ttl.matches("\\d{1,4}")
                || !merged.getOrDefault("RELAY_POLL_SECONDS", "20").matches("\\d{1,2}")) {
            throw new IllegalArgumentException("STREAM_URL_TTL_HOURS and RELAY_POLL_SECONDS must be whole numbers");
        }
        String base = merged.get("STREAM_BASE");
        String region = merged.getOrDefault("ALEXA_REGION", "na").strip().toLowerCase(Locale.ROOT);
        if (!OFFICIAL_RELAYS.containsKey(region)) {
            throw new IllegalArgumentException(
                    "ALEXA_REGION must be na, eu or fe (where your Echo devices' Amazon account lives)");
        }
        String relay = merged.getOrDefault("RELAY_API_URL", OFFICIAL_RELAYS.get(region));
        return new ConnectorConfig(
                URI.create(maUrl),
                token,
                URI.create(relay),
                stateDir,
                base == null || base.isBlank() ? null : base.strip(),
                Duration.ofHours(Long.parseLong(ttl)),
                merged.getOrDefault("HOME_NAME", "Music Assistant"),
                Integer.parseInt(merged.getOrDefault("RELAY_POLL_SECONDS", "20")),
                AudioConfig.load(merged, stateDir),
                CatalogSettings.load(merged),
                StatusSettings.load(merged, addOn),
                EchoSettings.load(merged));
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is not set (environment or connector.properties)");
        }
        return value.strip();
    }

    /**
     * The options a Home Assistant add-on user set in the UI: the Supervisor writes them to
     * {@code /data/options.json} (the add-on's state directory) with lower-case keys. Empty values
     * are left out, so an unset optional field keeps its default.
     */
    static Map<String, String> addOnOptions(Path file) {
        Map<String, String> settings = new HashMap<>();
        if (!Files.exists(file)) {
            return settings;
        }
        try {
            JsonNode options = RelayJson.mapper().readTree(Files.readString(file));
            options.fields().forEachRemaining(e -> {
                String value = e.getValue().isValueNode() ? e.getValue().asText() : listed(e.getValue());
                if (!value.isBlank()) {
                    settings.put(e.getKey().toUpperCase(Locale.ROOT), value);
                }
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the add-on options " + file + ": "
                    + e.getClass().getSimpleName());
        }
        return settings;
    }

    /** A list option (the add-on's {@code echo_players}) as the comma-separated value its variable takes. */
    private static String listed(JsonNode value) {
        List<String> parts = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> parts.add(v.isValueNode() ? v.asText().replace(",", " ") : ""));
        }
        return String.join(",", parts);
    }

    private static Map<String, String> fileSettings(Path file) {
        Map<String, String> settings = new HashMap<>();
        if (!Files.exists(file)) {
            return settings;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        properties.forEach((k, v) -> settings.put(k.toString().toUpperCase(Locale.ROOT), v.toString()));
        return settings;
    }
}
