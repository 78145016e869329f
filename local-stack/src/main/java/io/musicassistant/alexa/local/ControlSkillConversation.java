package io.musicassistant.alexa.local;

import static io.musicassistant.alexa.local.Conversation.BEDROOM;
import static io.musicassistant.alexa.local.Conversation.GARAGE;
import static io.musicassistant.alexa.local.Conversation.KITCHEN;
import static io.musicassistant.alexa.local.Conversation.LIVING_ROOM;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo's part for the control skill: smart-home directives to every Music Assistant player as an
 * Alexa device, the custom voice model in two languages, and a change made in Music Assistant itself
 * reported back to Alexa.
 */
final class ControlSkillConversation {

    private final Transcript transcript;
    private final PrintStream out;

    ControlSkillConversation(Transcript transcript) {
        this.transcript = transcript;
        this.out = transcript.out();
    }

    void run(LocalStack stack) {
        String token = LocalStack.DEMO_TOKEN;
        out.println("\n— The control skill: every Music Assistant player as an Alexa device, and a voice model —");
        transcript.say(
                "(the user enables the control skill; Alexa asks for permission to receive its events)",
                ControlRequests.acceptGrant(token, stack.services().lwa().issueGrantCode(LocalStack.DEMO_USER_ID)),
                "AcceptGrant.Response");
        JsonNode discovered =
                transcript.say("Alexa, discover my devices", ControlRequests.discover(token), "Discover.Response");
        if (discovered.path("event").path("payload").path("endpoints").size() < 4) {
            transcript.fail("discovery found fewer than the simulator's four visible players");
        }
        transcript.say(
                "Alexa, pause the kitchen",
                ControlRequests.endpoint(token, "Alexa.PlaybackController", "Pause", KITCHEN),
                "Response");
        JsonNode volume = transcript.say(
                "Alexa, set the living room volume to 30",
                ControlRequests.endpoint(token, "Alexa.Speaker", "SetVolume", LIVING_ROOM, "volume", 30),
                "Response");
        if (!volume.path("context").toString().contains("\"value\":30")) {
            transcript.fail("SetVolume did not answer with volume 30");
        }
        transcript.say(
                "(the Alexa app shows the bedroom)",
                ControlRequests.endpoint(token, "Alexa", "ReportState", BEDROOM),
                "StateReport");
        transcript.say(
                "Alexa, turn on the garage (its speaker is switched off at the wall)",
                ControlRequests.endpoint(token, "Alexa.PowerController", "TurnOn", GARAGE),
                "ENDPOINT_UNREACHABLE");

        transcript.say(
                "Alexa, ask Music Assistant to play Radiohead in the kitchen",
                ControlRequests.intent(
                        token, "en-US", "PlayInRoomIntent", Map.of("query", "radiohead", "room", "kitchen")),
                "Radiohead");
        transcript.say(
                "Alexa, ask Music Assistant what's playing in the kitchen",
                ControlRequests.intent(token, "en-US", "WhatsPlayingIntent", Map.of("room", "the kitchen")),
                "Radiohead");
        transcript.say(
                "Alexa, ask Music Assistant to set the volume to 40 in the bedroom",
                ControlRequests.intent(token, "en-GB", "VolumeIntent", Map.of("level", "40", "room", "bedroom")),
                "40");
        transcript.say(
                "Alexa, ask Music Assistant to move the music to the living room",
                ControlRequests.intent(token, "en-US", "MoveMusicIntent", Map.of("room", "living room")),
                "Living Room");
        transcript.say(
                "Alexa, ask Music Assistant to list my rooms",
                ControlRequests.intent(token, "en-US", "ListRoomsIntent", Map.of()),
                "Bedroom");
        transcript.say(
                "Alexa, frage Musik Assistent, was im Living Room läuft  (German model; the player's name in MA is English)",
                ControlRequests.intent(token, "de-DE", "WhatsPlayingIntent", Map.of("room", "living room")),
                "Living Room");
        transcript.say(
                "Alexa, ask Music Assistant to play jazz in the attic",
                ControlRequests.intent(token, "en-US", "PlayInRoomIntent", Map.of("query", "jazz", "room", "attic")),
                "attic");

        reportedChange(stack);
    }

    /** A change made in Music Assistant itself reaches Alexa as exactly one ChangeReport. */
    private void reportedChange(LocalStack stack) {
        EventGatewayStandIn gateway = stack.services().gateway();
        settle(gateway);
        gateway.clear();
        out.printf("%n%2d. (someone turns the bedroom down to 25 in the Music Assistant app)%n", transcript.nextStep());
        Instant started = Instant.now();
        stack.ma().updatePlayer(BEDROOM, p -> p.withVolumeLevel(25));
        List<EventGatewayStandIn.Received> events;
        try {
            events = gateway.await(1, Duration.ofSeconds(5));
            Thread.sleep(1000); // anything after the first would be a duplicate
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        events = gateway.received();
        for (EventGatewayStandIn.Received e : events) {
            out.println("    ⇒ event gateway received " + e.name() + " for " + e.endpointId() + ": "
                    + e.event().path("event").path("payload").path("change").path("properties"));
        }
        long changeReports =
                events.stream().filter(e -> e.name().equals("ChangeReport")).count();
        if (changeReports != 1 || events.size() != 1) {
            transcript.failStep(
                    "expected exactly one ChangeReport at the event gateway, got " + events.size() + " events");
            out.println("    !! expected exactly one ChangeReport");
        } else {
            out.printf(
                    "      one ChangeReport, at the gateway %d ms after the change (and nothing more within a second)%n",
                    Duration.between(started, events.getFirst().at()).toMillis());
        }
    }

    /** Waits until the gateway has heard nothing for a while: reports of the voice steps are done. */
    private static void settle(EventGatewayStandIn gateway) {
        int seen = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && seen != gateway.received().size()) {
            seen = gateway.received().size();
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
