package io.musicassistant.alexa.control;

import static io.musicassistant.alexa.testing.Fixtures.assertDocumented;
import static io.musicassistant.alexa.testing.ScriptedPlayers.GARAGE;
import static io.musicassistant.alexa.testing.ScriptedPlayers.KITCHEN;
import static io.musicassistant.alexa.testing.ScriptedPlayers.LIVING_ROOM;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.fixture;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.property;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.request;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.PlayResult;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.Command;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import io.musicassistant.alexa.relayapi.ApiResponse;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedHome;
import io.musicassistant.alexa.testing.ScriptedPlayers;
import io.musicassistant.alexa.testing.SmartHomeDirectives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The smart-home and voice fixtures SmartHomeSkillTest and ReportingTest do not cover, each through
 * the control skill's one entry point ({@code SmartHomeDirectives.send}: Moto's DynamoDB, ElasticMQ,
 * the LWA and event-gateway stand-ins, a scripted home). Every request fixture is sent; every
 * documented answer, error or event is the shape of ours in the situation it documents
 * (src/test/resources/alexa/README.md lists which test checks which file).
 */
class SmartHomeFixturesTest {

    static final DevServices SERVICES = DevServices.shared();

    static CloudFixture cloud;
    static CloudFixture.User user;
    static CloudFixture.Home paired;
    static ScriptedPlayers players;
    static ScriptedHome home;
    /** When set, the home refuses every player command with this relay error code. */
    static final AtomicReference<String> refusal = new AtomicReference<>();

    @BeforeAll
    static void setUp() {
        // A loaded machine (shared CI, parallel builds) can take more than the usual 3 s for a relay round trip.
        Map<String, String> config = new HashMap<>(SmartHomeDirectives.reporting(SERVICES));
        config.put("RELAY_TIMEOUT_MS", "6000");
        cloud = CloudFixture.create(config);
        user = cloud.newUser();
        players = new ScriptedPlayers();
        paired = cloud.pairedHome(user);
        home = new ScriptedHome(cloud, paired, SmartHomeFixturesTest::answer);
    }

    @AfterAll
    static void tearDown() {
        home.close();
    }

    @BeforeEach
    void freshPlayers() {
        refusal.set(null);
        new ScriptedPlayers().all().forEach(players::put);
    }

    /** The scripted players, a refusal when one is set, and "playing it" for a voice play. */
    static RelayReply answer(RelayCommand command) {
        long now = System.currentTimeMillis();
        Command which = Command.byWireName(command.command()).orElse(null);
        String code = refusal.get();
        if (code != null && which != Command.PLAYERS_LIST) {
            return RelayReply.error(command.id(), new RelayError(code, "refused by the test"), now);
        }
        if (which == Command.PLAYER_PLAY) {
            return RelayReply.ok(
                    command.id(),
                    RelayJson.tree(new PlayResult(ContentKind.ARTIST, "The Beatles", null, players.get(KITCHEN))),
                    now);
        }
        return players.answer(command);
    }

    static JsonNode directive(String fixture, String endpointId) {
        return send(cloud, request(fixture, user.token(), endpointId));
    }

    /** A custom-skill request fixture with our user's token (or none) where Alexa puts it. */
    static ObjectNode voice(String fixture, String token) {
        ObjectNode request = fixture(fixture);
        for (JsonNode holder : List.of(
                request.path("context").path("System").path("user"),
                request.path("session").path("user"))) {
            if (token == null) {
                ((ObjectNode) holder).remove("accessToken");
            } else {
                ((ObjectNode) holder).put("accessToken", token);
            }
        }
        return request;
    }

    @Test
    void answersToDirectivesSmartHomeSkillTestLeavesUnchecked() {
        JsonNode on = directive("PowerController.TurnOn.request.json", KITCHEN);
        assertDocumented(fixture("PowerController.TurnOn.response.json"), on);
        assertEquals("ON", property(on, "Alexa.PowerController", "powerState").asText());

        JsonNode adjust = directive("Speaker.AdjustVolume.request.json", LIVING_ROOM);
        assertDocumented(fixture("Speaker.AdjustVolume.response.json"), adjust);

        ObjectNode accept = request("Authorization.AcceptGrant.request.with-correlationToken.json", user.token(), null);
        accept.with("directive")
                .with("payload")
                .with("grant")
                .put("code", SERVICES.lwa().issueGrantCode(user.userId()));
        assertDocumented(fixture("Authorization.AcceptGrant.response.json"), send(cloud, accept));
    }

    @Test
    void errorsHaveTheDocumentedShapeAndType() {
        assertDocumented(
                fixture("ErrorResponse.NO_SUCH_ENDPOINT.json"),
                directive("PlaybackController.Pause.request.json", "RINCON_GONE"));

        ObjectNode unsupported = request("PlaybackController.Pause.request.json", user.token(), KITCHEN);
        ((ObjectNode) unsupported.path("directive").path("header")).put("name", "FastForward");
        assertDocumented(fixture("ErrorResponse.INVALID_DIRECTIVE.json"), send(cloud, unsupported));

        String expired = SERVICES.lwa().issueToken(user.userId(), "Test User", Duration.ofSeconds(-5));
        assertDocumented(
                fixture("ErrorResponse.EXPIRED_AUTHORIZATION_CREDENTIAL.json"),
                send(cloud, request("PlaybackController.Pause.request.json", expired, KITCHEN)));

        // Music Assistant refuses in the player's present state (a synced member, nothing queued).
        refusal.set(RelayError.MA_ERROR);
        JsonNode mode = directive("PlaybackController.Next.request.json", KITCHEN);
        assertDocumented(fixture("ErrorResponse.NOT_SUPPORTED_IN_CURRENT_MODE.json"), mode);
        assertEquals(
                "OTHER",
                mode.path("event").path("payload").path("currentDeviceMode").asText());

        refusal.set(RelayError.INTERNAL);
        assertDocumented(
                fixture("ErrorResponse.INTERNAL_ERROR.json"),
                directive("PlaybackController.Pause.request.json", KITCHEN));
    }

    @Test
    void discoveryOfAHomeThatCannotReachMusicAssistantIsBridgeUnreachable() {
        CloudFixture.User owner = cloud.newUser();
        CloudFixture.Home down = cloud.registerHome();
        cloud.pair(down, owner);
        cloud.heartbeat(down, false);
        // Discover has no endpoint and no correlation token, so its error echoes neither (the schema echoes both when
        // sent).
        ObjectNode documented = fixture("ErrorResponse.BRIDGE_UNREACHABLE.json");
        ((ObjectNode) documented.path("event")).remove("endpoint");
        ((ObjectNode) documented.path("event").path("header")).remove("correlationToken");
        assertDocumented(documented, send(cloud, request("Discovery.Discover.request.json", owner.token(), null)));
    }

    @Test
    void aPlayerMusicAssistantCannotReachReportsItsConnectivity() {
        JsonNode report = directive("Alexa.ReportState.request.json", GARAGE);
        assertDocumented(fixture("Alexa.StateReport.response.unreachable.json"), report);
        assertEquals(
                "UNREACHABLE",
                property(report, "Alexa.EndpointHealth", "connectivity")
                        .path("value")
                        .asText());
    }

    @Test
    void voiceAnswersHaveTheCustomSkillShapes() {
        JsonNode launch = send(cloud, voice("Custom.LaunchRequest.json", user.token()));
        assertDocumented(fixture("Custom.Response.launch-with-dynamic-entities.json"), launch);

        JsonNode unlinked = send(cloud, voice("Custom.LaunchRequest.json", null));
        assertDocumented(fixture("Custom.Response.link-account-card.json"), unlinked);
        assertEquals(
                "LinkAccount",
                unlinked.path("response").path("card").path("type").asText());

        ObjectNode play = voice("Custom.IntentRequest.PlayInRoom.json", user.token());
        ((ObjectNode) play.path("request").path("intent").path("slots").path("room")).put("value", "Kitchen");
        JsonNode told = send(cloud, play);
        assertDocumented(fixture("Custom.Response.tell.json"), told);
        assertTrue(told.path("response").path("shouldEndSession").asBoolean(), told.toString());
        assertTrue(
                told.path("response").path("outputSpeech").path("ssml").asText().contains("The Beatles"),
                told.toString());

        JsonNode stop = send(cloud, voice("Custom.IntentRequest.AMAZON.StopIntent.json", user.token()));
        assertDocumented(fixture("Custom.Response.tell.json"), stop);
        assertTrue(stop.path("response").path("shouldEndSession").asBoolean(), stop.toString());

        // A room named with no question pending is still an answer of the documented form (spoken, session state said).
        ObjectNode select = voice("Custom.IntentRequest.SelectRoom.static-match.json", user.token());
        ((ObjectNode) select.path("request").path("intent").path("slots").path("room")).put("value", "Living Room");
        assertDocumented(fixture("Custom.Response.tell.json"), send(cloud, select));

        // Alexa ignores whatever answers a SessionEndedRequest: nothing is said.
        for (String ended : List.of("Custom.SessionEndedRequest.json", "Custom.SessionEndedRequest.error.json")) {
            JsonNode answer = send(cloud, voice(ended, user.token()));
            assertEquals("1.0", answer.path("version").asText(), answer.toString());
            assertTrue(answer.path("response").path("outputSpeech").isMissingNode(), answer.toString());
        }
    }

    @Test
    void theShippedInteractionModelAndManifestHaveTheDocumentedFormat() throws java.io.IOException {
        Path control = Path.of("../skill-package/control");
        assertDocumented(
                fixture("InteractionModel.de-DE.example.json"),
                AlexaJson.mapper().readTree(Files.readString(control.resolve("interactionModels/custom/de-DE.json"))));
        assertDocumented(
                fixture("skill.manifest.multi-capability.example.json"),
                AlexaJson.mapper().readTree(Files.readString(control.resolve("skill.json"))));
    }

    @Test
    void aPlaybackChangeInMusicAssistantIsAChangeReportOfPlaybackState() {
        SmartHomeDirectives.grantAndDiscover(cloud, user);
        EventGatewayStandIn gateway = SERVICES.gateway();
        gateway.clear();
        PlayerInfo paused = players.update(
                KITCHEN,
                p -> new PlayerInfo(
                        p.playerId(),
                        p.name(),
                        p.type(),
                        p.available(),
                        p.powered(),
                        p.volumeLevel(),
                        p.muted(),
                        PlayerInfo.PAUSED,
                        p.features(),
                        p.groupMembers(),
                        p.nowPlaying()));
        ApiResponse posted = cloud.relay(
                "POST",
                "/v1/homes/" + paired.instanceId() + "/events",
                paired.secret(),
                new HomeEvents(List.of(new PlayerEvent(PlayerEvent.CHANGED, KITCHEN, paused))));
        assertEquals(200, posted.status(), posted.body());
        List<EventGatewayStandIn.Received> got = gateway.received().stream()
                .filter(r -> r.userId().equals(user.userId()))
                .toList();
        assertEquals(1, got.size(), got.toString());
        JsonNode report = got.getFirst().event();
        assertDocumented(fixture("Alexa.ChangeReport.event.playback.json"), report);
        assertEquals(
                "PAUSED",
                report.path("event")
                        .path("payload")
                        .path("change")
                        .path("properties")
                        .get(0)
                        .path("value")
                        .path("state")
                        .asText());
    }
}
