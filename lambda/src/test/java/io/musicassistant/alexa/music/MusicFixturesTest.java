package io.musicassistant.alexa.music;

import static io.musicassistant.alexa.testing.Directives.fixture;
import static io.musicassistant.alexa.testing.Directives.request;
import static io.musicassistant.alexa.testing.Directives.withReference;
import static io.musicassistant.alexa.testing.Fixtures.assertDocumented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedHome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The music fixtures MusicDirectivesTest does not cover, each through the skill's one entry point
 * ({@code cloud.music}: Moto's DynamoDB, ElasticMQ, the LWA stand-in, a scripted home): every request
 * fixture is sent, and every documented answer or error is the shape of our answer in the situation
 * it documents (src/test/resources/alexa/README.md lists which test checks which file).
 */
class MusicFixturesTest {

    static final String ALBUM = "ma1:album:ok-computer:radiohead";

    static CloudFixture cloud;
    static CloudFixture.User user;
    static ScriptedHome home;

    @BeforeAll
    static void setUp() {
        // A loaded machine (shared CI, parallel builds) can take more than the usual 3 s for a relay round trip.
        cloud = CloudFixture.create(Map.of("RELAY_TIMEOUT_MS", "6000"));
        user = cloud.newUser();
        home = new ScriptedHome(cloud, cloud.pairedHome(user), MusicFixturesTest::answer);
    }

    @AfterAll
    static void tearDown() {
        home.close();
    }

    /** Whatever kind was asked for, three tracks of it; "nothing" is not found, "filtered" only explicit. */
    static RelayReply answer(RelayCommand command) {
        long now = System.currentTimeMillis();
        ContentQuery query = RelayJson.convert(command.args(), ContentQuery.class);
        String name = query.name() == null ? "" : query.name();
        if (name.contains("nothing")) {
            return RelayReply.error(command.id(), new RelayError(RelayError.NOT_FOUND, "no match"), now);
        }
        if (name.contains("filtered")) {
            return RelayReply.error(command.id(), new RelayError(RelayError.CONTENT_FILTERED, "explicit only"), now);
        }
        // A single MA knows no album of: its track answer has no album, as Amazon's plain track example.
        String album = name.contains("single") ? null : "OK Computer";
        List<ResolvedTrack> tracks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tracks.add(new ResolvedTrack(
                    "library://track/" + (200 + i),
                    "Track " + i,
                    List.of("Radiohead"),
                    album,
                    240_000L,
                    "https://images.example.org/okc.jpg",
                    false,
                    "https://music.example.net/stream/v1/f" + i,
                    now + 86_400_000L));
        }
        ContentKind kind = query.kind();
        String artist = kind == ContentKind.ARTIST || kind == ContentKind.PLAYLIST ? null : "Radiohead";
        return RelayReply.ok(
                command.id(),
                RelayJson.tree(new ResolvedContent(
                        kind,
                        name.isEmpty() ? "Library" : name,
                        artist,
                        "https://images.example.org/okc.jpg",
                        "library://" + kind.name().toLowerCase() + "/1",
                        false,
                        tracks)),
                now);
    }

    static JsonNode search(String type, String value) {
        return search(user, type, value);
    }

    static JsonNode search(CloudFixture.User who, String type, String value) {
        ObjectNode request = request("GetPlayableContent.request.json", who.token());
        request.with("payload")
                .with("selectionCriteria")
                .putArray("attributes")
                .addObject()
                .put("type", type)
                .put("value", value);
        return cloud.music(request.toString());
    }

    /** Initiate of our album; returns its playback method. */
    static JsonNode play() {
        search("ALBUM", "ok computer");
        ObjectNode initiate = request("Initiate.request.json", user.token());
        initiate.with("payload").put("contentId", ALBUM);
        return cloud.music(initiate.toString()).path("payload").path("playbackMethod");
    }

    static JsonNode queueDirective(String fixture, JsonNode method, String itemId) {
        return cloud.music(withReference(
                        request(fixture, user.token()),
                        itemId,
                        method.path("id").asText(),
                        ALBUM)
                .toString());
    }

    static String title(JsonNode answer) {
        return answer.path("payload")
                .path("item")
                .path("metadata")
                .path("name")
                .path("speech")
                .path("text")
                .asText();
    }

    static boolean shuffleSelected(JsonNode controls) {
        for (JsonNode c : controls) {
            if (c.path("name").asText().equals("SHUFFLE")) {
                return c.path("selected").asBoolean();
            }
        }
        throw new AssertionError("no SHUFFLE control in " + controls);
    }

    @Test
    void searchAnswersForEveryKindHaveAmazonsShapes() {
        JsonNode track = search("TRACK", "airbag");
        assertDocumented(fixture("GetPlayableContent.response.track-with-album.json"), track);
        assertEquals(
                "OK Computer",
                track.path("payload")
                        .path("content")
                        .path("metadata")
                        .path("album")
                        .path("name")
                        .path("display")
                        .asText());
        JsonNode single = search("TRACK", "a single");
        assertDocumented(fixture("GetPlayableContent.response.json"), single);
        assertTrue(single.path("payload")
                .path("content")
                .path("metadata")
                .path("album")
                .isMissingNode());
        JsonNode artist = search("ARTIST", "radiohead");
        assertDocumented(fixture("GetPlayableContent.response.artist.json"), artist);
        assertEquals(
                "ARTIST",
                artist.path("payload")
                        .path("content")
                        .path("metadata")
                        .path("type")
                        .asText());
        JsonNode playlist = search("PLAYLIST", "friday night");
        assertDocumented(fixture("GetPlayableContent.response.playlist.json"), playlist);
        assertEquals(
                "PLAYLIST",
                playlist.path("payload")
                        .path("content")
                        .path("metadata")
                        .path("type")
                        .asText());
    }

    @Test
    void entitiesOfAnotherCatalogWithoutWordsAreContentNotFound() {
        JsonNode answer = cloud.music(request("GetPlayableContent.request.multi-attribute.json", user.token())
                .toString());
        assertDocumented(fixture("GetPlayableContent.error.CONTENT_NOT_FOUND.json"), answer);
        ObjectNode initiate =
                request("Initiate.request.json", user.token()); // its contentId is Amazon's example, not ours
        assertDocumented(fixture("Initiate.error.CONTENT_NOT_FOUND.json"), cloud.music(initiate.toString()));
    }

    @Test
    void aRequestWithoutAnAccessTokenIsAnInvalidCredential() {
        ObjectNode observed = fixture("GetPlayableContent.request.observed-album-no-token.json");
        assertFalse(observed.path("payload").path("requestContext").path("user").has("accessToken"));
        assertDocumented(
                fixture("Error.Alexa.INVALID_AUTHORIZATION_CREDENTIAL.json"), cloud.music(observed.toString()));
    }

    @Test
    void generalErrorsHaveTheDocumentedShape() {
        String expired = cloud.services.lwa().issueToken(user.userId(), "Test User", Duration.ofSeconds(-5));
        assertDocumented(
                fixture("Error.Alexa.EXPIRED_AUTHORIZATION_CREDENTIAL.json"),
                cloud.music(request("GetPlayableContent.request.json", expired).toString()));

        ObjectNode unsupported = request("Initiate.request.json", user.token());
        ((ObjectNode) unsupported.get("header")).put("name", "FastForward");
        assertDocumented(fixture("Error.Alexa.INVALID_DIRECTIVE.json"), cloud.music(unsupported.toString()));

        assertDocumented(fixture("Error.Alexa.ACCOUNT_PROBLEM.json"), search(cloud.newUser(), "ALBUM", "kid a"));

        // A home whose connector cannot reach Music Assistant: no music type fits, INTERNAL_ERROR is the catch-all.
        CloudFixture.User owner = cloud.newUser();
        CloudFixture.Home down = cloud.registerHome();
        cloud.pair(down, owner);
        cloud.heartbeat(down, false);
        assertDocumented(fixture("Error.Alexa.INTERNAL_ERROR.json"), search(owner, "ALBUM", "kid a"));
    }

    @Test
    void contentOnlyInExplicitVersionsIsContentFilteredForAFilteringDevice() {
        ObjectNode request = request("GetPlayableContent.request.json", user.token());
        request.with("payload").with("filters").put("explicitLanguageAllowed", false);
        request.with("payload")
                .with("selectionCriteria")
                .putArray("attributes")
                .addObject()
                .put("type", "ALBUM")
                .put("value", "filtered");
        assertDocumented(fixture("Error.Alexa.Media.CONTENT_FILTERED.json"), cloud.music(request.toString()));
    }

    @Test
    void initiateVariantsAnswerAsInitiateDoes() {
        search("ALBUM", "ok computer");
        ObjectNode playing = request("Initiate.request.already-playing.json", user.token());
        playing.with("payload").put("contentId", ALBUM);
        JsonNode again = cloud.music(playing.toString());
        assertDocumented(fixture("Initiate.response.json"), again);
        assertFalse(shuffleSelected(again.path("payload").path("playbackMethod").path("controls")));

        ObjectNode shuffled = request("Initiate.request.shuffle.json", user.token());
        shuffled.with("payload").put("contentId", ALBUM);
        JsonNode answer = cloud.music(shuffled.toString());
        assertDocumented(fixture("Initiate.response.json"), answer);
        assertTrue(shuffleSelected(answer.path("payload").path("playbackMethod").path("controls")), answer.toString());
    }

    @Test
    void theEndOfTheQueueIsQueueFinished() {
        JsonNode method = play();
        String item = method.path("firstItem").path("id").asText();
        for (int i = 0; i < 2; i++) {
            item = queueDirective("GetNextItem.request.json", method, item)
                    .path("payload")
                    .path("item")
                    .path("id")
                    .asText();
        }
        JsonNode end = queueDirective("GetNextItem.request.json", method, item);
        assertDocumented(fixture("GetNextItem.response.queue-finished.json"), end);
        assertTrue(end.path("payload").path("isQueueFinished").asBoolean());
    }

    @Test
    void theOldDocumentedReferenceWithAContentObjectIsReadToo() {
        JsonNode method = play();
        ObjectNode next = request("GetNextItem.request.doc-variant-content-object.json", user.token());
        ObjectNode reference = (ObjectNode) next.path("payload").path("currentItemReference");
        reference
                .put("id", method.path("firstItem").path("id").asText())
                .put("queueId", method.path("id").asText());
        ((ObjectNode) reference.get("content")).put("id", ALBUM);
        JsonNode answer = cloud.music(next.toString());
        assertDocumented(fixture("GetNextItem.response.json"), answer);
        assertEquals("Track 1", title(answer));
    }

    @Test
    void turningShuffleAndLoopOffAnswersTheGenericResponse() {
        JsonNode method = play();
        String first = method.path("firstItem").path("id").asText();
        queueDirective("SetShuffle.request.json", method, first);
        JsonNode off = queueDirective("SetShuffle.request.disable.json", method, first);
        assertDocumented(fixture("SetShuffle.response.json"), off);
        assertEquals(
                "Track 1", title(queueDirective("GetNextItem.request.json", method, first)), "the album order again");

        JsonNode loopOff = queueDirective("SetLoop.request.disable.json", method, first);
        assertDocumented(fixture("Alexa.Response.json"), loopOff);
    }

    @Test
    void itemsNotInTheQueueAreTheDocumentedErrors() {
        JsonNode method = play();
        String first = method.path("firstItem").path("id").asText();
        JsonNode item = queueDirective("GetItem.request.json", method, "not-an-item");
        assertDocumented(fixture("GetItem.error.ITEM_NOT_FOUND.json"), item);

        ObjectNode jump = withReference(
                request("JumpToItem.request.json", user.token()),
                first,
                method.path("id").asText(),
                ALBUM);
        jump.with("payload").put("targetItemId", "not-an-item");
        assertDocumented(fixture("JumpToItem.error.INVALID_ITEM.json"), cloud.music(jump.toString()));
    }

    @Test
    void thumbsUpWithAMediaReferenceIsAcknowledged() {
        JsonNode method = play();
        ObjectNode feedback = request("ReceiveFeedback.request.doc-variant-mediareference.json", user.token());
        ObjectNode value =
                (ObjectNode) feedback.path("payload").path("activeContext").path("value");
        value.put("id", method.path("firstItem").path("id").asText())
                .put("queueId", method.path("id").asText())
                .put("contentId", ALBUM);
        ((ObjectNode) feedback.get("header")).put("messageId", UUID.randomUUID().toString());
        assertDocumented(fixture("ReceiveFeedback.response.ack.observed.json"), cloud.music(feedback.toString()));
    }
}
