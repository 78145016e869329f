package io.musicassistant.alexa.control.smarthome;

import static io.musicassistant.alexa.testing.ScriptedPlayers.BEDROOM;
import static io.musicassistant.alexa.testing.ScriptedPlayers.DOWNSTAIRS;
import static io.musicassistant.alexa.testing.ScriptedPlayers.GARAGE;
import static io.musicassistant.alexa.testing.ScriptedPlayers.KITCHEN;
import static io.musicassistant.alexa.testing.ScriptedPlayers.LIVING_ROOM;
import static io.musicassistant.alexa.testing.ScriptedPlayers.ODD;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.outcome;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.property;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.request;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.Command;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.Directives;
import io.musicassistant.alexa.testing.ScriptedHome;
import io.musicassistant.alexa.testing.ScriptedPlayers;
import io.musicassistant.alexa.testing.SmartHomeDirectives;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every smart-home directive through the control skill's entry point, Moto's DynamoDB, ElasticMQ and
 * the LWA stand-in, with a scripted home answering for the players. Answers are checked against
 * Amazon's documented shapes (src/test/resources/smarthome) and against the state they report.
 */
class SmartHomeSkillTest {

    static CloudFixture cloud;
    static CloudFixture.User user;
    static ScriptedPlayers players;
    static ScriptedHome home;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create(SmartHomeDirectives.reporting(io.musicassistant.alexa.dev.DevServices.shared()));
        user = cloud.newUser();
        players = new ScriptedPlayers();
        players.put(new PlayerInfo(
                ODD, "Büro", "player", true, true, 5, false, PlayerInfo.IDLE, List.of("volume_set"), List.of(), null));
        home = new ScriptedHome(cloud, cloud.pairedHome(user), players::answer);
    }

    @AfterAll
    static void tearDown() {
        home.close();
    }

    @BeforeEach
    void freshPlayers() {
        ScriptedPlayers fresh = new ScriptedPlayers();
        fresh.all().forEach(players::put);
    }

    static JsonNode directive(String fixture, String endpointId) {
        return send(cloud, request(fixture, user.token(), endpointId));
    }

    static JsonNode endpoint(JsonNode discovery, String endpointId) {
        for (JsonNode e : discovery.path("event").path("payload").path("endpoints")) {
            if (e.path("endpointId").asText().equals(endpointId)) {
                return e;
            }
        }
        throw new AssertionError("no endpoint " + endpointId + " in " + discovery);
    }

    static List<String> interfaces(JsonNode endpoint) {
        return StreamSupport.stream(endpoint.path("capabilities").spliterator(), false)
                .map(c -> c.path("interface").asText())
                .toList();
    }

    @Test
    void discoveryDescribesEveryPlayerWithTheInterfacesItsFeaturesAllow() {
        JsonNode answer = directive("Discovery.Discover.request.json", null);
        Directives.assertShape(
                SmartHomeDirectives.documented("Discovery.Discover.response.two-speakers.json"), answer, "");
        assertEquals(6, answer.path("event").path("payload").path("endpoints").size());

        JsonNode kitchen = endpoint(answer, KITCHEN);
        assertEquals("Kitchen", kitchen.path("friendlyName").asText());
        assertEquals("Music Assistant", kitchen.path("manufacturerName").asText());
        assertTrue(kitchen.path("description").asText().contains("Music Assistant"));
        assertEquals("SPEAKER", kitchen.path("displayCategories").get(0).asText());
        assertEquals(
                List.of(
                        "Alexa",
                        "Alexa.EndpointHealth",
                        "Alexa.PowerController",
                        "Alexa.Speaker",
                        "Alexa.PlaybackController",
                        "Alexa.PlaybackStateReporter"),
                interfaces(kitchen));
        JsonNode speaker = kitchen.path("capabilities").get(3);
        assertEquals(
                "[{\"name\":\"volume\"},{\"name\":\"muted\"}]",
                speaker.path("properties").path("supported").toString());
        assertTrue(speaker.path("properties").path("proactivelyReported").asBoolean());
        assertTrue(speaker.path("properties").path("retrievable").asBoolean());
        assertEquals(
                "[\"Play\",\"Stop\",\"Pause\",\"Next\",\"Previous\"]",
                kitchen.path("capabilities").get(4).path("supportedOperations").toString());
        assertEquals("1.0", kitchen.path("capabilities").get(5).path("version").asText());

        // The bedroom speaker has no power switch and no mute in MA: neither is promised to Alexa.
        JsonNode bedroom = endpoint(answer, BEDROOM);
        assertFalse(interfaces(bedroom).contains("Alexa.PowerController"));
        assertEquals(
                "[{\"name\":\"volume\"}]",
                bedroom.path("capabilities")
                        .get(2)
                        .path("properties")
                        .path("supported")
                        .toString());

        JsonNode group = endpoint(answer, DOWNSTAIRS);
        assertTrue(group.path("description").asText().toLowerCase().contains("group"));
        assertTrue(interfaces(group).contains("Alexa.PowerController"));
    }

    @Test
    void anEndpointIdAlexaWouldRefuseIsEncodedAndStillReachesItsPlayer() {
        JsonNode answer = directive("Discovery.Discover.request.json", null);
        String id = Endpoints.endpointId(ODD);
        assertTrue(id.startsWith("x="), id);
        assertTrue(id.matches("[A-Za-z0-9_\\-=#;:?@&]{1,256}"), id);
        assertEquals("Büro", endpoint(answer, id).path("friendlyName").asText());

        JsonNode set = directive("Speaker.SetVolume.request.json", id);
        assertEquals("Response", outcome(set));
        assertEquals(50, players.get(ODD).volumeLevel());
        assertEquals(id, set.path("event").path("endpoint").path("endpointId").asText());
    }

    @Test
    void transportDirectivesReachThePlayerAndAnswerWithItsState() {
        JsonNode pause = directive("PlaybackController.Pause.request.json", KITCHEN);
        Directives.assertShape(SmartHomeDirectives.fixture("PlaybackController.Pause.response.json"), pause, "");
        assertEquals(PlayerInfo.PAUSED, players.get(KITCHEN).playbackState());
        assertEquals(
                "PAUSED",
                property(pause, "Alexa.PlaybackStateReporter", "playbackState")
                        .path("state")
                        .asText());
        assertEquals(
                request("PlaybackController.Pause.request.json", user.token(), KITCHEN)
                        .path("directive")
                        .path("header")
                        .path("correlationToken")
                        .asText(),
                pause.path("event").path("header").path("correlationToken").asText());

        JsonNode play = directive("PlaybackController.Play.request.json", KITCHEN);
        Directives.assertShape(SmartHomeDirectives.fixture("PlaybackController.Play.response.json"), play, "");
        assertEquals(
                "PLAYING",
                property(play, "Alexa.PlaybackStateReporter", "playbackState")
                        .path("state")
                        .asText());

        JsonNode stop = directive("PlaybackController.Stop.request.json", KITCHEN);
        assertEquals(
                "STOPPED",
                property(stop, "Alexa.PlaybackStateReporter", "playbackState")
                        .path("state")
                        .asText());
        assertEquals("Response", outcome(directive("PlaybackController.Next.request.json", KITCHEN)));
        assertEquals("Response", outcome(directive("PlaybackController.Previous.request.json", KITCHEN)));
        List<String> actions = home.received().stream()
                .filter(c -> c.command().equals(Command.PLAYER_CONTROL.wireName()))
                .map(c -> c.args().path("action").asText())
                .toList();
        assertTrue(actions.containsAll(List.of("pause", "play", "stop", "next", "previous")), actions.toString());
    }

    @Test
    void speakerDirectivesSetAdjustAndMute() {
        JsonNode set = directive("Speaker.SetVolume.request.json", LIVING_ROOM);
        Directives.assertShape(SmartHomeDirectives.fixture("Speaker.SetVolume.response.json"), set, "");
        assertEquals(50, property(set, "Alexa.Speaker", "volume").asInt());
        assertEquals(50, players.get(LIVING_ROOM).volumeLevel());

        JsonNode adjust = directive("Speaker.AdjustVolume.request.json", LIVING_ROOM);
        int delta = request("Speaker.AdjustVolume.request.json", user.token(), LIVING_ROOM)
                .path("directive")
                .path("payload")
                .path("volume")
                .asInt();
        assertEquals(50 + delta, property(adjust, "Alexa.Speaker", "volume").asInt());

        // "Alexa, louder": the player's own step (MA's volume_up), not Alexa's default delta.
        int before = players.get(LIVING_ROOM).volumeLevel();
        JsonNode louder = directive("Speaker.AdjustVolume.request.default.json", LIVING_ROOM);
        assertEquals("Response", outcome(louder));
        assertTrue(players.get(LIVING_ROOM).volumeLevel() != before);
        String last = home.received().getLast().args().path("action").asText();
        assertTrue(last.equals("volume_up") || last.equals("volume_down"), last);

        JsonNode mute = directive("Speaker.SetMute.request.json", LIVING_ROOM);
        Directives.assertShape(SmartHomeDirectives.fixture("Speaker.SetMute.response.json"), mute, "");
        assertTrue(property(mute, "Alexa.Speaker", "muted").asBoolean());
        assertEquals(Boolean.TRUE, players.get(LIVING_ROOM).muted());
    }

    @Test
    void powerDirectivesSwitchThePlayer() {
        JsonNode off = directive("PowerController.TurnOff.request.json", KITCHEN);
        Directives.assertShape(SmartHomeDirectives.fixture("PowerController.TurnOff.response.json"), off, "");
        assertEquals("OFF", property(off, "Alexa.PowerController", "powerState").asText());
        assertFalse(players.get(KITCHEN).powered());
        JsonNode on = directive("PowerController.TurnOn.request.json", KITCHEN);
        assertEquals("ON", property(on, "Alexa.PowerController", "powerState").asText());
    }

    @Test
    void reportStateAnswersWithEveryDeclaredProperty() {
        JsonNode report = directive("Alexa.ReportState.request.json", KITCHEN);
        Directives.assertShape(SmartHomeDirectives.fixture("Alexa.StateReport.response.json"), report, "");
        assertEquals(20, property(report, "Alexa.Speaker", "volume").asInt());
        assertEquals(
                "ON", property(report, "Alexa.PowerController", "powerState").asText());
        assertEquals(
                "OK",
                property(report, "Alexa.EndpointHealth", "connectivity")
                        .path("value")
                        .asText());
        assertEquals(
                "PLAYING",
                property(report, "Alexa.PlaybackStateReporter", "playbackState")
                        .path("state")
                        .asText());
        // Only what discovery declared: the bedroom reports no powerState and no muted.
        JsonNode bedroom = directive("Alexa.ReportState.request.json", BEDROOM);
        assertTrue(property(bedroom, "Alexa.PowerController", "powerState").isMissingNode());
        assertTrue(property(bedroom, "Alexa.Speaker", "muted").isMissingNode());
        assertEquals(10, property(bedroom, "Alexa.Speaker", "volume").asInt());
    }

    @Test
    void anUnavailablePlayerIsUnreachable() {
        JsonNode answer = directive("PowerController.TurnOn.request.json", GARAGE);
        Directives.assertShape(SmartHomeDirectives.fixture("ErrorResponse.ENDPOINT_UNREACHABLE.json"), answer, "");
        assertEquals("ENDPOINT_UNREACHABLE", outcome(answer));
        assertEquals(
                GARAGE, answer.path("event").path("endpoint").path("endpointId").asText());
    }

    @Test
    void whatAPlayerCannotDoIsRefusedWithoutTouchingIt() {
        assertEquals("INVALID_DIRECTIVE", outcome(directive("Speaker.SetMute.request.json", BEDROOM)));
        assertEquals("INVALID_DIRECTIVE", outcome(directive("PowerController.TurnOff.request.json", BEDROOM)));
        assertEquals(PlayerInfo.IDLE, players.get(BEDROOM).playbackState());
    }

    @Test
    void anUnknownEndpointIsNoSuchEndpoint() {
        assertEquals("NO_SUCH_ENDPOINT", outcome(directive("PlaybackController.Play.request.json", "RINCON_GONE")));
        assertEquals("NO_SUCH_ENDPOINT", outcome(directive("PlaybackController.Play.request.json", "x=%%%")));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, 250})
    void aVolumeOutsideZeroToHundredIsOutOfRange(int volume) {
        ObjectNode r = request("Speaker.SetVolume.request.json", user.token(), KITCHEN);
        r.with("directive").with("payload").put("volume", volume);
        JsonNode answer = send(cloud, r);
        Directives.assertShape(SmartHomeDirectives.fixture("ErrorResponse.VALUE_OUT_OF_RANGE.json"), answer, "");
        assertEquals(
                0,
                answer.path("event")
                        .path("payload")
                        .path("validRange")
                        .path("minimumValue")
                        .asInt());
        assertEquals(
                100,
                answer.path("event")
                        .path("payload")
                        .path("validRange")
                        .path("maximumValue")
                        .asInt());
        assertEquals(20, players.get(KITCHEN).volumeLevel());
    }

    @Test
    void malformedValuesAreInvalidValue() {
        ObjectNode text = request("Speaker.SetVolume.request.json", user.token(), KITCHEN);
        text.with("directive").with("payload").put("volume", "loud");
        assertEquals("INVALID_VALUE", outcome(send(cloud, text)));
        ObjectNode mute = request("Speaker.SetMute.request.json", user.token(), KITCHEN);
        mute.with("directive").with("payload").put("mute", "yes");
        assertEquals("INVALID_VALUE", outcome(send(cloud, mute)));
        ObjectNode fraction = request("Speaker.AdjustVolume.request.json", user.token(), KITCHEN);
        fraction.with("directive").with("payload").put("volume", 2.5);
        assertEquals("INVALID_VALUE", outcome(send(cloud, fraction)));
    }

    @Test
    void tokensAreChecked() {
        JsonNode missing = send(cloud, request("PlaybackController.Play.request.json", null, KITCHEN));
        Directives.assertShape(
                SmartHomeDirectives.fixture("ErrorResponse.INVALID_AUTHORIZATION_CREDENTIAL.json"), missing, "");
        assertEquals(
                "INVALID_AUTHORIZATION_CREDENTIAL",
                outcome(send(cloud, request("PlaybackController.Play.request.json", "Atza|forged", KITCHEN))));
        String expired = cloud.services.lwa().issueToken(user.userId(), "Test User", java.time.Duration.ofSeconds(-60));
        assertEquals(
                "EXPIRED_AUTHORIZATION_CREDENTIAL",
                outcome(send(cloud, request("PlaybackController.Play.request.json", expired, KITCHEN))));
        assertEquals(
                "INVALID_AUTHORIZATION_CREDENTIAL",
                outcome(send(cloud, request("Discovery.Discover.request.json", null, null))));
    }

    @Test
    void aUserWithoutAHomeDiscoversNothingAndControlsNothing() {
        CloudFixture.User stranger = cloud.newUser();
        JsonNode discovery = send(cloud, request("Discovery.Discover.request.json", stranger.token(), null));
        Directives.assertShape(SmartHomeDirectives.fixture("Discovery.Discover.response.empty.json"), discovery, "");
        assertEquals(
                0, discovery.path("event").path("payload").path("endpoints").size());
        assertEquals(
                "NO_SUCH_ENDPOINT",
                outcome(send(cloud, request("PlaybackController.Pause.request.json", stranger.token(), KITCHEN))));
    }

    @Test
    void anOfflineHomeIsUnreachableAtOnceWithoutCrossingTheRelay() {
        CloudFixture.User owner = cloud.newUser();
        CloudFixture.Home silent = cloud.registerHome();
        cloud.pair(silent, owner); // paired, but its connector never sent a heartbeat
        int commandsBefore = home.received().size();
        long started = System.nanoTime();
        JsonNode pause = send(cloud, request("PlaybackController.Pause.request.json", owner.token(), KITCHEN));
        JsonNode discovery = send(cloud, request("Discovery.Discover.request.json", owner.token(), null));
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals("ENDPOINT_UNREACHABLE", outcome(pause));
        assertEquals("BRIDGE_UNREACHABLE", outcome(discovery));
        assertTrue(
                ms < cloud.config.relayTimeout().toMillis(),
                "answered without waiting for the relay timeout: " + ms + " ms");
        assertEquals(commandsBefore, home.received().size());
    }

    @Test
    void unknownDirectivesAndBrokenEnvelopesGetAnErrorResponse() {
        List<String> bad = List.of(
                "not json at all",
                "{}",
                "[]",
                "{\"directive\":null}",
                "{\"directive\":{\"header\":{}}}",
                "{\"directive\":{\"header\":{\"namespace\":\"Alexa\",\"name\":\"ReportState\",\"payloadVersion\":\"2\"},\"payload\":{}}}",
                "{\"directive\":{\"header\":{\"namespace\":\"Alexa.ThermostatController\",\"name\":\"SetTargetTemperature\","
                        + "\"payloadVersion\":\"3\",\"messageId\":\"m\"},\"payload\":{}}}",
                "{\"directive\":{\"header\":{\"namespace\":\"Alexa\",\"name\":\"ReportState\",\"payloadVersion\":\"3\"},\"payload\":7}}",
                "{\"directive\":{\"header\":{\"namespace\":\"" + "A".repeat(5000)
                        + "\",\"name\":\"x\",\"payloadVersion\":\"3\"},\"payload\":{}}}");
        for (String input : bad) {
            JsonNode answer = send(cloud, input.getBytes(StandardCharsets.UTF_8));
            assertEquals(
                    "ErrorResponse",
                    answer.path("event").path("header").path("name").asText(),
                    input);
            assertEquals(
                    "3",
                    answer.path("event").path("header").path("payloadVersion").asText());
            assertEquals(
                    "INVALID_DIRECTIVE",
                    answer.path("event").path("payload").path("type").asText(),
                    input);
            assertNotNull(answer.path("event").path("header").path("messageId").textValue());
        }
        byte[] huge = ("{\"directive\":{\"payload\":{\"x\":\"" + "a".repeat(300_000) + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("INVALID_DIRECTIVE", outcome(send(cloud, huge)));
    }

    @Test
    void aLongEndpointIdOrHostileCorrelationTokenIsRefusedOrDropped() {
        ObjectNode longId = request("PlaybackController.Play.request.json", user.token(), "A".repeat(300));
        assertEquals("NO_SUCH_ENDPOINT", outcome(send(cloud, longId)));
        ObjectNode hostile = request("PlaybackController.Play.request.json", user.token(), KITCHEN);
        ((ObjectNode) hostile.path("directive").path("header")).put("correlationToken", "c".repeat(10_000));
        JsonNode answer = send(cloud, hostile);
        assertEquals("Response", outcome(answer));
        assertFalse(answer.path("event").path("header").has("correlationToken"));
    }
}
