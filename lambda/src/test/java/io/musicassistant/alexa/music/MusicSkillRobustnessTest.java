package io.musicassistant.alexa.music;

import static io.musicassistant.alexa.testing.Directives.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.MusicSkillHandler;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.music.model.Payloads;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.Directives;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input, bad tokens, unpaired users and offline homes: always a valid Alexa envelope, never an exception. */
class MusicSkillRobustnessTest {

    static CloudFixture cloud;
    static CloudFixture.User user;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create();
        user = cloud.newUser();
        cloud.pairedHome(user);
    }

    static void assertError(JsonNode answer, String namespace, String type) {
        assertEquals(namespace, answer.path("header").path("namespace").asText(), answer.toString());
        assertEquals("ErrorResponse", answer.path("header").path("name").asText());
        assertEquals(
                namespace.equals("Alexa") ? "3.0" : "1.0",
                answer.path("header").path("payloadVersion").asText());
        assertEquals(type, answer.path("payload").path("type").asText(), answer.toString());
        assertTrue(answer.path("header").path("messageId").asText().matches("[0-9a-f-]{36}"));
        assertFalse(answer.path("payload").path("message").asText().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "null",
                "42",
                "{}",
                "{\"header\":{}}",
                "{\"header\":\"x\",\"payload\":{}}",
                "{\"header\":{\"namespace\":\"Alexa.Media.Search\",\"name\":\"GetPlayableContent\"}}",
                "{\"header\":{\"namespace\":\"Alexa.Media.Search\",\"name\":\"GetPlayableContent\"},\"payload\":[]}",
                "{\"header\":{\"namespace\":\"Alexa.Nope\",\"name\":\"Whatever\"},\"payload\":{}}",
                "{\"header\":{\"namespace\":\"Alexa.Media.Search\",\"name\":\"GetDisplayableContent\"},\"payload\":{}}",
                "{\"header\":{\"namespace\":1,\"name\":{\"a\":1}},\"payload\":{}}",
                "{\"header\":{\"namespace\":\"Alexa.Media.Search\",\"name\":\"GetPlayableContent\",\"messageId\":\"\\u0000<script>\"},\"payload\":{\"x\":1e9999"
            })
    void malformedRequestsAreInvalidDirectives(String input) {
        assertError(cloud.music(input), "Alexa", "INVALID_DIRECTIVE");
    }

    @Test
    void hugeAndDeeplyNestedRequestsAreRefusedCleanly() {
        assertError(cloud.music("{\"a\":\"" + "x".repeat(200_000) + "\"}"), "Alexa", "INVALID_DIRECTIVE");
        assertError(cloud.music("[".repeat(100_000)), "Alexa", "INVALID_DIRECTIVE");
        ObjectNode big = request("GetPlayableContent.request.json", user.token());
        var attributes = big.with("payload").with("selectionCriteria").putArray("attributes");
        for (int i = 0; i < 50; i++) {
            attributes.addObject().put("type", "ARTIST").put("value", "x");
        }
        assertError(cloud.music(big.toString()), "Alexa", "INVALID_DIRECTIVE");
    }

    @Test
    void theLambdaHandlerStreamsTheSameEnvelope() throws Exception {
        MusicSkillHandler handler = new MusicSkillHandler(cloud.wiring.musicSkill());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(new byte[300_000]), out, null);
        JsonNode answer = io.musicassistant.alexa.alexa.AlexaJson.mapper().readTree(out.toByteArray());
        assertError(answer, "Alexa", "INVALID_DIRECTIVE");
    }

    @Test
    void missingInvalidExpiredAndForeignTokens() {
        assertError(
                cloud.music(request("GetPlayableContent.request.json", null).toString()),
                "Alexa",
                "INVALID_AUTHORIZATION_CREDENTIAL");
        assertError(
                cloud.music(request("GetPlayableContent.request.json", "Atza|not-a-real-token")
                        .toString()),
                "Alexa",
                "INVALID_AUTHORIZATION_CREDENTIAL");
        assertError(
                cloud.music(request("GetPlayableContent.request.json", "x".repeat(3000))
                        .toString()),
                "Alexa",
                "INVALID_AUTHORIZATION_CREDENTIAL");
        String expired = cloud.services.lwa().issueToken(user.userId(), "Test User", Duration.ofSeconds(-5));
        assertError(
                cloud.music(request("GetPlayableContent.request.json", expired).toString()),
                "Alexa",
                "EXPIRED_AUTHORIZATION_CREDENTIAL");
        String otherApp = cloud.services
                .lwa()
                .issueToken(
                        user.userId(), "Test User", "amzn1.application-oa2-client.someoneelse", Duration.ofHours(1));
        assertError(
                cloud.music(request("GetPlayableContent.request.json", otherApp).toString()),
                "Alexa",
                "INVALID_AUTHORIZATION_CREDENTIAL");
    }

    @Test
    void aKnownTokenIsResolvedOnceAndNeverStoredOrLogged() {
        List<String> lines = new ArrayList<>();
        Consumer<String> previous = JsonLog.setSink(lines::add);
        CloudFixture.User fresh = cloud.newUser();
        try {
            int before = cloud.services.lwa().profileCalls();
            for (int i = 0; i < 3; i++) {
                cloud.music(request("GetPlayableContent.request.json", fresh.token())
                        .toString());
            }
            assertEquals(before + 1, cloud.services.lwa().profileCalls(), "LWA is asked once per token");
        } finally {
            JsonLog.setSink(previous);
        }
        String tokenBody = fresh.token().substring(5, 40);
        assertTrue(lines.stream().noneMatch(l -> l.contains(tokenBody)), "the token must not appear in logs");
        var rows = cloud.wiring
                .aws()
                .dynamoDb()
                .scan(b -> b.tableName(cloud.wiring.tables().name(Tables.TOKENS)))
                .items();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().noneMatch(r -> r.toString().contains(tokenBody)), "only the token's hash is stored");
        assertTrue(rows.stream().allMatch(r -> Attrs.str(r, "token_hash").matches("[0-9a-f]{64}")));
    }

    @Test
    void anUnpairedUserHasAnAccountProblemNotABadLogin() {
        CloudFixture.User stranger = cloud.newUser();
        assertError(
                cloud.music(request("GetPlayableContent.request.observed-play-music.json", stranger.token())
                        .toString()),
                "Alexa",
                "ACCOUNT_PROBLEM");
    }

    @Test
    void anOfflineHomeIsReportedAtOnceWithoutWaitingOutTheRelay() {
        CloudFixture.User owner = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(owner);
        cloud.lastHeardLongAgo(home);
        JsonNode answer = cloud.music(request("GetPlayableContent.request.observed-play-music.json", owner.token())
                .toString());
        assertError(answer, "Alexa", "INTERNAL_ERROR");
        assertTrue(
                answer.path("payload").path("message").asText().contains("HOME_OFFLINE"), "not a TIMEOUT: " + answer);
        var waiting = cloud.wiring
                .aws()
                .sqs()
                .getQueueAttributes(b -> b.queueUrl(cloud.queueUrl(home))
                        .attributeNames(
                                software.amazon.awssdk.services.sqs.model.QueueAttributeName
                                        .APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributesAsStrings();
        assertEquals("0", waiting.get("ApproximateNumberOfMessages"), "nothing is sent to an offline home");
    }

    @Test
    void aHomeThatNeverAnswersTimesOutWithinTheBudget() {
        CloudFixture.User owner = cloud.newUser();
        cloud.pairedHome(owner); // online by heartbeat, but nobody reads its queue
        JsonNode answer = cloud.music(request("GetPlayableContent.request.observed-play-music.json", owner.token())
                .toString());
        assertError(answer, "Alexa", "INTERNAL_ERROR");
        assertTrue(answer.path("payload").path("message").asText().contains("TIMEOUT"), answer.toString());
    }

    @Test
    void queueDirectivesWithForeignOrGarbledReferencesAreItemErrors() {
        ObjectNode next = Directives.withReference(
                request("GetNextItem.request.json", user.token()), "0.0.deadbeef", "not-our-queue", "ma1:album:x");
        assertError(cloud.music(next.toString()), "Alexa.Media", "ITEM_NOT_FOUND");
        ObjectNode noRef = request("GetNextItem.request.json", user.token());
        noRef.with("payload").remove("currentItemReference");
        assertError(cloud.music(noRef.toString()), "Alexa", "INVALID_DIRECTIVE");
        ObjectNode badEnable = request("SetShuffle.request.json", user.token());
        badEnable.with("payload").put("enable", "yes");
        assertError(cloud.music(badEnable.toString()), "Alexa", "INVALID_DIRECTIVE");
    }

    @Test
    void payloadRecordsSerialiseWithAlexasFieldNames() throws Exception {
        String json =
                io.musicassistant.alexa.alexa.AlexaJson.mapper().writeValueAsString(new Payloads.NextItem(true, null));
        assertEquals("{\"isQueueFinished\":true}", json);
        assertTrue(new String(io.musicassistant.alexa.alexa.AlexaJson.write(Map.of()), StandardCharsets.UTF_8)
                .equals("{}"));
    }
}
