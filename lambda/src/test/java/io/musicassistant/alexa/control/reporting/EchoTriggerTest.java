package io.musicassistant.alexa.control.reporting;

import static io.musicassistant.alexa.testing.SmartHomeDirectives.property;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.request;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import io.musicassistant.alexa.relayapi.ApiResponse;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.Directives;
import io.musicassistant.alexa.testing.ScriptedHome;
import io.musicassistant.alexa.testing.ScriptedPlayers;
import io.musicassistant.alexa.testing.SmartHomeDirectives;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Echo player's routine trigger (issue 16) through the control skill's entry point and the real
 * relay API: discovered as a contact sensor, opened by {@code play_requested} and closed by
 * {@code play_request_reset} as ChangeReports at the event-gateway stand-in, answered by ReportState.
 */
class EchoTriggerTest {

    static final DevServices SERVICES = DevServices.shared();
    static final String ECHO = "alexa_echo_kitchen-echo";

    final EventGatewayStandIn gateway = SERVICES.gateway();
    static CloudFixture cloud;
    CloudFixture.User user;
    CloudFixture.Home home;
    ScriptedPlayers players;
    ScriptedHome scripted;

    @BeforeAll
    static void tables() {
        cloud = CloudFixture.create(SmartHomeDirectives.reporting(SERVICES));
    }

    @BeforeEach
    void setUp() {
        user = cloud.newUser();
        home = cloud.pairedHome(user);
        players = new ScriptedPlayers();
        players.put(echo(ECHO, "Kitchen Echo"));
        scripted = new ScriptedHome(cloud, home, players::answer);
    }

    @AfterEach
    void tearDown() {
        scripted.close();
    }

    static PlayerInfo echo(String id, String name) {
        return new PlayerInfo(
                id, name, PlayerInfo.TYPE_ECHO, true, true, null, null, PlayerInfo.IDLE, List.of(), List.of(), null);
    }

    ApiResponse post(PlayerEvent... events) {
        return cloud.relay(
                "POST", "/v1/homes/" + home.instanceId() + "/events", home.secret(), new HomeEvents(List.of(events)));
    }

    PlayerEvent event(String type, String playerId) {
        return new PlayerEvent(type, playerId, players.get(playerId));
    }

    List<JsonNode> received() {
        List<JsonNode> events = new ArrayList<>();
        gateway.received().stream()
                .filter(r -> r.userId().equals(user.userId()))
                .forEach(r -> events.add(r.event()));
        return events;
    }

    static String detection(JsonNode changeReport) {
        JsonNode properties =
                changeReport.path("event").path("payload").path("change").path("properties");
        assertEquals(1, properties.size(), properties.toString());
        assertEquals("Alexa.ContactSensor", properties.get(0).path("namespace").asText());
        return properties.get(0).path("value").asText();
    }

    String reportState() {
        JsonNode answer = send(cloud, request("Alexa.ReportState.request.json", user.token(), ECHO));
        assertEquals("StateReport", SmartHomeDirectives.outcome(answer), answer.toString());
        assertEquals(
                "OK",
                property(answer, "Alexa.EndpointHealth", "connectivity")
                        .path("value")
                        .asText());
        return property(answer, "Alexa.ContactSensor", "detectionState").asText();
    }

    @Test
    void anEchoPlayerIsDiscoveredAsAContactSensorNeverAsASpeaker() {
        JsonNode answer = send(cloud, request("Discovery.Discover.request.json", user.token(), null));
        JsonNode trigger = null;
        for (JsonNode endpoint : answer.path("event").path("payload").path("endpoints")) {
            if (endpoint.path("endpointId").asText().equals(ECHO)) {
                trigger = endpoint;
            } else {
                assertEquals(
                        "SPEAKER", endpoint.path("displayCategories").get(0).asText());
            }
        }
        assertTrue(trigger != null, answer.toString());
        Directives.assertShape(
                SmartHomeDirectives.documented("Discovery.Discover.response.contact-sensor.json")
                        .path("event")
                        .path("payload")
                        .path("endpoints")
                        .get(0),
                trigger,
                "");
        assertEquals("Kitchen Echo play request", trigger.path("friendlyName").asText());
        assertEquals("CONTACT_SENSOR", trigger.path("displayCategories").get(0).asText());
        assertEquals("Music Assistant", trigger.path("manufacturerName").asText());
        Set<String> interfaces = new TreeSet<>();
        trigger.path("capabilities")
                .forEach(c -> interfaces.add(c.path("interface").asText()));
        assertEquals(Set.of("Alexa", "Alexa.ContactSensor", "Alexa.EndpointHealth"), interfaces);
        for (JsonNode c : trigger.path("capabilities")) {
            if (c.path("interface").asText().equals("Alexa.ContactSensor")) {
                assertEquals(
                        "detectionState",
                        c.path("properties")
                                .path("supported")
                                .get(0)
                                .path("name")
                                .asText());
                assertTrue(c.path("properties").path("proactivelyReported").asBoolean());
                assertTrue(c.path("properties").path("retrievable").asBoolean());
            }
        }
        assertEquals("NOT_DETECTED", reportState());
    }

    @Test
    void playRequestedOpensTheTriggerAndTheResetClosesItForEveryGrantedAccount() {
        SmartHomeDirectives.grantAndDiscover(cloud, user);
        gateway.clear();

        assertEquals(200, post(event(PlayerEvent.PLAY_REQUESTED, ECHO)).status());
        List<JsonNode> opened = received();
        assertEquals(1, opened.size(), opened.toString());
        Directives.assertShape(
                SmartHomeDirectives.fixture("Alexa.ChangeReport.event.contact-sensor.json"), opened.getFirst(), "");
        assertEquals(
                ECHO,
                opened.getFirst()
                        .path("event")
                        .path("endpoint")
                        .path("endpointId")
                        .asText());
        assertEquals("DETECTED", detection(opened.getFirst()));
        assertEquals(
                "PHYSICAL_INTERACTION",
                opened.getFirst()
                        .path("event")
                        .path("payload")
                        .path("change")
                        .path("cause")
                        .path("type")
                        .asText());
        assertEquals("DETECTED", reportState());

        gateway.clear();
        assertEquals(200, post(event(PlayerEvent.PLAY_REQUEST_RESET, ECHO)).status());
        List<JsonNode> closed = received();
        assertEquals(1, closed.size(), closed.toString());
        assertEquals("NOT_DETECTED", detection(closed.getFirst()));
        assertEquals("NOT_DETECTED", reportState());

        // An Echo player's playback news is nothing Alexa sees on a trigger.
        gateway.clear();
        players.update(
                ECHO,
                p -> new PlayerInfo(
                        p.playerId(),
                        p.name(),
                        p.type(),
                        true,
                        true,
                        null,
                        null,
                        PlayerInfo.PLAYING,
                        List.of(),
                        List.of(),
                        null));
        assertEquals(200, post(event(PlayerEvent.CHANGED, ECHO)).status());
        assertEquals(List.of(), received());
    }

    @Test
    void aSecondPlayWhoseResetWasLostClosesTheTriggerFirstSoTheRoutineRunsAgain() {
        SmartHomeDirectives.grantAndDiscover(cloud, user);
        assertEquals(200, post(event(PlayerEvent.PLAY_REQUESTED, ECHO)).status());
        gateway.clear();

        assertEquals(200, post(event(PlayerEvent.PLAY_REQUESTED, ECHO)).status());
        List<JsonNode> got = received();
        assertEquals(
                List.of("NOT_DETECTED", "DETECTED"),
                got.stream().map(EchoTriggerTest::detection).toList());
        assertEquals("DETECTED", reportState());
    }

    @Test
    void aPlayWhileTheTriggerIsStillOpenIsOneCloseAndOneOpen() {
        SmartHomeDirectives.grantAndDiscover(cloud, user);
        assertEquals(200, post(event(PlayerEvent.PLAY_REQUESTED, ECHO)).status());
        gateway.clear();

        // the connector closes a still-open trigger and opens it again in one post
        assertEquals(
                200,
                post(event(PlayerEvent.PLAY_REQUEST_RESET, ECHO), event(PlayerEvent.PLAY_REQUESTED, ECHO))
                        .status());
        assertEquals(
                List.of("NOT_DETECTED", "DETECTED"),
                received().stream().map(EchoTriggerTest::detection).toList(),
                "Alexa runs the routine once per play");
        assertEquals("DETECTED", reportState());
    }

    @Test
    void playRequestsAboutSpeakersAreIgnored() {
        SmartHomeDirectives.grantAndDiscover(cloud, user);
        gateway.clear();
        assertEquals(
                200,
                post(event(PlayerEvent.PLAY_REQUESTED, ScriptedPlayers.KITCHEN)).status());
        assertEquals(List.of(), received());
    }

    @Test
    void echoPlayersAddedAndRemovedReachDiscoveryAsTriggers() {
        SmartHomeDirectives.grantAndDiscover(cloud, user);
        gateway.clear();

        PlayerInfo office = echo("alexa_echo_office", "Office Echo");
        players.put(office);
        assertEquals(
                200,
                post(new PlayerEvent(PlayerEvent.ADDED, office.playerId(), office))
                        .status());
        JsonNode add = received().getLast();
        Directives.assertShape(SmartHomeDirectives.documented("Discovery.AddOrUpdateReport.event.json"), add, "");
        JsonNode endpoint = add.path("event").path("payload").path("endpoints").get(0);
        assertEquals("Office Echo play request", endpoint.path("friendlyName").asText());
        assertEquals("CONTACT_SENSOR", endpoint.path("displayCategories").get(0).asText());

        gateway.clear();
        players.remove(ECHO);
        assertEquals(200, post(new PlayerEvent(PlayerEvent.REMOVED, ECHO, null)).status());
        JsonNode delete = received().getLast();
        assertEquals(
                "DeleteReport", delete.path("event").path("header").path("name").asText());
        assertEquals(
                ECHO,
                delete.path("event")
                        .path("payload")
                        .path("endpoints")
                        .get(0)
                        .path("endpointId")
                        .asText());
    }
}
