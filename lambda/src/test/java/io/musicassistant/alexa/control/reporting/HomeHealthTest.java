package io.musicassistant.alexa.control.reporting;

import static io.musicassistant.alexa.testing.ScriptedPlayers.GARAGE;
import static io.musicassistant.alexa.testing.ScriptedPlayers.KITCHEN;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.outcome;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.request;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relayapi.ApiResponse;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.Directives;
import io.musicassistant.alexa.testing.ScriptedHome;
import io.musicassistant.alexa.testing.ScriptedPlayers;
import io.musicassistant.alexa.testing.SmartHomeDirectives;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A home going offline and coming back, as Alexa's app sees its players (issue 12): the health sweep
 * against Moto and the event-gateway stand-in, for a stopping, a silent and a stale home.
 */
class HomeHealthTest {

    static final DevServices SERVICES = DevServices.shared();
    static CloudFixture cloud;
    final EventGatewayStandIn gateway = SERVICES.gateway();
    CloudFixture.User user;
    CloudFixture.Home home;
    ScriptedHome scripted;

    @BeforeAll
    static void tables() {
        cloud = CloudFixture.create(SmartHomeDirectives.reporting(SERVICES));
    }

    @BeforeEach
    void setUp() {
        user = cloud.newUser();
        home = cloud.pairedHome(user);
        scripted = new ScriptedHome(cloud, home, new ScriptedPlayers()::answer).withReceipts();
        SmartHomeDirectives.grantAndDiscover(cloud, user);
        // Judged by receipts only from here: on a loaded machine the scripted home's receipts can be late.
        cloud.heartbeat(home, true, true);
        cloud.wiring.healthSweep().run(); // a healthy home: nothing to tell
        assertEquals(List.of(), receivedBy(user));
    }

    @AfterEach
    void tearDown() {
        scripted.close();
    }

    List<EventGatewayStandIn.Received> receivedBy(CloudFixture.User who) {
        return gateway.received().stream()
                .filter(r -> r.userId().equals(who.userId()))
                .toList();
    }

    /** The players told, by connectivity value; checks each report's shape and cause. */
    Set<String> told(String connectivity) {
        List<EventGatewayStandIn.Received> got = receivedBy(user);
        for (EventGatewayStandIn.Received r : got) {
            Directives.assertShape(
                    SmartHomeDirectives.fixture("Alexa.ChangeReport.event.unreachable.json"), r.event(), "");
            JsonNode change = r.event().path("event").path("payload").path("change");
            assertEquals("PERIODIC_POLL", change.path("cause").path("type").asText());
            assertEquals(
                    connectivity,
                    change.path("properties").get(0).path("value").path("value").asText(),
                    r.event().toString());
        }
        return got.stream().map(EventGatewayStandIn.Received::endpointId).collect(Collectors.toSet());
    }

    void heartbeat(String status) {
        ApiResponse r = cloud.relay(
                "POST",
                "/v1/homes/" + home.instanceId() + "/heartbeat",
                home.secret(),
                new HeartbeatRequest(
                        status,
                        "test-1",
                        new HeartbeatRequest.MaStatus(true, "sim", "2.9.0", 31),
                        "https://music.example.net",
                        null,
                        true));
        assertEquals(200, r.status(), r.body());
    }

    static final Set<String> AVAILABLE =
            Set.of(KITCHEN, ScriptedPlayers.LIVING_ROOM, ScriptedPlayers.BEDROOM, ScriptedPlayers.DOWNSTAIRS);

    @Test
    void aStoppingHomesPlayersGoUnreachableAndComeBackAsTheyWere() {
        gateway.clear();
        heartbeat(HeartbeatRequest.STOPPING);
        HealthSweep.Result swept = cloud.wiring.healthSweep().run();
        assertTrue(swept.toldOffline() >= 1);
        Set<String> unreachable = told("UNREACHABLE");
        assertEquals(AVAILABLE, unreachable, "every player Alexa knows, except the garage MA cannot reach anyway");
        assertFalse(unreachable.contains(GARAGE));

        gateway.clear();
        cloud.wiring.healthSweep().run();
        assertEquals(List.of(), receivedBy(user), "told once");

        heartbeat(HeartbeatRequest.ONLINE);
        cloud.wiring.healthSweep().run();
        assertEquals(AVAILABLE, told("OK"), "back, each as it was: the garage stays unreachable, untold");
    }

    @Test
    void aSilentHomesPlayersGoUnreachable() throws InterruptedException {
        scripted.listening(false);
        Thread.sleep(2500);
        gateway.clear();
        assertEquals(
                "ENDPOINT_UNREACHABLE",
                outcome(send(cloud, request("Alexa.ReportState.request.json", user.token(), KITCHEN))));
        assertTrue(cloud.wiring.homes().homeOf(user.userId()).suspect());
        cloud.wiring.healthSweep().run();
        assertEquals(AVAILABLE, told("UNREACHABLE"));
    }

    @Test
    void aStaleHeartbeatIsNoticedWithoutAnyTraffic() {
        gateway.clear();
        // The sweep's clock ahead by more than the stale period: the last heartbeat is then stale.
        Clock later = Clock.offset(
                Clock.systemUTC(), cloud.config.heartbeatStaleAfter().plusMinutes(5));
        cloud.wiring.healthSweep(later).run();
        assertEquals(AVAILABLE, told("UNREACHABLE"));
    }
}
