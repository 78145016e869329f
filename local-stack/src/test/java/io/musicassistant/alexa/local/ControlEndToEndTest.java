package io.musicassistant.alexa.local;

import static io.musicassistant.alexa.local.Conversation.BEDROOM;
import static io.musicassistant.alexa.local.Conversation.GARAGE;
import static io.musicassistant.alexa.local.Conversation.KITCHEN;
import static io.musicassistant.alexa.local.Conversation.LIVING_ROOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import io.musicassistant.alexa.masim.player.PlaybackState;
import io.musicassistant.alexa.masim.player.PlayerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The control skill on the real path: smart-home directives and voice intents over HTTP →
 * identity → DynamoDB → ElasticMQ → the real connector → the MA simulator, and MA's player events
 * back through the connector, the relay API and the reporter to the event-gateway stand-in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlEndToEndTest {

    static LocalStack stack;
    static SkillClient skill;
    static final String TOKEN = LocalStack.DEMO_TOKEN;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Ports.ephemeral(), message -> {});
        skill = new SkillClient(stack.alexaUrl());
        JsonNode granted = skill.send(
                ControlRequests.acceptGrant(TOKEN, stack.services().lwa().issueGrantCode(LocalStack.DEMO_USER_ID)));
        assertEquals("AcceptGrant.Response", Conversation.outcome(granted), granted.toString());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static PlayerState player(String id) {
        return stack.ma().player(id).orElseThrow();
    }

    static JsonNode directive(String namespace, String name, String endpointId, Object... payload) {
        return skill.send(ControlRequests.endpoint(TOKEN, namespace, name, endpointId, payload));
    }

    static String say(String locale, String intent, Map<String, String> slots) {
        return Describe.speech(skill.send(ControlRequests.intent(TOKEN, locale, intent, slots)));
    }

    static JsonNode property(JsonNode answer, String name) {
        for (JsonNode p : answer.path("context").path("properties")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("value");
            }
        }
        throw new AssertionError("no " + name + " in " + answer);
    }

    @Test
    @Order(1)
    void discoveryFindsTheSimulatorsPlayersWithTheirCapabilities() {
        JsonNode answer = skill.send(ControlRequests.discover(TOKEN));
        assertEquals("Discover.Response", Conversation.outcome(answer), answer.toString());
        Map<String, JsonNode> endpoints = new java.util.HashMap<>();
        answer.path("event")
                .path("payload")
                .path("endpoints")
                .forEach(e -> endpoints.put(e.path("endpointId").asText(), e));
        assertTrue(
                endpoints.keySet().containsAll(List.of(KITCHEN, LIVING_ROOM, BEDROOM, GARAGE, "ugp_5d0e7f3a9b2c")),
                endpoints.keySet().toString());
        assertEquals("Kitchen", endpoints.get(KITCHEN).path("friendlyName").asText());
        assertTrue(endpoints.get(KITCHEN).path("capabilities").toString().contains("Alexa.PowerController"));
        assertTrue(endpoints.get(KITCHEN).path("capabilities").toString().contains("\"muted\""));
        // The simulator's AirPlay bedroom speaker has neither power control nor mute in MA.
        assertFalse(endpoints.get(BEDROOM).path("capabilities").toString().contains("Alexa.PowerController"));
        assertFalse(endpoints.get(BEDROOM).path("capabilities").toString().contains("\"muted\""));
    }

    @Test
    @Order(2)
    void everySmartHomeDirectiveChangesTheRealPlayer() {
        JsonNode play = directive("Alexa.PlaybackController", "Play", KITCHEN);
        assertEquals("Response", Conversation.outcome(play), play.toString());
        assertEquals(PlaybackState.PLAYING, player(KITCHEN).playbackState());
        JsonNode pause = directive("Alexa.PlaybackController", "Pause", KITCHEN);
        assertEquals("PAUSED", property(pause, "playbackState").path("state").asText());
        assertEquals(PlaybackState.PAUSED, player(KITCHEN).playbackState());

        int nexts = stack.ma().commandCount("players/cmd/next");
        assertEquals("Response", Conversation.outcome(directive("Alexa.PlaybackController", "Next", KITCHEN)));
        assertEquals(nexts + 1, stack.ma().commandCount("players/cmd/next"));
        int previous = stack.ma().commandCount("players/cmd/previous");
        assertEquals("Response", Conversation.outcome(directive("Alexa.PlaybackController", "Previous", KITCHEN)));
        assertEquals(previous + 1, stack.ma().commandCount("players/cmd/previous"));
        assertEquals("Response", Conversation.outcome(directive("Alexa.PlaybackController", "Stop", KITCHEN)));
        assertEquals(PlaybackState.IDLE, player(KITCHEN).playbackState());

        JsonNode volume = directive("Alexa.Speaker", "SetVolume", LIVING_ROOM, "volume", 30);
        assertEquals(30, property(volume, "volume").asInt());
        assertEquals(30, player(LIVING_ROOM).volumeLevel());
        JsonNode adjusted =
                directive("Alexa.Speaker", "AdjustVolume", LIVING_ROOM, "volume", 10, "volumeDefault", false);
        assertEquals(40, property(adjusted, "volume").asInt());
        assertEquals(40, player(LIVING_ROOM).volumeLevel());
        JsonNode muted = directive("Alexa.Speaker", "SetMute", LIVING_ROOM, "mute", true);
        assertTrue(property(muted, "muted").asBoolean());
        assertEquals(Boolean.TRUE, player(LIVING_ROOM).volumeMuted());
        directive("Alexa.Speaker", "SetMute", LIVING_ROOM, "mute", false);

        JsonNode off = directive("Alexa.PowerController", "TurnOff", KITCHEN);
        assertEquals("OFF", property(off, "powerState").asText());
        assertEquals(Boolean.FALSE, player(KITCHEN).powered());
        JsonNode on = directive("Alexa.PowerController", "TurnOn", KITCHEN);
        assertEquals("ON", property(on, "powerState").asText());

        JsonNode state = directive("Alexa", "ReportState", LIVING_ROOM);
        assertEquals("StateReport", Conversation.outcome(state));
        assertEquals(40, property(state, "volume").asInt());
        assertEquals("OK", property(state, "connectivity").path("value").asText());
    }

    @Test
    @Order(3)
    void anUnavailablePlayerAndAnUnknownOneAreRefusedClearly() {
        assertEquals(
                "ENDPOINT_UNREACHABLE", Conversation.outcome(directive("Alexa.PowerController", "TurnOn", GARAGE)));
        assertEquals(
                "NO_SUCH_ENDPOINT",
                Conversation.outcome(directive("Alexa.PowerController", "TurnOn", "RINCON_SOLD_ON_EBAY")));
        assertEquals(
                "INVALID_DIRECTIVE",
                Conversation.outcome(directive("Alexa.Speaker", "SetMute", BEDROOM, "mute", true)));
    }

    @Test
    @Order(4)
    void aChangeInMusicAssistantReachesTheGatewayAsExactlyOneChangeReport() throws InterruptedException {
        EventGatewayStandIn gateway = stack.services().gateway();
        skill.send(ControlRequests.discover(TOKEN)); // Alexa knows the current state
        quiet(gateway);
        gateway.clear();
        // The bedroom belongs to no group: a member's change would also change its group's volume (a second, correct
        // report).
        stack.ma().updatePlayer(BEDROOM, p -> p.withVolumeLevel(player(BEDROOM).volumeLevel() == 65 ? 66 : 65));
        List<EventGatewayStandIn.Received> got = gateway.await(1, Duration.ofSeconds(10));
        assertEquals(1, got.size(), "a report reached the gateway");
        Thread.sleep(1500); // a second report of the same change would arrive within this
        got = gateway.received();
        assertEquals(1, got.size(), got.toString());
        EventGatewayStandIn.Received report = got.getFirst();
        assertEquals("ChangeReport", report.name());
        assertEquals(BEDROOM, report.endpointId());
        assertEquals(LocalStack.DEMO_USER_ID, report.userId());
        JsonNode changed =
                report.event().path("event").path("payload").path("change").path("properties");
        assertEquals(1, changed.size(), changed.toString());
        assertEquals("volume", changed.get(0).path("name").asText());

        // A change Alexa made itself is not reported back.
        gateway.clear();
        directive("Alexa.Speaker", "SetVolume", LIVING_ROOM, "volume", 20);
        Thread.sleep(1500);
        assertEquals(
                List.of(),
                gateway.received().stream()
                        .filter(r -> r.endpointId().equals(LIVING_ROOM))
                        .toList());
    }

    @Test
    @Order(5)
    void theVoiceModelPlaysFindsMovesAndReports() {
        String played = say("en-US", "PlayInRoomIntent", Map.of("query", "radiohead", "room", "kitchen"));
        assertTrue(played.contains("Radiohead") && played.contains("Kitchen"), played);
        assertEquals(PlaybackState.PLAYING, player(KITCHEN).playbackState());
        assertTrue(
                stack.ma().commandLog().stream().anyMatch(c -> c.contains("play_media")), "play_media was sent to MA");

        String playing = say("en-US", "WhatsPlayingIntent", Map.of("room", "the kitchen"));
        assertTrue(playing.contains("Kitchen"), playing);

        String volume = say("en-GB", "VolumeIntent", Map.of("level", "35", "room", "bedroom"));
        assertTrue(volume.contains("35"), volume);
        assertEquals(35, player(BEDROOM).volumeLevel());

        String paused = say("en-US", "PauseIntent", Map.of("room", "kitchen"));
        assertEquals(PlaybackState.PAUSED, player(KITCHEN).playbackState(), paused);
        say("en-US", "ResumeIntent", Map.of("room", "kitchen"));
        assertEquals(PlaybackState.PLAYING, player(KITCHEN).playbackState());

        int transfers = stack.ma().commandCount("player_queues/transfer");
        String moved = say("en-US", "MoveMusicIntent", Map.of("room", "living room", "fromRoom", "kitchen"));
        assertEquals(transfers + 1, stack.ma().commandCount("player_queues/transfer"), moved);

        String rooms = say("en-US", "ListRoomsIntent", Map.of());
        for (String room : List.of("Kitchen", "Living Room", "Bedroom")) {
            assertTrue(rooms.contains(room), rooms);
        }
        String unknown = say("en-US", "PauseIntent", Map.of("room", "attic"));
        assertTrue(unknown.toLowerCase(Locale.ROOT).contains("attic"), unknown);
        String german = say("de-DE", "ListRoomsIntent", Map.of());
        assertTrue(german.contains("Kitchen") && !german.contains("You have"), german);
    }

    @Test
    @Order(6)
    void anOfflineHomeIsUnreachableAtOnceForDevicesAndVoice() {
        stack.stopConnector();
        try {
            long started = System.nanoTime();
            JsonNode pause = directive("Alexa.PlaybackController", "Pause", KITCHEN);
            String spoken = say("en-US", "PauseIntent", Map.of("room", "kitchen"));
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertEquals("ENDPOINT_UNREACHABLE", Conversation.outcome(pause));
            assertTrue(spoken.toLowerCase(Locale.ROOT).contains("offline"), spoken);
            assertTrue(
                    ms < stack.cloud().config().relayTimeout().toMillis(),
                    "no relay timeout waited for: " + ms + " ms");
        } finally {
            stack.restartConnector(m -> {});
        }
        assertEquals(
                "StateReport", Conversation.outcome(directive("Alexa", "ReportState", KITCHEN)), "the home is back");
        // The music moved to the living room: the kitchen has nothing queued, which MA refuses to play.
        assertEquals(
                "NOT_SUPPORTED_IN_CURRENT_MODE",
                Conversation.outcome(directive("Alexa.PlaybackController", "Play", KITCHEN)));
    }

    @Test
    @Order(7)
    void everyDocumentedExampleIsAnsweredWithTheDemoUsersToken() throws java.io.IOException {
        say("en-US", "PlayInRoomIntent", Map.of("query", "radiohead", "room", "kitchen")); // something to pause
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../scripts/examples"))) {
            List<java.nio.file.Path> examples =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertTrue(examples.size() >= 8, examples.toString());
            for (java.nio.file.Path example : examples) {
                String body = LocalStackMain.withDemoToken(java.nio.file.Files.readString(example));
                assertTrue(body.contains(TOKEN), example + " gets the demo token");
                JsonNode answer = skill.send(io.musicassistant.alexa.relay.protocol.RelayJson.mapper()
                        .readTree(body));
                String outcome = Conversation.outcome(answer);
                assertFalse(answer.toString().contains("ErrorResponse"), example + ": " + answer);
                assertFalse(
                        outcome.isBlank()
                                || outcome.toLowerCase(Locale.ROOT).contains("offline")
                                || outcome.toLowerCase(Locale.ROOT).contains("couldn't"),
                        example + ": " + outcome);
            }
        }
    }

    /** Waits until no report has arrived for a while, so earlier steps' reports are out of the way. */
    static void quiet(EventGatewayStandIn gateway) throws InterruptedException {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sizes.add(gateway.received().size());
            if (sizes.size() >= 2 && sizes.get(sizes.size() - 1).equals(sizes.get(sizes.size() - 2))) {
                return;
            }
            Thread.sleep(700);
        }
    }
}
