package io.musicassistant.alexa.control.smarthome;

import static io.musicassistant.alexa.testing.ScriptedPlayers.KITCHEN;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.outcome;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.request;
import static io.musicassistant.alexa.testing.SmartHomeDirectives.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.testing.AlexaEnvelopes;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedHome;
import io.musicassistant.alexa.testing.ScriptedPlayers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Error answers as Amazon's ErrorResponse schema has them: the directive's correlation token back
 * even when its header (or the JSON after it) was refused, no token of the user's ever echoed, and
 * an endpoint only with an id the schema allows.
 */
class SmartHomeErrorShapeTest {

    static final String TOKEN = "dFMb0z+PgpgdDmluhJ1LddFvSqZ/jCc8ptlAKulUj90jSqg==";

    static CloudFixture cloud;
    static CloudFixture.User user;
    static ScriptedHome home;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create();
        user = cloud.newUser();
        home = new ScriptedHome(cloud, cloud.pairedHome(user), new ScriptedPlayers()::answer);
    }

    @AfterAll
    static void tearDown() {
        home.close();
    }

    static ObjectNode pause() {
        ObjectNode r = request("PlaybackController.Pause.request.json", user.token(), KITCHEN);
        ((ObjectNode) r.path("directive").path("header")).put("correlationToken", TOKEN);
        return r;
    }

    static ObjectNode header(ObjectNode r) {
        return (ObjectNode) r.path("directive").path("header");
    }

    static JsonNode error(byte[] raw) {
        JsonNode answer = send(cloud, raw);
        AlexaEnvelopes.assertSmartHomeError(answer);
        return answer;
    }

    static JsonNode error(JsonNode request) {
        return error(request.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String correlation(JsonNode answer) {
        return answer.path("event").path("header").path("correlationToken").textValue();
    }

    @Test
    void aDirectiveWhoseHeaderWasRefusedGetsItsCorrelationTokenBack() {
        List<Consumer<ObjectNode>> refusals = List.of(
                r -> header(r).put("payloadVersion", "2"),
                r -> header(r).put("payloadVersion", 3),
                r -> header(r).remove("name"),
                r -> header(r).put("namespace", "A".repeat(100)),
                r -> header(r).put("messageId", 7),
                r -> header(r).put("name", "FastForward"),
                r -> ((ObjectNode) r.path("directive")).put("payload", "x"));
        for (Consumer<ObjectNode> refuse : refusals) {
            ObjectNode r = pause();
            refuse.accept(r);
            JsonNode answer = error(r);
            assertEquals("INVALID_DIRECTIVE", outcome(answer), r.toString());
            assertEquals(TOKEN, correlation(answer), r.toString());
        }
    }

    @Test
    void unparsableDirectivesStillGetTheTokenTheyCarried() {
        String valid = pause().toString();
        for (String raw : List.of(
                valid + " trailing",
                valid + "{}",
                valid.replace("\"payload\":{}", "\"payload\":{\"x\":\"\\uD800\"}"),
                valid.replace("\"payload\":{}", "\"payload\":{\"x\":\"\\uFFFF\"}"),
                valid.replace("\"payload\":{}", "\"payload\":{\"x\":") + "\"" + "a".repeat(200_000))) {
            JsonNode answer = error(raw.getBytes(StandardCharsets.UTF_8));
            assertEquals("INVALID_DIRECTIVE", outcome(answer), raw.substring(0, Math.min(300, raw.length())));
            assertEquals(TOKEN, correlation(answer));
        }
        // A token that is itself unusable is dropped, not echoed.
        ObjectNode empty = pause();
        header(empty).put("correlationToken", "").put("payloadVersion", "9");
        assertNull(correlation(error(empty)));
        ObjectNode huge = pause();
        header(huge).put("correlationToken", "c".repeat(5000)).put("payloadVersion", "9");
        assertNull(correlation(error(huge)));
        String bad = pause().toString().replace(TOKEN, "tok\\uD800en") + " x";
        assertNull(correlation(error(bad.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anEmptyOrMissingBearerTokenIsRefusedAndNeverEchoed() {
        ObjectNode empty = pause();
        ((ObjectNode) empty.path("directive").path("endpoint").path("scope")).put("token", "");
        JsonNode answer = error(empty);
        assertEquals("INVALID_AUTHORIZATION_CREDENTIAL", outcome(answer));
        assertEquals(TOKEN, correlation(answer));
        assertFalse(answer.path("event").path("endpoint").has("scope"), answer.toString());
        assertEquals(
                KITCHEN,
                answer.path("event").path("endpoint").path("endpointId").asText());
    }

    @Test
    void answersNeverCarryTheUsersToken() {
        JsonNode done = send(cloud, pause());
        assertEquals("Response", outcome(done), done.toString());
        AlexaEnvelopes.assertSmartHome(done);
        assertFalse(done.toString().contains(user.token()), done.toString());
        JsonNode refused = error(request("PlaybackController.Pause.request.json", user.token(), "RINCON_GONE"));
        assertEquals("NO_SUCH_ENDPOINT", outcome(refused));
        assertFalse(refused.toString().contains(user.token()), refused.toString());
    }

    @Test
    void anEndpointIdOutsideAmazonsPatternIsNotEchoed() {
        for (String id : List.of("x=%%%", "kitchen speaker", "k\u00fcche", "<script>")) {
            JsonNode answer = error(request("PlaybackController.Pause.request.json", user.token(), id));
            assertEquals("NO_SUCH_ENDPOINT", outcome(answer), id);
            assertFalse(answer.path("event").has("endpoint"), answer.toString());
        }
    }
}
