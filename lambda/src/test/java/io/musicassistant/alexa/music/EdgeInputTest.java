package io.musicassistant.alexa.music;

import static io.musicassistant.alexa.testing.Directives.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import io.musicassistant.alexa.testing.AlexaEnvelopes;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedHome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input that used to escape the edge: content ids longer than any query may be, text SQS refuses,
 * trailing garbage and scalars of the wrong type. Each is answered with the right Alexa error, is
 * never sent to the home, and logs nothing above WARN.
 */
class EdgeInputTest {

    static CloudFixture cloud;
    static CloudFixture.User user;
    static ScriptedHome home;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create();
        user = cloud.newUser();
        home = new ScriptedHome(cloud, cloud.pairedHome(user), EdgeInputTest::answer);
    }

    @AfterAll
    static void tearDown() {
        home.close();
    }

    static RelayReply answer(RelayCommand command) {
        return RelayReply.ok(
                command.id(),
                RelayJson.tree(MusicDirectivesTest.album(
                        RelayJson.convert(command.args(), io.musicassistant.alexa.relay.protocol.ContentQuery.class))),
                System.currentTimeMillis());
    }

    /** Runs {@code send} and returns its answer, failing on any log line above WARN. */
    static JsonNode quietly(Supplier<JsonNode> send) {
        List<String> lines = new ArrayList<>();
        Consumer<String> previous = JsonLog.setSink(lines::add);
        JsonNode answer;
        try {
            answer = send.get();
        } finally {
            JsonLog.setSink(previous);
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"level\":\"ERROR\"")), String.join("\n", lines));
        AlexaEnvelopes.assertMusic(answer);
        return answer;
    }

    static String error(JsonNode answer) {
        return answer.path("header").path("namespace").asText() + "/"
                + answer.path("payload").path("type").asText();
    }

    static ObjectNode search(String type, String entityId, String value) {
        ObjectNode request = request("GetPlayableContent.request.json", user.token());
        ObjectNode attribute = request.with("payload")
                .with("selectionCriteria")
                .putArray("attributes")
                .addObject()
                .put("type", type);
        if (entityId != null) {
            attribute.put("entityId", entityId);
        }
        if (value != null) {
            attribute.put("value", value);
        }
        return request;
    }

    @Test
    void aContentIdWithALongNameIsNotFoundNotAnInternalError() {
        int before = home.received().size();
        String longId = "ma1:album:" + "a".repeat(300) + ":radiohead";
        assertEquals(
                "Alexa.Media/CONTENT_NOT_FOUND",
                error(quietly(() -> cloud.music(search("ALBUM", longId, null).toString()))));
        for (String id : List.of(
                "ma1:playlist:" + "a".repeat(300),
                "ma1:album:" + "b".repeat(257) + ":radiohead",
                "ma1:playlist:" + "%C3%A9".repeat(100))) {
            ObjectNode initiate = request("Initiate.request.json", user.token());
            initiate.with("payload").put("contentId", id);
            assertEquals("Alexa.Media/CONTENT_NOT_FOUND", error(quietly(() -> cloud.music(initiate.toString()))), id);
        }
        assertEquals(before, home.received().size(), "nothing reached the home");
        // An id we issue still plays: the limits agree, they did not just get tighter.
        JsonNode found = quietly(() -> cloud.music(
                search("ALBUM", "ma1:album:ok-computer:radiohead", null).toString()));
        assertEquals(
                "GetPlayableContent.Response", found.path("header").path("name").asText(), found.toString());
    }

    @Test
    void textSqsRefusesIsAMalformedDirectiveAndNeverSent() {
        int before = home.received().size();
        // As JSON escapes: a Java string holding a lone surrogate cannot even be encoded as UTF-8.
        for (String bad : List.of(
                "Radiohead\\uD800",
                "\\uDFFFRadiohead",
                "Radio\\uFFFEhead",
                "Radiohead\\uFFFF",
                "Radio\\u0001head",
                "Radio\\u001Fhead",
                "Radio\\uDC00\\uD800head")) {
            String spoken = search("ARTIST", null, "@@").toString().replace("@@", bad);
            assertEquals("Alexa/INVALID_DIRECTIVE", error(quietly(() -> cloud.music(spoken))), bad);
            ObjectNode elsewhere = search("ARTIST", null, "Radiohead");
            elsewhere.with("payload").with("requestContext").with("location").put("@@", "x");
            assertEquals(
                    "Alexa/INVALID_DIRECTIVE",
                    error(quietly(() -> cloud.music(elsewhere.toString().replace("@@", bad)))),
                    bad);
        }
        ObjectNode encoded = request("Initiate.request.json", user.token());
        encoded.with("payload").put("contentId", "ma1:artist:radio%EF%BF%BFhead");
        assertEquals("Alexa.Media/CONTENT_NOT_FOUND", error(quietly(() -> cloud.music(encoded.toString()))));
        assertEquals(before, home.received().size(), "nothing reached the home");
        // Text SQS takes is searched as spoken: letters of any script, emoji, private use.
        JsonNode found = quietly(() -> cloud.music(
                search("ARTIST", null, "Sigur Rós 坂本 \uD83C\uDFB5 \uE000").toString()));
        assertEquals(
                "GetPlayableContent.Response", found.path("header").path("name").asText(), found.toString());
    }

    @Test
    void trailingGarbageIsAMalformedDirective() {
        String valid = search("ARTIST", null, "Radiohead").toString();
        assertEquals(
                "GetPlayableContent.Response",
                quietly(() -> cloud.music(valid)).path("header").path("name").asText());
        for (String trailing : List.of(" x", "{}", "]", "}", " {\"header\":{}}", "1", "\"\"")) {
            assertEquals("Alexa/INVALID_DIRECTIVE", error(quietly(() -> cloud.music(valid + trailing))), trailing);
        }
        assertEquals(
                "GetPlayableContent.Response",
                quietly(() -> cloud.music(valid + " \n\t "))
                        .path("header")
                        .path("name")
                        .asText());
    }

    @Test
    void scalarsOfTheWrongTypeAreNotCoerced() {
        ObjectNode numericId = request("Initiate.request.json", user.token());
        numericId.with("payload").put("contentId", 12345);
        ObjectNode stringFlag = search("ARTIST", null, "Radiohead");
        stringFlag.with("payload").with("filters").put("explicitLanguageAllowed", "false");
        ObjectNode numericFlag = search("ARTIST", null, "Radiohead");
        numericFlag.with("payload").with("filters").put("explicitLanguageAllowed", 0);
        ObjectNode numericValue = search("ARTIST", null, "x");
        ((ObjectNode) numericValue
                        .with("payload")
                        .with("selectionCriteria")
                        .withArray("attributes")
                        .get(0))
                .put("value", 1984);
        ObjectNode numericMessageId = search("ARTIST", null, "Radiohead");
        numericMessageId.with("header").put("messageId", 42);
        ObjectNode numericShuffle = request("Initiate.request.json", user.token());
        numericShuffle
                .with("payload")
                .put("contentId", "ma1:album:ok-computer:radiohead")
                .with("playbackModes")
                .put("shuffle", 1);
        for (ObjectNode bad :
                List.of(numericId, stringFlag, numericFlag, numericValue, numericMessageId, numericShuffle)) {
            assertEquals("Alexa/INVALID_DIRECTIVE", error(quietly(() -> cloud.music(bad.toString()))), bad.toString());
        }
    }
}
