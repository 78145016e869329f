package io.musicassistant.alexa.control.voice;

import static io.musicassistant.alexa.control.voice.VoiceRequests.intent;
import static io.musicassistant.alexa.control.voice.VoiceRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.control.voice.VoiceRequests.Answer;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever arrives, a valid custom-skill response with a short spoken reason: malformed input,
 * foreign skills, missing or bad tokens, unpaired users, offline homes, homes that do not answer.
 */
class VoiceRobustnessTest {

    static CloudFixture cloud;
    /** Accepts requests for any skill, so that malformed requests get past the skill-id check. */
    static CloudFixture open;

    static VoiceHome house;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create(Map.of("CONTROL_SKILL_ID", VoiceRequests.SKILL_ID));
        open = CloudFixture.create();
        house = new VoiceHome(cloud, VoiceHome.player("k", "Kitchen", PlayerInfo.PLAYING));
    }

    @AfterAll
    static void tearDown() {
        house.close();
    }

    static Answer raw(String body) {
        return send(open, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "null",
                "42",
                "\"text\"",
                "{}",
                "{\"version\":\"1.0\"}",
                "{\"request\":{}}",
                "{\"version\":\"1.0\",\"request\":null}",
                "{\"version\":\"1.0\",\"request\":[1]}",
                "{\"version\":\"1.0\",\"request\":{\"type\":42}}",
                "{\"version\":\"1.0\",\"request\":{\"type\":\"Bogus.Request\",\"requestId\":\"x\"}}",
                "{\"version\":\"1.0\",\"request\":{\"type\":\"IntentRequest\",\"timestamp\":\"yesterday\",\"intent\":{\"name\":\"PauseIntent\"}}}",
                "{\"version\":\"1.0\",\"request\":{\"type\":\"IntentRequest\",\"intent\":{\"name\":\"PauseIntent\",\"slots\":[1,2]}}}",
                "{\"version\":\"1.0\",\"request\":{\"type\":\"IntentRequest\",\"intent\":{\"name\":\"PauseIntent\"},\"x\":1e99999"
            })
    void malformedRequestsGetASpokenRefusal(String body) {
        Answer a = raw(body).valid();
        assertTrue(a.endsSession());
        assertEquals("Sorry, I couldn't understand that request.", a.speech(), a.toString());
    }

    @Test
    void aRequestTheSdkCanReadButNoHandlerExpectsIsRefused() {
        ObjectNode odd = VoiceRequests.launch(null).tree();
        odd.with("request").put("type", "System.ExceptionEncountered");
        odd.with("request").putObject("error").put("type", "INVALID_RESPONSE").put("message", "x");
        odd.with("request").putObject("cause").put("requestId", "r");
        Answer a = send(open, odd.toString().getBytes(StandardCharsets.UTF_8)).valid();
        assertEquals("Sorry, I couldn't understand that request.", a.speech());
        Answer noIntent = raw("{\"version\":\"1.0\",\"request\":{\"type\":\"IntentRequest\",\"requestId\":\"r\"}}")
                .valid();
        assertEquals("Sorry, I can't help with that. Say help to hear what I can do.", noIntent.speech());
    }

    @Test
    void nullHugeAndDeeplyNestedInputIsRefusedCleanly() {
        Answer none = new Answer(readTree(cloud.wiring.controlSkill().voice().handle(null))).valid();
        assertEquals("Sorry, I couldn't understand that request.", none.speech());
        assertEquals(
                "Sorry, I couldn't understand that request.",
                raw("{\"a\":\"" + "x".repeat(200_000) + "\"}").valid().speech());
        assertEquals(
                "Sorry, I couldn't understand that request.",
                raw("[".repeat(100_000)).valid().speech());
    }

    @Test
    void requestsWithoutContextOrSessionAreAnsweredAsUnlinked() {
        ObjectNode bare = intent("PauseIntent", house.user.token()).tree();
        bare.remove("context");
        bare.remove("session");
        Answer a = send(open, bare.toString().getBytes(StandardCharsets.UTF_8)).valid();
        assertEquals("Please link your account in the Alexa app to use Music Assistant.", a.speech());
        assertTrue(a.linkAccountCard());
    }

    @Test
    void requestsForAnotherSkillAreRefusedButAnySkillIsAcceptedWhenNoneIsConfigured() {
        Answer foreign = send(
                        cloud, intent("AMAZON.HelpIntent", house.user.token()).applicationId("amzn1.ask.skill.other"))
                .valid();
        assertEquals("Sorry, this request is for a different skill.", foreign.speech());
        ObjectNode noId = intent("AMAZON.HelpIntent", house.user.token()).tree();
        noId.with("context").with("System").remove("application");
        noId.with("session").remove("application");
        assertEquals(
                "Sorry, this request is for a different skill.",
                send(cloud, noId.toString().getBytes(StandardCharsets.UTF_8))
                        .valid()
                        .speech());
        assertTrue(send(open, intent("AMAZON.HelpIntent", null).applicationId("amzn1.ask.skill.other"))
                .valid()
                .speech()
                .startsWith("You can say"));
    }

    @Test
    void unknownIntentsGetTheFallbackAndMissingSlotsAreNoProblem() {
        Answer a = send(cloud, intent("NoSuchIntent", house.user.token()).slot("x", "y"))
                .valid();
        assertEquals("Sorry, I can't help with that. Say help to hear what I can do.", a.speech());
        ObjectNode noSlots = intent("PauseIntent", house.user.token()).tree();
        noSlots.with("request").with("intent").remove("slots");
        assertEquals(
                "Paused the Kitchen.",
                send(cloud, noSlots.toString().getBytes(StandardCharsets.UTF_8))
                        .valid()
                        .speech());
        ObjectNode nullSlot = intent("PauseIntent", house.user.token()).tree();
        nullSlot.with("request").with("intent").with("slots").putNull("room");
        assertEquals(
                "Paused the Kitchen.",
                send(cloud, nullSlot.toString().getBytes(StandardCharsets.UTF_8))
                        .valid()
                        .speech());
    }

    @Test
    void oversizedSlotValuesAreRefusedOrCut() {
        int from = house.received().size();
        Answer query = send(cloud, intent("PlayIntent", house.user.token()).slot("query", "radiohead ".repeat(2000)))
                .valid();
        assertEquals("That was too long for me. Please try something shorter.", query.speech());
        assertEquals(List.of(), house.since(from, "player.play"));

        Answer room = send(cloud, intent("PauseIntent", house.user.token()).slot("room", "z".repeat(5000)))
                .valid();
        assertTrue(room.speech().startsWith("I don't know a room called zzzz"), room.speech());
        assertTrue(
                room.speech().length() < 200,
                "a spoken name is cut: " + room.speech().length());

        Answer volume = send(cloud, intent("VolumeIntent", house.user.token()).slot("level", "250"))
                .valid();
        assertEquals("The volume goes from 0 to 100.", volume.speech());
        Answer huge = send(cloud, intent("VolumeIntent", house.user.token()).slot("level", "99999999999999999999"))
                .valid();
        assertEquals("The volume goes from 0 to 100.", huge.speech());
    }

    @Test
    void missingInvalidExpiredAndForeignTokensAskForAccountLinking() {
        String expired = cloud.services.lwa().issueToken(house.user.userId(), "Test User", Duration.ofSeconds(-5));
        String otherClient = cloud.services
                .lwa()
                .issueToken(
                        house.user.userId(),
                        "Test User",
                        "amzn1.application-oa2-client.someoneelse",
                        Duration.ofHours(1));
        for (String token : new String[] {null, "", "Atza|not-a-real-token", "x".repeat(3000), expired, otherClient}) {
            Answer a = send(cloud, intent("PauseIntent", token).slot("room", "kitchen"))
                    .valid();
            assertEquals("Please link your account in the Alexa app to use Music Assistant.", a.speech());
            assertTrue(a.linkAccountCard(), a.toString());
            assertTrue(a.endsSession());
        }
        Answer german = send(cloud, VoiceRequests.launch(null).locale("de-DE")).valid();
        assertEquals("Bitte verknüpfe dein Konto in der Alexa App, um Music Assistant zu nutzen.", german.speech());
        assertTrue(german.linkAccountCard());
    }

    @Test
    void anUnpairedUserIsToldHowToPairAndTheSessionStaysOpen() {
        CloudFixture.User lonely = cloud.newUser();
        for (VoiceRequests.Req r :
                List.of(VoiceRequests.launch(lonely.token()), intent("PauseIntent", lonely.token()))) {
            Answer a = send(cloud, r).valid();
            assertTrue(a.speech().startsWith("No Music Assistant home is paired with your account yet."), a.speech());
            assertFalse(a.endsSession());
            assertFalse(a.linkAccountCard());
        }
    }

    @Test
    void anOfflineHomeIsSaidAtOnceAndNothingIsSent() {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home silent = cloud.registerHome();
        cloud.pair(silent, user); // no heartbeat ever: offline
        long started = System.nanoTime();
        Answer a = send(cloud, intent("PauseIntent", user.token()).slot("room", "kitchen"))
                .valid();
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals("Your Music Assistant home is offline. Check that the connector is running.", a.speech());
        assertTrue(ms < 1500, "offline is not a timeout: " + ms + " ms");
        var messages = cloud.wiring
                .aws()
                .sqs()
                .receiveMessage(b -> b.queueUrl(cloud.queueUrl(silent)).waitTimeSeconds(0))
                .messages();
        assertEquals(List.of(), messages, "nothing was put on the offline home's queue");

        cloud.heartbeat(silent, false);
        assertEquals(
                "Your connector can't reach Music Assistant right now. Check that Music Assistant is running.",
                send(cloud, intent("PauseIntent", user.token()).slot("room", "kitchen"))
                        .valid()
                        .speech());
    }

    @Test
    void aHomeThatDoesNotAnswerTimesOutWithinTheBudget() {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(user);
        try (ScriptedHome mute = new ScriptedHome(cloud, home, command -> null)) {
            long started = System.nanoTime();
            Answer a = send(cloud, intent("ListRoomsIntent", user.token())).valid();
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertEquals("Your Music Assistant home didn't answer in time. Please try again.", a.speech());
            assertTrue(ms < 4500, "the budget (3 s here) bounds the wait: " + ms + " ms");
        }
    }

    @Test
    void sessionEndedWithAnErrorIsAnsweredEmpty() {
        ObjectNode ended = VoiceRequests.sessionEnded(house.user.token()).tree();
        ended.with("request")
                .put("reason", "ERROR")
                .putObject("error")
                .put("type", "INVALID_RESPONSE")
                .put("message", "boom");
        Answer a = send(cloud, ended.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals("1.0", a.json().path("version").asText());
        assertTrue(a.json().path("response").path("outputSpeech").isMissingNode());
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return AlexaJson.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
