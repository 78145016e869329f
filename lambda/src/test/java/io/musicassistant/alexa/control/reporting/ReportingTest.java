package io.musicassistant.alexa.control.reporting;

import static io.musicassistant.alexa.testing.ScriptedPlayers.BEDROOM;
import static io.musicassistant.alexa.testing.ScriptedPlayers.KITCHEN;
import static io.musicassistant.alexa.testing.ScriptedPlayers.LIVING_ROOM;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.outcome;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.request;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.control.smarthome.EndpointStates;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import io.musicassistant.alexa.relayapi.ApiResponse;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.Directives;
import io.musicassistant.alexa.testing.ScriptedHome;
import io.musicassistant.alexa.testing.ScriptedPlayers;
import io.musicassistant.alexa.testing.SmartHomeDirectives;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * State sync from Music Assistant to Alexa: AcceptGrant against the LWA stand-in, the connector's
 * events through the real relay API, and the reports the event-gateway stand-in receives (it checks
 * the bearer token is a live grant of the skill's messaging client and matches the event's scope).
 */
class ReportingTest {

    static final DevServices SERVICES = DevServices.shared();
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
        scripted = new ScriptedHome(cloud, home, players::answer);
    }

    @AfterEach
    void tearDown() {
        scripted.close();
        SERVICES.lwa().setGrantTokenLifetime(Duration.ofHours(1));
    }

    void grant(CloudFixture.User who) {
        ObjectNode accept = request("Authorization.AcceptGrant.request.json", who.token(), null);
        accept.with("directive")
                .with("payload")
                .with("grant")
                .put("code", SERVICES.lwa().issueGrantCode(who.userId()));
        JsonNode answer = send(cloud, accept);
        Directives.assertShape(SmartHomeDirectives.fixture("Authorization.AcceptGrant.response.json"), answer, "");
    }

    void discover(CloudFixture.User who) {
        assertEquals(
                "Discover.Response",
                outcome(send(cloud, request("Discovery.Discover.request.json", who.token(), null))));
    }

    ApiResponse post(PlayerEvent... events) {
        return cloud.relay(
                "POST", "/v1/homes/" + home.instanceId() + "/events", home.secret(), new HomeEvents(List.of(events)));
    }

    PlayerEvent changed(String playerId, UnaryOperator<PlayerInfo> change) {
        return new PlayerEvent(PlayerEvent.CHANGED, playerId, players.update(playerId, change));
    }

    /** What the gateway received for {@code who} since the last clear. */
    List<EventGatewayStandIn.Received> receivedBy(CloudFixture.User who) {
        return gateway.received().stream()
                .filter(r -> r.userId().equals(who.userId()))
                .toList();
    }

    static PlayerInfo withVolume(PlayerInfo p, int volume) {
        return new PlayerInfo(
                p.playerId(),
                p.name(),
                p.type(),
                p.available(),
                p.powered(),
                volume,
                p.muted(),
                p.playbackState(),
                p.features(),
                p.groupMembers(),
                p.nowPlaying());
    }

    static PlayerInfo withName(PlayerInfo p, String name) {
        return new PlayerInfo(
                p.playerId(),
                name,
                p.type(),
                p.available(),
                p.powered(),
                p.volumeLevel(),
                p.muted(),
                p.playbackState(),
                p.features(),
                p.groupMembers(),
                p.nowPlaying());
    }

    @Test
    void acceptGrantStoresTheTokensSealed() {
        grant(user);
        Map<String, AttributeValue> row = cloud.wiring
                .aws()
                .dynamoDb()
                .getItem(b -> b.tableName(cloud.wiring.tables().name(Tables.GRANTS))
                        .key(Attrs.key(Tables.GRANTS.key(), user.userId())))
                .item();
        assertNotNull(row.get("access_token").b(), "sealed bytes, not a string");
        assertNotNull(row.get("refresh_token").b());
        assertFalse(row.toString().contains("Atza|"), "no token in plain sight: " + row);
        assertFalse(row.toString().contains("Atzr|"), "no token in plain sight: " + row);
    }

    @Test
    void aCodeLoginWithAmazonRefusesIsAcceptGrantFailed() {
        ObjectNode accept = request("Authorization.AcceptGrant.request.json", user.token(), null);
        accept.with("directive").with("payload").with("grant").put("code", "ANTxxNotACodeLwaIssued");
        JsonNode answer = send(cloud, accept);
        Directives.assertShape(
                SmartHomeDirectives.fixture("Authorization.ErrorResponse.ACCEPT_GRANT_FAILED.json"), answer, "");
        assertEquals(
                "Alexa.Authorization",
                answer.path("event").path("header").path("namespace").asText());

        ObjectNode noCode = request("Authorization.AcceptGrant.request.json", user.token(), null);
        noCode.with("directive").with("payload").remove("grant");
        assertEquals("ACCEPT_GRANT_FAILED", outcome(send(cloud, noCode)));

        ObjectNode forged = request("Authorization.AcceptGrant.request.json", "Atza|forged", null);
        forged.with("directive")
                .with("payload")
                .with("grant")
                .put("code", SERVICES.lwa().issueGrantCode(user.userId()));
        assertEquals("ACCEPT_GRANT_FAILED", outcome(send(cloud, forged)));
    }

    @Test
    void withoutReportingConfiguredAcceptGrantFailsClearly() {
        CloudFixture bare = CloudFixture.create();
        CloudFixture.User someone = bare.newUser();
        ObjectNode accept = request("Authorization.AcceptGrant.request.json", someone.token(), null);
        accept.with("directive")
                .with("payload")
                .with("grant")
                .put("code", SERVICES.lwa().issueGrantCode(someone.userId()));
        assertEquals("ACCEPT_GRANT_FAILED", outcome(send(bare, accept)));
    }

    /**
     * In AWS the secrets are read through Secrets Manager, which is unreachable here: the skill must
     * start (SnapStart snapshots it) and answer discovery without them, and only AcceptGrant fails.
     */
    @Test
    void secretsAreReadOnFirstUseSoTheSkillStartsWithoutThem() {
        CloudFixture aws = CloudFixture.create(Map.of(
                "ALEXA_CLIENT_ID",
                "amzn1.application-oa2-client.messaging",
                "ALEXA_CLIENT_SECRET_ARN",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:t-skill-messaging-AbCdEf",
                "GRANT_KEY_SECRET_ARN",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:t-grant-key-GhIjKl"));
        CloudFixture.User someone = aws.newUser();
        try (ScriptedHome answering = new ScriptedHome(aws, aws.pairedHome(someone), new ScriptedPlayers()::answer)) {
            assertEquals(
                    "Discover.Response",
                    send(aws, request("Discovery.Discover.request.json", someone.token(), null))
                            .path("event")
                            .path("header")
                            .path("name")
                            .asText());
        }
        ObjectNode accept = request("Authorization.AcceptGrant.request.json", someone.token(), null);
        accept.with("directive")
                .with("payload")
                .with("grant")
                .put("code", SERVICES.lwa().issueGrantCode(someone.userId()));
        assertEquals(
                "ACCEPT_GRANT_FAILED", outcome(send(aws, accept)), "the unreadable secret fails AcceptGrant alone");
    }

    @Test
    void aChangeInMusicAssistantIsOneChangeReportOfTheChangedPropertyOnly() {
        grant(user);
        discover(user);
        gateway.clear();

        ApiResponse r = post(changed(KITCHEN, p -> withVolume(p, 45)));
        assertEquals(200, r.status(), r.body());
        List<EventGatewayStandIn.Received> got = receivedBy(user);
        assertEquals(1, got.size(), got.toString());
        JsonNode report = got.getFirst().event();
        Directives.assertShape(
                SmartHomeDirectives.fixture("Alexa.ChangeReport.event.volume-from-app.json"), report, "");
        assertEquals(
                KITCHEN,
                report.path("event").path("endpoint").path("endpointId").asText());
        assertEquals(
                "APP_INTERACTION",
                report.path("event")
                        .path("payload")
                        .path("change")
                        .path("cause")
                        .path("type")
                        .asText());
        JsonNode changedProperties =
                report.path("event").path("payload").path("change").path("properties");
        assertEquals(1, changedProperties.size(), changedProperties.toString());
        assertEquals("volume", changedProperties.get(0).path("name").asText());
        assertEquals(45, changedProperties.get(0).path("value").asInt());
        List<String> context = new ArrayList<>();
        report.path("context")
                .path("properties")
                .forEach(p -> context.add(p.path("name").asText()));
        assertTrue(
                context.containsAll(List.of("powerState", "muted", "connectivity", "playbackState")),
                context.toString());
        assertFalse(context.contains("volume"));

        // The same state again (an MA event about something Alexa does not see) sends nothing.
        gateway.clear();
        assertEquals(
                200,
                post(new PlayerEvent(PlayerEvent.CHANGED, KITCHEN, players.get(KITCHEN)))
                        .status());
        assertEquals(List.of(), receivedBy(user));
    }

    @Test
    void aChangeAlexaItselfMadeIsNotReportedBack() {
        grant(user);
        discover(user);
        ObjectNode set = request("Speaker.SetVolume.request.json", user.token(), LIVING_ROOM);
        assertEquals("Response", outcome(send(cloud, set)));
        gateway.clear();
        // The connector sees MA's player_updated for the volume Alexa just set.
        assertEquals(
                200,
                post(new PlayerEvent(PlayerEvent.CHANGED, LIVING_ROOM, players.get(LIVING_ROOM)))
                        .status());
        assertEquals(List.of(), receivedBy(user));
    }

    @Test
    void playersThatAppearChangeTheirDescriptionOrGoAreReportedToDiscovery() {
        grant(user);
        discover(user);
        gateway.clear();

        PlayerInfo patio = new PlayerInfo(
                "chromecast_patio",
                "Patio",
                "player",
                true,
                true,
                30,
                false,
                PlayerInfo.IDLE,
                List.of("volume_set", "volume_mute", "pause"),
                List.of(),
                null);
        players.put(patio);
        assertEquals(
                200,
                post(new PlayerEvent(PlayerEvent.ADDED, patio.playerId(), patio))
                        .status());
        JsonNode add = receivedBy(user).getLast().event();
        Directives.assertShape(SmartHomeDirectives.documented("Discovery.AddOrUpdateReport.event.json"), add, "");
        assertEquals(
                "Patio",
                add.path("event")
                        .path("payload")
                        .path("endpoints")
                        .get(0)
                        .path("friendlyName")
                        .asText());

        gateway.clear();
        assertEquals(
                200, post(changed(BEDROOM, p -> withName(p, "Master Bedroom"))).status());
        List<EventGatewayStandIn.Received> renamed = receivedBy(user);
        assertEquals(
                List.of("AddOrUpdateReport"),
                renamed.stream().map(EventGatewayStandIn.Received::name).toList());

        gateway.clear();
        assertEquals(
                200,
                post(new PlayerEvent(PlayerEvent.REMOVED, patio.playerId(), null))
                        .status());
        JsonNode delete = receivedBy(user).getLast().event();
        Directives.assertShape(SmartHomeDirectives.fixture("Discovery.DeleteReport.event.json"), delete, "");
        assertEquals(
                patio.playerId(),
                delete.path("event")
                        .path("payload")
                        .path("endpoints")
                        .get(0)
                        .path("endpointId")
                        .asText());

        // Removing what Alexa never knew sends nothing.
        gateway.clear();
        assertEquals(
                200,
                post(new PlayerEvent(PlayerEvent.REMOVED, "never_seen", null)).status());
        assertEquals(List.of(), receivedBy(user));
    }

    @Test
    void anAccessTokenNearItsExpiryIsRefreshedFirst() {
        SERVICES.lwa().setGrantTokenLifetime(Duration.ofMinutes(3)); // inside the 5-minute renewal margin
        grant(user);
        discover(user);
        gateway.clear();
        int calls = SERVICES.lwa().tokenCalls();
        assertEquals(200, post(changed(KITCHEN, p -> withVolume(p, 61))).status());
        assertEquals(1, receivedBy(user).size(), "accepted with a refreshed token");
        assertTrue(SERVICES.lwa().tokenCalls() > calls, "the refresh token was used");
    }

    @Test
    void aGrantLoginWithAmazonNoLongerHonoursIsForgottenWithoutFailingTheHome() {
        SERVICES.lwa().setGrantTokenLifetime(Duration.ofMinutes(3));
        grant(user);
        discover(user);
        SERVICES.lwa().revokeRefreshTokens(user.userId()); // the user disabled the skill
        gateway.clear();
        ApiResponse r = post(changed(KITCHEN, p -> withVolume(p, 62)));
        assertEquals(200, r.status(), "the home is not blamed for the account's grant");
        assertEquals(List.of(), receivedBy(user));
        Map<String, AttributeValue> row = cloud.wiring
                .aws()
                .dynamoDb()
                .getItem(b -> b.tableName(cloud.wiring.tables().name(Tables.GRANTS))
                        .key(Attrs.key(Tables.GRANTS.key(), user.userId())))
                .item();
        assertTrue(row == null || row.isEmpty(), "grant forgotten");
    }

    @Test
    void aGrantThatCannotBeOpenedIsForgottenInsteadOfFailingEveryPost() {
        grant(user);
        discover(user);
        String grants = cloud.wiring.tables().name(Tables.GRANTS);
        // As after a GRANT_KEY change: the sealed tokens no longer open.
        cloud.wiring
                .aws()
                .dynamoDb()
                .updateItem(b -> b.tableName(grants)
                        .key(Attrs.key(Tables.GRANTS.key(), user.userId()))
                        .updateExpression("SET access_token = :x, refresh_token = :x")
                        .expressionAttributeValues(Map.of(
                                ":x", AttributeValue.fromB(SdkBytes.fromUtf8String("sealed with another key")))));
        ApiResponse r = post(changed(KITCHEN, p -> withVolume(p, 64)));
        assertEquals(200, r.status(), "the home is not asked to post again for a grant that can never work");
        Map<String, AttributeValue> row = cloud.wiring
                .aws()
                .dynamoDb()
                .getItem(b -> b.tableName(grants).key(Attrs.key(Tables.GRANTS.key(), user.userId())))
                .item();
        assertTrue(row == null || row.isEmpty(), "grant forgotten");
    }

    @Test
    void aSkillDisabledAtTheGatewayForgetsTheGrant() {
        CloudFixture.User leaving = cloud.newUser();
        cloud.pair(home, leaving);
        grant(leaving);
        discover(leaving);
        gateway.disableSkillFor(leaving.userId());
        post(changed(KITCHEN, p -> withVolume(p, 63)));
        Map<String, AttributeValue> row = cloud.wiring
                .aws()
                .dynamoDb()
                .getItem(b -> b.tableName(cloud.wiring.tables().name(Tables.GRANTS))
                        .key(Attrs.key(Tables.GRANTS.key(), leaving.userId())))
                .item();
        assertTrue(row == null || row.isEmpty(), "grant forgotten after SKILL_DISABLED_EXCEPTION");
    }

    @Test
    void everyLinkedAccountWithAGrantHearsOfTheChange() {
        CloudFixture.User partner = cloud.newUser();
        CloudFixture.User silent = cloud.newUser();
        cloud.pair(home, partner);
        cloud.pair(home, silent); // linked, but never granted event access
        grant(user);
        grant(partner);
        discover(user);
        gateway.clear();
        assertEquals(200, post(changed(KITCHEN, p -> withVolume(p, 70))).status());
        assertEquals(1, receivedBy(user).size());
        assertEquals(1, receivedBy(partner).size());
        assertEquals(0, receivedBy(silent).size());
    }

    @Test
    void aReportTheGatewayCouldNotTakeIsSentAgainWithTheNextPost() {
        grant(user);
        discover(user);
        gateway.clear();
        gateway.failNext(3); // the client tries three times
        ApiResponse failed = post(changed(KITCHEN, p -> withVolume(p, 47)));
        assertEquals(503, failed.status(), "the connector keeps the news and posts it again");
        assertTrue(failed.headers().containsKey("retry-after"));
        assertEquals(List.of(), receivedBy(user));

        ApiResponse again = post(new PlayerEvent(PlayerEvent.CHANGED, KITCHEN, players.get(KITCHEN)));
        assertEquals(200, again.status());
        List<EventGatewayStandIn.Received> got = receivedBy(user);
        assertEquals(
                List.of("ChangeReport"),
                got.stream().map(EventGatewayStandIn.Received::name).toList());
        assertEquals(
                47,
                got.getFirst()
                        .event()
                        .path("event")
                        .path("payload")
                        .path("change")
                        .path("properties")
                        .get(0)
                        .path("value")
                        .asInt());
    }

    @Test
    void aChangeOneAccountMadeIsNewsForTheOtherAccountsOfTheHousehold() {
        CloudFixture.User partner = cloud.newUser();
        cloud.pair(home, partner);
        grant(user);
        grant(partner);
        discover(user);
        discover(partner);
        ObjectNode set = request("Speaker.SetVolume.request.json", user.token(), LIVING_ROOM);
        set.with("directive").with("payload").put("volume", 55);
        assertEquals("Response", outcome(send(cloud, set)));
        gateway.clear();
        assertEquals(
                200,
                post(new PlayerEvent(PlayerEvent.CHANGED, LIVING_ROOM, players.get(LIVING_ROOM)))
                        .status());
        assertEquals(List.of(), receivedBy(user), "this account's Alexa made the change");
        List<EventGatewayStandIn.Received> partners = receivedBy(partner);
        assertEquals(
                List.of("ChangeReport"),
                partners.stream().map(EventGatewayStandIn.Received::name).toList());
        assertEquals(
                55,
                partners.getFirst()
                        .event()
                        .path("event")
                        .path("payload")
                        .path("change")
                        .path("properties")
                        .get(0)
                        .path("value")
                        .asInt());
    }

    @Test
    void theDescriptionHashDoesNotDependOnTheJvm() {
        // Map.of iterates in an order that changes from one JVM start to the next; the hash must not.
        // Compared with a value computed once: a different JVM (another Lambda container) must agree.
        PlayerInfo p = new PlayerInfo(
                "RINCON_1",
                "Kitchen",
                "player",
                true,
                true,
                20,
                false,
                PlayerInfo.PLAYING,
                List.of("power", "volume_set", "volume_mute", "pause"),
                List.of(),
                null);
        assertEquals("7702e5ac120b663f", EndpointStates.descriptorHash(p));
    }

    @Test
    void theEventsRouteValidatesItsCaller() {
        assertEquals(
                401,
                cloud.relay(
                                "POST",
                                "/v1/homes/" + home.instanceId() + "/events",
                                "wrong-secret",
                                new HomeEvents(List.of(new PlayerEvent(PlayerEvent.REMOVED, "x", null))))
                        .status());
        assertEquals(
                400,
                cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/events", home.secret(), "{\"events\":[]}")
                        .status());
        assertEquals(
                400,
                cloud.relay("POST", "/v1/homes/" + home.instanceId() + "/events", home.secret(), "not json")
                        .status());
        assertEquals(
                400,
                cloud.relay(
                                "POST",
                                "/v1/homes/" + home.instanceId() + "/events",
                                home.secret(),
                                "{\"events\":[{\"type\":\"exploded\",\"player_id\":\"x\"}]}")
                        .status());
        StringBuilder many = new StringBuilder("{\"events\":[");
        for (int i = 0; i <= HomeEvents.MAX_EVENTS; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"removed\",\"player_id\":\"p")
                    .append(i)
                    .append("\"}");
        }
        assertEquals(
                400,
                cloud.relay(
                                "POST",
                                "/v1/homes/" + home.instanceId() + "/events",
                                home.secret(),
                                many.append("]}").toString())
                        .status());
    }

    @Test
    void theEventsRouteIsRateLimitedPerHome() {
        int accepted = 0;
        int limited = 0;
        // Fixed one-minute windows: if the loop crosses a window's end, the count starts again (at most once).
        for (int i = 0; i < 700 && limited == 0; i++) {
            ApiResponse r = post(new PlayerEvent(PlayerEvent.REMOVED, "never_seen", null));
            if (r.status() == 200) {
                accepted++;
            } else if (r.status() == 429) {
                limited++;
                assertTrue(r.headers().containsKey("retry-after"), r.headers().toString());
            }
        }
        assertEquals(1, limited);
        assertTrue(accepted >= 300 && accepted <= 600, "accepted " + accepted + " before the limit");
    }
}
