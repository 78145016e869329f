package io.musicassistant.alexa.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.audio.StreamLimits;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.ReplyTable;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path on the real local servers: directive over HTTP → identity (LWA stand-in) →
 * Moto's DynamoDB → ElasticMQ → the real connector → the MA simulator over WebSocket → reply row →
 * answer. Nothing is scripted or mocked.
 */
class EndToEndTest {

    static LocalStack stack;
    static SkillClient skill;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Ports.ephemeral(), message -> {});
        skill = new SkillClient(stack.alexaUrl());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static String name(JsonNode item) {
        return item.path("metadata").path("name").path("speech").path("text").asText();
    }

    @Test
    void anAlbumIsFoundInMusicAssistantAndPlayedTrackByTrack() {
        int searches = stack.ma().commandCount("music/search");
        JsonNode found = skill.send(
                AlexaRequests.getPlayableContent(LocalStack.DEMO_TOKEN, "ALBUM", "OK Computer", "ARTIST", "Radiohead"));
        assertEquals(
                "ma1:album:ok-computer:radiohead",
                found.path("payload").path("content").path("id").asText(),
                found.toString());
        assertEquals(searches + 1, stack.ma().commandCount("music/search"), "resolved by searching Music Assistant");

        long lookupsBefore = musicLookups();
        JsonNode method = skill.send(
                        AlexaRequests.initiate(LocalStack.DEMO_TOKEN, "ma1:album:ok-computer:radiohead", false))
                .path("payload")
                .path("playbackMethod");
        // (The connector then fetches the first tracks' audio through its virtual players; that is not a lookup.)
        assertEquals(lookupsBefore, musicLookups(), "Initiate is answered from the cache");
        JsonNode first = method.path("firstItem");
        assertEquals("Airbag", name(first));

        URI stream = URI.create(first.path("stream").path("uri").asText());
        Map<String, String> query = Arrays.stream(stream.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        String uri = stack.connector()
                .signer()
                .verify(stream.getPath().substring(1), query.get("exp"), query.get("sig"))
                .orElseThrow();
        assertEquals(
                stack.ma().library().trackNamed("Airbag").uri(),
                uri,
                "the stream URL names the track and carries the connector's signature");

        var at = new AlexaRequests.Position(
                first.path("id").asText(), method.path("id").asText(), "ma1:album:ok-computer:radiohead");
        JsonNode next = skill.send(AlexaRequests.getNextItem(LocalStack.DEMO_TOKEN, at, true));
        assertEquals("Paranoid Android", name(next.path("payload").path("item")));
    }

    private static long musicLookups() {
        return stack.ma().commandLog().stream()
                .filter(c -> c.startsWith("music/"))
                .count();
    }

    @Test
    void theEchoGetsEveryTrackAsAudioFromTheConnectorAndTheNextOneIsAlreadyThere() throws InterruptedException {
        JsonNode found = skill.send(
                AlexaRequests.getPlayableContent(LocalStack.DEMO_TOKEN, "ALBUM", "In Rainbows", "ARTIST", "Radiohead"));
        String contentId = found.path("payload").path("content").path("id").asText();
        JsonNode method = skill.send(AlexaRequests.initiate(LocalStack.DEMO_TOKEN, contentId, false))
                .path("payload")
                .path("playbackMethod");
        assertEquals(
                StreamLimits.DEFAULTS,
                stack.connector().audio().server().limits(),
                "the stream server runs with exactly the production limits");
        EchoDevice echo = new EchoDevice(stack.streams().certificate().clientContext());
        String firstUrl = method.path("firstItem").path("stream").path("uri").asText();
        assertTrue(firstUrl.startsWith(stack.streams().base() + "/stream/v1/"), firstUrl);

        EchoDevice.Fetched whole = echo.fetch(firstUrl, null);
        assertEquals(200, whole.status());
        assertEquals("audio/mpeg", whole.contentType());
        assertTrue(whole.correct(), "the bytes are Music Assistant's stream of that track");
        EchoDevice.Fetched seek = echo.fetch(firstUrl, "bytes=200000-200999");
        assertEquals(206, seek.status());
        assertEquals("bytes 200000-200999/" + whole.bytes(), seek.contentRange());
        assertEquals(1000, seek.bytes());
        assertTrue(seek.correct());

        // Handing out the first item told the home to fetch the second as well.
        var cache = stack.connector().audio().cache();
        var at = new AlexaRequests.Position(
                method.path("firstItem").path("id").asText(), method.path("id").asText(), contentId);
        JsonNode next = skill.send(AlexaRequests.getNextItem(LocalStack.DEMO_TOKEN, at, false))
                .path("payload")
                .path("item");
        String nextUri = EchoDevice.uriOf(next.path("stream").path("uri").asText());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (cache.find(nextUri)
                        .map(t -> t.state() != io.musicassistant.alexa.connector.audio.CachedTrack.State.COMPLETE)
                        .orElse(true)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long hits = stack.connector().audio().acquisition().stats().hits();
        EchoDevice.Fetched second = echo.fetch(next.path("stream").path("uri").asText(), null);
        assertTrue(second.correct());
        assertEquals(
                hits + 1,
                stack.connector().audio().acquisition().stats().hits(),
                "the second track was on disk already");
    }

    @Test
    void aWrongTokenAndAnUnpairedUserGetTheirOwnErrors() {
        JsonNode forged = skill.send(AlexaRequests.getPlayableContent("Atza|IwEBIforged", "ARTIST", "Radiohead"));
        assertEquals(
                "INVALID_AUTHORIZATION_CREDENTIAL",
                forged.path("payload").path("type").asText());
        JsonNode expired =
                skill.send(AlexaRequests.getPlayableContent(LocalStack.EXPIRED_TOKEN, "ARTIST", "Radiohead"));
        assertEquals(
                "EXPIRED_AUTHORIZATION_CREDENTIAL",
                expired.path("payload").path("type").asText());
        JsonNode unpaired =
                skill.send(AlexaRequests.getPlayableContent(LocalStack.UNPAIRED_TOKEN, "ARTIST", "Radiohead"));
        assertEquals("ACCOUNT_PROBLEM", unpaired.path("payload").path("type").asText());
    }

    @Test
    void aStaleHeartbeatMeansOfflineAtOnce() {
        Home home = stack.cloud().homes().homeOf(LocalStack.DEMO_USER_ID);
        try {
            JsonNode answer = null;
            int searches = 0;
            // A heartbeat the connector had already sent may land just after the row is aged; then age it again.
            for (int attempt = 0; attempt < 5; attempt++) {
                long old = System.currentTimeMillis()
                        - stack.cloud().config().heartbeatStaleAfter().toMillis()
                        - 60_000;
                stack.cloud()
                        .aws()
                        .dynamoDb()
                        .updateItem(b -> b.tableName(stack.cloud().tables().name(Tables.HOMES))
                                .key(Attrs.key("instance_id", home.instanceId()))
                                .updateExpression("SET heartbeat_at_ms = :old")
                                .expressionAttributeValues(Map.of(":old", Attrs.n(old))));
                searches = stack.ma().commandCount("music/search");
                answer = skill.send(AlexaRequests.getPlayableContent(LocalStack.DEMO_TOKEN, "ARTIST", "Radiohead"));
                long beat = Long.parseLong(stack.cloud()
                        .aws()
                        .dynamoDb()
                        .getItem(b -> b.tableName(stack.cloud().tables().name(Tables.HOMES))
                                .consistentRead(true)
                                .key(Attrs.key("instance_id", home.instanceId())))
                        .item()
                        .get("heartbeat_at_ms")
                        .n());
                if (beat == old) {
                    break;
                }
            }
            assertEquals("INTERNAL_ERROR", answer.path("payload").path("type").asText(), answer.toString());
            assertTrue(
                    answer.path("payload").path("message").asText().contains("HOME_OFFLINE"),
                    "not a TIMEOUT: " + answer);
            assertEquals(searches, stack.ma().commandCount("music/search"), "nothing was sent to the home");
        } finally {
            stack.awaitHomeOnline(Duration.ofSeconds(10));
        }
    }

    String sendRaw(long deadlineMs) {
        Home home = stack.cloud().homes().homeOf(LocalStack.DEMO_USER_ID);
        ContentQuery query = new ContentQuery(ContentKind.ARTIST, "Daft Punk", null, false, 20, true);
        String body = RelayJson.write(new RelayCommand(
                RelayProtocol.VERSION,
                UUID.randomUUID().toString(),
                RelayProtocol.Command.CONTENT_RESOLVE.wireName(),
                RelayJson.tree(query),
                deadlineMs,
                System.currentTimeMillis()));
        stack.cloud().aws().sqs().sendMessage(b -> b.queueUrl(home.queueUrl()).messageBody(body));
        return body;
    }

    boolean replied(String body) {
        String instance = stack.cloud().homes().homeOf(LocalStack.DEMO_USER_ID).instanceId();
        String id = RelayJson.read(body, RelayCommand.class).id();
        var item = stack.cloud()
                .aws()
                .dynamoDb()
                .getItem(b -> b.tableName(stack.cloud().tables().name(Tables.REPLIES))
                        .consistentRead(true)
                        .key(Attrs.key(ReplyTable.KEY, ReplyTable.key(instance, id))))
                .item();
        // A receipt comes first; a reply is a row marked done.
        return item != null && ReplyTable.STATE_DONE.equals(Attrs.str(item, ReplyTable.STATE));
    }

    @Test
    void aCommandPastItsDeadlineIsNeverExecutedAtHome() throws Exception {
        int searches = stack.ma().commandCount("music/search");
        String late = sendRaw(System.currentTimeMillis() - 1000);
        String onTime = sendRaw(System.currentTimeMillis() + 5000);
        long until = System.currentTimeMillis() + 5000;
        while (!replied(onTime) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertTrue(replied(onTime));
        Thread.sleep(300);
        assertTrue(!replied(late), "no reply for the late command");
        assertEquals(
                searches + 1,
                stack.ma().commandCount("music/search"),
                "only the command on time reached Music Assistant");
    }

    @Test
    void aDuplicateDeliveryIsExecutedOnce() throws Exception {
        int searches = stack.ma().commandCount("music/search");
        long executed = stack.connector().worker().executedCount();
        String body = sendRaw(System.currentTimeMillis() + 5000);
        Home home = stack.cloud().homes().homeOf(LocalStack.DEMO_USER_ID);
        stack.cloud().aws().sqs().sendMessage(b -> b.queueUrl(home.queueUrl()).messageBody(body));
        long until = System.currentTimeMillis() + 5000;
        while (!replied(body) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertTrue(replied(body));
        Thread.sleep(500);
        assertEquals(searches + 1, stack.ma().commandCount("music/search"));
        assertEquals(executed + 1, stack.connector().worker().executedCount());
    }

    @Test
    void aStoppedConnectorIsReportedOfflineAtOnceAndComesBack() {
        stack.stopConnector();
        try {
            JsonNode answer =
                    skill.send(AlexaRequests.getPlayableContent(LocalStack.DEMO_TOKEN, "ARTIST", "Radiohead"));
            assertEquals("INTERNAL_ERROR", answer.path("payload").path("type").asText());
            assertTrue(
                    answer.path("payload").path("message").asText().contains("HOME_OFFLINE"),
                    "not a TIMEOUT: " + answer);
            Home home = stack.cloud().homes().homeOf(LocalStack.DEMO_USER_ID);
            var waiting = stack.cloud()
                    .aws()
                    .sqs()
                    .getQueueAttributes(b -> b.queueUrl(home.queueUrl())
                            .attributeNames(
                                    software.amazon.awssdk.services.sqs.model.QueueAttributeName
                                            .APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributesAsStrings();
            assertEquals("0", waiting.get("ApproximateNumberOfMessages"), "nothing is sent to a stopped home");
        } finally {
            stack.restartConnector(message -> {});
        }
        JsonNode back = skill.send(AlexaRequests.getPlayableContent(LocalStack.DEMO_TOKEN, "ARTIST", "Radiohead"));
        assertEquals(
                "GetPlayableContent.Response", back.path("header").path("name").asText(), back.toString());
    }
}
