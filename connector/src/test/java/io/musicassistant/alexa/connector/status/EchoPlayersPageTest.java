package io.musicassistant.alexa.connector.status;

import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.CloudStandIn;
import io.musicassistant.alexa.connector.SimulatorSupport;
import io.musicassistant.alexa.connector.echo.EchoNames;
import io.musicassistant.alexa.connector.echo.EchoPlayers;
import io.musicassistant.alexa.connector.echo.EchoSettings;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.connector.slimproto.EchoMac;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Echo names added and removed on the status page: real HTTP against the StatusServer, real Echo
 * players on the MA simulator (WebSocket and Slimproto), the relay API's events on the cloud stand-in.
 */
class EchoPlayersPageTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static MaSimulator sim;
    static CloudStandIn cloud;
    static MaClient ma;

    @BeforeAll
    static void start() {
        sim = MaSimulator.start(MaSimulator.Options.defaults().withSlimprotoHeartbeat(Duration.ofMillis(300)));
        cloud = CloudStandIn.start();
        ma = new MaClient(URI.create(sim.wsUrl()), sim.adminToken(), new MaClient.Listener() {});
        ma.start();
        await("Music Assistant to connect", SimulatorSupport.CONNECT_TIMEOUT, ma::connected);
    }

    @AfterAll
    static void stop() {
        ma.close();
        cloud.close();
        sim.close();
    }

    /** A connector's Echo players and its page, as Connector.start wires them. */
    record Home(EchoPlayers echo, StatusServer server, URI base, AtomicInteger exports) implements AutoCloseable {
        static Home open(EchoNames names) {
            RelayApiClient api = new RelayApiClient(cloud.uri());
            EchoPlayers echo = new EchoPlayers(
                    ma,
                    URI.create(sim.wsUrl()),
                    sim.slimprotoPort(),
                    CloudStandIn.INSTANCE_ID,
                    names,
                    events -> api.events(CloudStandIn.INSTANCE_ID, CloudStandIn.SECRET, events));
            AtomicInteger exports = new AtomicInteger();
            echo.onChange(exports::incrementAndGet);
            echo.start(true);
            StatusServer server = StatusServer.start(
                    StatusSettings.loopback(),
                    () -> withEcho(StatusServerTest.unpaired(), StatusReport.echo(echo)),
                    () -> true,
                    echo);
            URI base = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
            return new Home(echo, server, base, exports);
        }

        HttpResponse<String> post(String path, String body, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json");
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            return HTTP.send(
                    b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A change as the page's script sends it; waits out the page's one change a second first. */
        JsonNode change(String action, String json, int status) throws Exception {
            Thread.sleep(StatusServer.ECHO_SPACING.toMillis() + 50);
            HttpResponse<String> answer = post("api/echo-players/" + action, json, "X-Requested-By", "status-page");
            assertEquals(status, answer.statusCode(), answer.body());
            return StatusJson.MAPPER.readTree(answer.body());
        }

        JsonNode status() {
            try {
                HttpResponse<String> answer = HTTP.send(
                        HttpRequest.newBuilder(base.resolve("api/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return StatusJson.MAPPER.readTree(answer.body()).path("echo");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.close();
            echo.close();
        }
    }

    static Status withEcho(Status s, Status.Echo echo) {
        return new Status(
                s.version(), s.pairing(), s.ma(), s.relay(), s.commands(), s.stream(), s.catalog(), s.cache(), echo);
    }

    @Test
    void anEchoAddedOnThePageJoinsMaAndLeavesItWhenRemovedAndTheNamesOutliveARestart(@TempDir Path dir)
            throws Exception {
        String bedroom = EchoMac.of(CloudStandIn.INSTANCE_ID, "bedroom-echo");
        try (Home home = Home.open(EchoNames.open(dir, EchoSettings.none()))) {
            assertTrue(home.status().path("editable").asBoolean());
            assertEquals(0, home.status().path("players").size());

            home.change("add", "{\"name\":\" Bedroom Echo \"}", 200);
            // the player comes with its Slimproto name first, then the one the connector sets
            await(
                    "\"Bedroom Echo (Alexa)\" in MA",
                    WAIT,
                    () -> sim.player(bedroom).isPresent()
                            && ma.call("players/get", Map.of("player_id", bedroom), WAIT)
                                    .path("name")
                                    .asText()
                                    .equals("Bedroom Echo (Alexa)"));
            await("the page to show it connected", WAIT, () -> {
                JsonNode shown = home.status().path("players").path(0);
                return shown.path("connected").asBoolean()
                        && shown.path("key").asText().equals("bedroom-echo");
            });
            assertEquals(
                    "Bedroom Echo",
                    home.status().path("players").path(0).path("name").asText());
            assertEquals(
                    "idle", home.status().path("players").path(0).path("state").asText());
            assertEquals(1, home.exports().get(), "the library export runs again for the Echo's catalog entity");
            assertEquals("[\"Bedroom Echo\"]", Files.readString(dir.resolve("echo-players.json")));
            home.change("add", "{\"name\":\"Hall Echo\"}", 200);
        }
        // the next start: the page's names come back, and connect
        try (Home home = Home.open(EchoNames.open(dir, EchoSettings.none()))) {
            assertEquals(List.of("Bedroom Echo", "Hall Echo"), home.echo().names());
            await("the player back in MA", WAIT, () -> sim.player(bedroom).isPresent());

            home.change("remove", "{\"key\":\"bedroom-echo\"}", 200);
            await(
                    "the player to leave MA",
                    WAIT,
                    () -> sim.player(bedroom).isEmpty()
                            && sim.playerConfig(bedroom).isEmpty());
            await(
                    "the cloud to hear of it",
                    WAIT,
                    () -> cloud.acceptedEvents(bedroom).stream()
                            .anyMatch(e -> e.type().equals(PlayerEvent.REMOVED)));
            assertEquals(List.of("Hall Echo"), home.echo().names());
            assertEquals("[\"Hall Echo\"]", Files.readString(dir.resolve("echo-players.json")));
            assertEquals(1, home.status().path("players").size());
            assertEquals(
                    "unknown_echo",
                    home.change("remove", "{\"key\":\"bedroom-echo\"}", 404)
                            .path("error")
                            .asText());
            assertTrue(
                    sim.player(EchoMac.of(CloudStandIn.INSTANCE_ID, "hall-echo"))
                            .isPresent(),
                    "the other stays");
        }
    }

    @Test
    void namesFollowTheRulesOfTheSettingAndTheAnswerSaysWhichOne(@TempDir Path dir) throws Exception {
        try (Home home = Home.open(EchoNames.open(dir, EchoSettings.none()))) {
            home.change("add", "{\"name\":\"Kitchen Echo\"}", 200);
            JsonNode same = home.change("add", "{\"name\":\"kitchen echo!\"}", 400);
            assertEquals("same_key", same.path("error").asText());
            assertEquals("Kitchen Echo", same.path("other").asText());
            assertEquals(
                    "bad_name",
                    home.change("add", "{\"name\":\"" + "x".repeat(41) + "\"}", 400)
                            .path("error")
                            .asText());
            assertEquals(
                    "bad_name",
                    home.change("add", "{\"name\":\"a\\u0007b\"}", 400)
                            .path("error")
                            .asText());
            assertEquals(
                    "no_letters",
                    home.change("add", "{\"name\":\"!!!\"}", 400).path("error").asText());
            assertEquals(
                    "bad_request",
                    home.change("add", "{\"key\":1}", 400).path("error").asText());
            assertEquals(
                    "bad_request",
                    home.change("add", "not json", 400).path("error").asText());
            for (int i = 1; i < EchoSettings.MAX_PLAYERS; i++) {
                home.change("add", "{\"name\":\"Echo " + i + "\"}", 200);
            }
            assertEquals(
                    "too_many",
                    home.change("add", "{\"name\":\"One More\"}", 400)
                            .path("error")
                            .asText());
            assertEquals(EchoSettings.MAX_PLAYERS, home.echo().names().size());
            // the page words each code in both languages
            for (String lang : StatusPage.LANGUAGES) {
                JsonNode words =
                        StatusJson.MAPPER.readTree(getClass().getResourceAsStream("/status/i18n/" + lang + ".json"));
                for (String code : List.of(
                        "too_many", "bad_name", "no_letters", "same_key", "read_only", "unknown_echo", "wait")) {
                    assertTrue(words.has("echo_error_" + code), lang + " lacks echo_error_" + code);
                }
            }
        }
    }

    @Test
    void onlyThePageItselfMayChangeTheNamesAndNotTooOften(@TempDir Path dir) throws Exception {
        try (Home home = Home.open(EchoNames.open(dir, EchoSettings.none()))) {
            String add = "{\"name\":\"Porch Echo\"}";
            assertEquals(403, home.post("api/echo-players/add", add).statusCode(), "without the page's header");
            assertEquals(
                    403,
                    home.post(
                                    "api/echo-players/add",
                                    add,
                                    "X-Requested-By",
                                    "status-page",
                                    "Origin",
                                    "https://evil.example")
                            .statusCode(),
                    "from another origin");
            HttpResponse<String> get = HTTP.send(
                    HttpRequest.newBuilder(home.base().resolve("api/echo-players/add"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
            assertEquals(
                    413,
                    home.post(
                                    "api/echo-players/add",
                                    "{\"name\":\"" + "x".repeat(2000) + "\"}",
                                    "X-Requested-By",
                                    "status-page")
                            .statusCode());
            assertTrue(home.echo().names().isEmpty(), "nothing refused was added");
            home.change("add", add, 200);
            HttpResponse<String> again =
                    home.post("api/echo-players/add", "{\"name\":\"Attic Echo\"}", "X-Requested-By", "status-page");
            assertEquals(429, again.statusCode());
            assertTrue(again.headers().firstValue("Retry-After").isPresent());
            assertEquals(List.of("Porch Echo"), home.echo().names());
        }
    }

    @Test
    void aMalformedRequestIsRefusedWithoutTakingTheNextChangesTurn(@TempDir Path dir) throws Exception {
        try (Home home = Home.open(EchoNames.open(dir, EchoSettings.none()))) {
            for (String body : List.of(
                    "{\"name\":\"Den Echo\"} {\"name\":\"Loft Echo\"}", "[\"Den Echo\"]", "", "{\"name\":null}")) {
                HttpResponse<String> bad = home.post("api/echo-players/add", body, "X-Requested-By", "status-page");
                assertEquals(400, bad.statusCode(), body);
                assertEquals(
                        "bad_request",
                        StatusJson.MAPPER.readTree(bad.body()).path("error").asText(),
                        body);
            }
            HttpResponse<String> unknown =
                    home.post("api/echo-players/rename", "{\"key\":\"x\"}", "X-Requested-By", "status-page");
            assertEquals(404, unknown.statusCode());
            assertEquals(
                    "not_found",
                    StatusJson.MAPPER.readTree(unknown.body()).path("error").asText());
            // at once, no second waited: the refusals above changed nothing, so they did not count
            HttpResponse<String> add =
                    home.post("api/echo-players/add", "{\"name\":\"Den Echo\"}", "X-Requested-By", "status-page");
            assertEquals(200, add.statusCode(), add.body());
            assertEquals(List.of("Den Echo"), home.echo().names());
        }
    }

    @Test
    void whenTheSettingNamesTheEchosThePageOnlyShowsThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("echo-players.json"), "[\"Page Echo\"]");
        try (Home home = Home.open(EchoNames.open(dir, new EchoSettings(List.of("Study Echo"))))) {
            assertFalse(home.status().path("editable").asBoolean());
            assertEquals(
                    "Study Echo",
                    home.status().path("players").path(0).path("name").asText());
            assertEquals(
                    "read_only",
                    home.change("add", "{\"name\":\"Den Echo\"}", 409)
                            .path("error")
                            .asText());
            assertEquals(
                    "read_only",
                    home.change("remove", "{\"key\":\"study-echo\"}", 409)
                            .path("error")
                            .asText());
            assertEquals(List.of("Study Echo"), home.echo().names());
            assertEquals(
                    "[\"Page Echo\"]", Files.readString(dir.resolve("echo-players.json")), "the page's file untouched");
            String page = HTTP.send(HttpRequest.newBuilder(home.base()).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            assertTrue(page.contains("id=\"echo-readonly\"") && page.contains("ECHO_PLAYERS"));
        }
    }
}
