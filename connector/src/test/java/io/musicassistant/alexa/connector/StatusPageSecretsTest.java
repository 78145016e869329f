package io.musicassistant.alexa.connector;

import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.platform.ConnectorState;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status page of a whole connector (ConnectorPlayersTest's: relay queue on ElasticMQ, replies in
 * Moto's DynamoDB, the MA simulator) after it signed stream URLs for a search: the page, its JSON and
 * its first event name the commands, but no secret and nothing of the search.
 */
class StatusPageSecretsTest {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        ConnectorPlayersTest.start();
    }

    @AfterAll
    static void stop() {
        ConnectorPlayersTest.stop();
    }

    @Test
    void noSecretAndNoQueryReachesThePageItsJsonOrItsEvents() throws Exception {
        Connector connector = ConnectorPlayersTest.connector;
        var sim = ConnectorPlayersTest.sim;
        JsonNode resolved = ConnectorPlayersTest.ok(ConnectorPlayersTest.relay(
                "content.resolve",
                Map.of(
                        "kind",
                        "album",
                        "name",
                        "ok computer",
                        "artist",
                        "radiohead",
                        "exact",
                        false,
                        "max_tracks",
                        500,
                        "explicit_allowed",
                        true)));
        JsonNode signed = ConnectorPlayersTest.ok(ConnectorPlayersTest.relay(
                "stream.sign",
                Map.of("uris", List.of(sim.library().trackNamed("Karma Police").uri()))));
        List<String> urls = new ArrayList<>();
        resolved.findValues("stream_url").forEach(u -> urls.add(u.asText()));
        signed.findValues("url").forEach(u -> urls.add(u.asText()));
        assertFalse(urls.isEmpty());
        assertTrue(urls.stream().allMatch(u -> u.contains("sig=")), "signed URLs: " + urls);

        URI base = URI.create(
                "http://127.0.0.1:" + connector.statusAddress().orElseThrow().getPort() + "/");
        await(
                "both commands on the page",
                Duration.ofSeconds(5),
                () -> get(base.resolve("api/status")).contains("\"stream.sign\""));
        String json = get(base.resolve("api/status"));
        JsonNode status = RelayJson.mapper().readTree(json);
        assertEquals("stream.sign", status.at("/commands/0/command").asText());
        assertEquals("content.resolve", status.at("/commands/1/command").asText());
        assertEquals("ok", status.at("/commands/1/outcome").asText());
        assertEquals("connected", status.at("/ma/state").asText());
        assertEquals("ok", status.at("/relay/state").asText(), "heartbeats answered, queue polled");
        assertTrue(status.at("/relay/last_heartbeat_ms").asLong() > 0);
        assertEquals("paired", status.at("/pairing/state").asText(), "the stand-in cloud says paired");
        String page = get(base.resolve("?lang=de")) + get(base.resolve(""));
        String event = firstEvent(base.resolve("api/events"));

        byte[] key = Files.readAllBytes(ConnectorPlayersTest.stateDir.resolve(ConnectorState.STREAM_KEY_FILE));
        List<String> secrets = new ArrayList<>(List.of(
                CloudStandIn.SECRET,
                sim.userToken(),
                sim.adminToken(),
                HexFormat.of().formatHex(key),
                Base64.getEncoder().encodeToString(key),
                Base64.getUrlEncoder().withoutPadding().encodeToString(key),
                "ok computer",
                "radiohead"));
        for (String url : urls) {
            secrets.add(url);
            secrets.add(url.substring(url.indexOf("sig=")));
            secrets.add(url.substring(url.indexOf("/stream/v1/"), url.indexOf('?')));
        }
        for (String text : List.of(json, page, event)) {
            for (String secret : secrets) {
                assertFalse(
                        text.toLowerCase(java.util.Locale.ROOT).contains(secret.toLowerCase(java.util.Locale.ROOT)),
                        "leaks " + secret);
            }
        }
        assertTrue(json.contains("https://music.home.example"), "the public base is no secret: it is shown");
    }

    static String get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String firstEvent(URI uri) throws Exception {
        HttpResponse<Stream<String>> response = HTTP.sendAsync(
                        HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofLines())
                .get(5, TimeUnit.SECONDS);
        try (Stream<String> lines = response.body()) {
            String data = lines.filter(l -> l.startsWith("data: ")).findFirst().orElse(null);
            assertNotNull(data);
            return data;
        }
    }
}
