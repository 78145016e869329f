package io.musicassistant.alexa.music;

import static io.musicassistant.alexa.testing.Directives.assertShape;
import static io.musicassistant.alexa.testing.Directives.fixture;
import static io.musicassistant.alexa.testing.Directives.request;
import static io.musicassistant.alexa.testing.Directives.withReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.PrefetchStreams;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import io.musicassistant.alexa.relay.protocol.SignStreams;
import io.musicassistant.alexa.relay.protocol.SignedStreams;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedHome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every music directive through the real skill, Moto's DynamoDB and ElasticMQ, with a scripted home
 * at the other end of the relay; each answer is checked against the shape Amazon documents.
 */
class MusicDirectivesTest {

    static CloudFixture cloud;
    static CloudFixture.User user;
    static ScriptedHome home;
    static final AtomicLong streamExpiry = new AtomicLong();

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create();
        user = cloud.newUser();
        CloudFixture.Home paired = cloud.pairedHome(user);
        streamExpiry.set(Instant.now().plusSeconds(24 * 3600).toEpochMilli());
        home = new ScriptedHome(cloud, paired, MusicDirectivesTest::answer);
    }

    @AfterAll
    static void tearDown() {
        home.close();
    }

    /** An album of five tracks; "nothing" is not found; stream.sign re-signs with a new expiry. */
    static RelayReply answer(RelayCommand command) {
        long now = System.currentTimeMillis();
        if (command.command().equals(RelayProtocol.Command.STREAM_SIGN.wireName())) {
            SignStreams sign = RelayJson.convert(command.args(), SignStreams.class);
            var signed = sign.uris().stream()
                    .map(u -> new SignedStreams.SignedStream(
                            u, "https://music.example.net/stream/v1/resigned-" + u.hashCode(), now + 24 * 3600_000L))
                    .toList();
            return RelayReply.ok(command.id(), RelayJson.tree(new SignedStreams(signed)), now);
        }
        ContentQuery query = RelayJson.convert(command.args(), ContentQuery.class);
        if (query.name() != null && query.name().contains("nothing")) {
            return RelayReply.error(command.id(), new RelayError(RelayError.NOT_FOUND, "no match"), now);
        }
        return RelayReply.ok(command.id(), RelayJson.tree(album(query)), now);
    }

    static ResolvedContent album(ContentQuery query) {
        List<ResolvedTrack> tracks = new ArrayList<>();
        String[] titles = {"Airbag", "Paranoid Android", "Subterranean Homesick Alien", "Exit Music", "Let Down"};
        // A device that filters explicit content gets a different (clean) list, so tests can tell them apart.
        String edition = query.explicitAllowed() ? "" : " (clean)";
        for (int i = 0; i < titles.length; i++) {
            tracks.add(new ResolvedTrack(
                    "library://track/" + (100 + i),
                    titles[i] + edition,
                    List.of("Radiohead"),
                    "OK Computer",
                    240_000L + i,
                    i == 2 ? null : "https://images.example.org/okc.jpg",
                    false,
                    "https://music.example.net/stream/v1/t" + i,
                    streamExpiry.get()));
        }
        ContentKind kind = query.kind() == ContentKind.LIBRARY ? ContentKind.LIBRARY : ContentKind.ALBUM;
        return new ResolvedContent(
                kind,
                kind == ContentKind.LIBRARY ? "Music Assistant library" : "OK Computer",
                kind == ContentKind.ALBUM ? "Radiohead" : null,
                "https://images.example.org/okc.jpg",
                "library://album/7",
                false,
                tracks);
    }

    static ObjectNode searchFor(String albumValue) {
        return searchFor(albumValue, user.token());
    }

    static ObjectNode searchFor(String albumValue, String token) {
        ObjectNode request = request("GetPlayableContent.request.json", token);
        var attributes = request.with("payload").with("selectionCriteria").putArray("attributes");
        attributes.addObject().put("type", "ALBUM").put("value", albumValue);
        attributes.addObject().put("type", "ARTIST").put("value", "radiohead");
        return request;
    }

    /** GetPlayableContent then Initiate; returns the Initiate answer. */
    static JsonNode play(String album) {
        JsonNode found = cloud.music(searchFor(album).toString());
        String contentId = found.path("payload").path("content").path("id").asText();
        ObjectNode initiate = request("Initiate.request.json", user.token());
        initiate.with("payload").put("contentId", contentId);
        return cloud.music(initiate.toString());
    }

    @Test
    void getPlayableContentAnswersWithAGlobalContentIdAndDocumentedShape() {
        JsonNode answer = cloud.music(searchFor("ok computer").toString());
        assertShape(fixture("GetPlayableContent.response.album.json"), answer, "");
        assertEquals(
                "GetPlayableContent.Response",
                answer.path("header").path("name").asText());
        JsonNode content = answer.path("payload").path("content");
        assertEquals("ma1:album:ok-computer:radiohead", content.path("id").asText());
        assertEquals(
                "OK Computer",
                content.path("metadata")
                        .path("name")
                        .path("speech")
                        .path("text")
                        .asText());
        assertEquals(
                "Radiohead",
                content.path("metadata")
                        .path("authors")
                        .get(0)
                        .path("name")
                        .path("display")
                        .asText());
        assertTrue(content.path("metadata")
                .path("art")
                .path("sources")
                .get(0)
                .path("url")
                .asText()
                .startsWith("https://"));
        ContentQuery sent = RelayJson.convert(home.received().getLast().args(), ContentQuery.class);
        assertEquals(ContentKind.ALBUM, sent.kind());
        assertEquals("radiohead", sent.artist());
        assertFalse(sent.exact());
    }

    @Test
    void initiateComesFromTheCacheWithoutARelayRoundTrip() {
        cloud.music(searchFor("ok computer").toString());
        int commandsBefore = home.received().size();
        ObjectNode initiate = request("Initiate.request.json", user.token());
        initiate.with("payload").put("contentId", "ma1:album:ok-computer:radiohead");
        JsonNode answer = cloud.music(initiate.toString());
        assertEquals(
                commandsBefore, home.received().size(), "Initiate must not use the relay when the content is cached");
        assertShape(fixture("Initiate.response.json"), answer, "");
        JsonNode method = answer.path("payload").path("playbackMethod");
        assertEquals("ALEXA_AUDIO_PLAYER_QUEUE", method.path("type").asText());
        Set<String> controls = new HashSet<>();
        method.path("controls").forEach(c -> controls.add(c.path("name").asText()));
        assertEquals(Set.of("NEXT", "PREVIOUS", "SEEK_POSITION", "SHUFFLE", "LOOP", "REPEAT"), controls);
        JsonNode first = method.path("firstItem");
        assertEquals(
                "Airbag",
                first.path("metadata").path("name").path("speech").path("text").asText());
        assertTrue(first.path("stream").path("validUntil").asText().endsWith("Z"));
        assertFalse(first.path("controls").get(1).path("enabled").asBoolean(), "no previous on the first track");
    }

    @Test
    void initiateOfAnUncachedContentIdResolvesItExactly() {
        ObjectNode initiate = request("Initiate.request.json", user.token());
        initiate.with("payload").put("contentId", "ma1:album:kid-a:radiohead");
        JsonNode answer = cloud.music(initiate.toString());
        assertEquals("Initiate.Response", answer.path("header").path("name").asText());
        ContentQuery sent = RelayJson.convert(home.received().getLast().args(), ContentQuery.class);
        assertTrue(sent.exact());
        assertEquals("kid-a", sent.name());
    }

    @Test
    void queueNavigationFollowsTheAlbumAndEndsOrLoops() {
        JsonNode method = play("ok computer").path("payload").path("playbackMethod");
        String queueId = method.path("id").asText();
        String contentId = "ma1:album:ok-computer:radiohead";
        String item = method.path("firstItem").path("id").asText();
        List<String> titles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            JsonNode next = cloud.music(
                    withReference(request("GetNextItem.request.json", user.token()), item, queueId, contentId)
                            .toString());
            if (i == 0) {
                assertShape(fixture("GetNextItem.response.json"), next, "");
            }
            item = next.path("payload").path("item").path("id").asText();
            assertTrue(ids.add(item), "item ids are unique in a queue");
            titles.add(next.path("payload")
                    .path("item")
                    .path("metadata")
                    .path("name")
                    .path("speech")
                    .path("text")
                    .asText());
        }
        assertEquals(List.of("Paranoid Android", "Subterranean Homesick Alien", "Exit Music", "Let Down"), titles);
        JsonNode end =
                cloud.music(withReference(request("GetNextItem.request.json", user.token()), item, queueId, contentId)
                        .toString());
        assertTrue(end.path("payload").path("isQueueFinished").asBoolean());
        assertTrue(end.path("payload").path("item").isMissingNode());

        JsonNode loop =
                cloud.music(withReference(request("SetLoop.request.json", user.token()), item, queueId, contentId)
                        .toString());
        assertShape(fixture("Alexa.Response.json"), loop, "");
        assertEquals("3.0", loop.path("header").path("payloadVersion").asText());
        JsonNode wrapped =
                cloud.music(withReference(request("GetNextItem.request.json", user.token()), item, queueId, contentId)
                        .toString());
        assertEquals(
                "Airbag",
                wrapped.path("payload")
                        .path("item")
                        .path("metadata")
                        .path("name")
                        .path("speech")
                        .path("text")
                        .asText());

        JsonNode previous = cloud.music(
                withReference(request("GetPreviousItem.request.json", user.token()), item, queueId, contentId)
                        .toString());
        assertShape(fixture("GetPreviousItem.response.json"), previous, "");
        assertEquals(
                "Exit Music",
                previous.path("payload")
                        .path("item")
                        .path("metadata")
                        .path("name")
                        .path("speech")
                        .path("text")
                        .asText());
    }

    @Test
    void eachItemHandedToAlexaTellsTheHomeToFetchItAndTheNextOne() {
        long since = System.currentTimeMillis(); // other tests play the same album: only hints sent from now count
        JsonNode method = play("ok computer").path("payload").path("playbackMethod");
        assertEquals(List.of("library://track/100", "library://track/101"), awaitHint("library://track/100", since));
        since = System.currentTimeMillis();
        JsonNode next = cloud.music(withReference(
                        request("GetNextItem.request.json", user.token()),
                        method.path("firstItem").path("id").asText(),
                        method.path("id").asText(),
                        "ma1:album:ok-computer:radiohead")
                .toString());
        assertEquals(
                "Paranoid Android",
                next.path("payload")
                        .path("item")
                        .path("metadata")
                        .path("name")
                        .path("speech")
                        .path("text")
                        .asText());
        assertEquals(
                List.of("library://track/101", "library://track/102"),
                awaitHint("library://track/101", since),
                "the hint follows the play order");
    }

    @Test
    void aHomeWhoseStreamBaseFailsItsSelfTestIsAnAccountProblemNotADeadUrl() {
        CloudFixture.User owner = cloud.newUser();
        CloudFixture.Home broken = cloud.pairedHome(owner);
        var beat = new HeartbeatRequest(
                "online",
                "test-1",
                new HeartbeatRequest.MaStatus(true, "sim", "2.9.0", 31),
                "https://music.example.net",
                new HeartbeatRequest.StreamStatus(false, "tls"));
        assertEquals(
                200,
                cloud.relay("POST", "/v1/homes/" + broken.instanceId() + "/heartbeat", broken.secret(), beat)
                        .status());
        JsonNode answer = cloud.music(searchFor("ok computer", owner.token()).toString());
        assertEquals("ErrorResponse", answer.path("header").path("name").asText(), answer.toString());
        assertEquals("ACCOUNT_PROBLEM", answer.path("payload").path("type").asText());
        assertTrue(answer.path("payload").path("message").asText().contains("tls"));

        var malformed = new HeartbeatRequest(
                "online",
                "test-1",
                null,
                "https://music.example.net",
                new HeartbeatRequest.StreamStatus(false, "Not A Code!"));
        assertEquals(
                400,
                cloud.relay("POST", "/v1/homes/" + broken.instanceId() + "/heartbeat", broken.secret(), malformed)
                        .status());

        var fixed = new HeartbeatRequest(
                "online",
                "test-1",
                new HeartbeatRequest.MaStatus(true, "sim", "2.9.0", 31),
                "https://music.example.net",
                new HeartbeatRequest.StreamStatus(true, "no_range"));
        assertEquals(
                200,
                cloud.relay("POST", "/v1/homes/" + broken.instanceId() + "/heartbeat", broken.secret(), fixed)
                        .status());
        try (ScriptedHome healed = new ScriptedHome(cloud, broken, MusicDirectivesTest::answer)) {
            JsonNode found = cloud.music(searchFor("ok computer", owner.token()).toString());
            assertEquals(
                    "GetPlayableContent.Response",
                    found.path("header").path("name").asText(),
                    "a warning (no Range) does not stop playback: " + found);
        }
    }

    /** The uris of the prefetch hint that starts with {@code first}, once the home has it. */
    private static List<String> awaitHint(String first, long sentSinceMs) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (RelayCommand hint : home.hints()) {
                if (hint.sentAtMs() < sentSinceMs) {
                    continue;
                }
                assertEquals(RelayProtocol.Command.STREAM_PREFETCH.wireName(), hint.command());
                List<String> uris =
                        RelayJson.convert(hint.args(), PrefetchStreams.class).uris();
                if (uris.getFirst().equals(first)) {
                    return uris;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no prefetch hint for " + first + " among " + home.hints());
    }

    @Test
    void previousAtTheStartIsAnAudioItemNotFound() {
        JsonNode method = play("ok computer").path("payload").path("playbackMethod");
        JsonNode answer = cloud.music(withReference(
                        request("GetPreviousItem.request.json", user.token()),
                        method.path("firstItem").path("id").asText(),
                        method.path("id").asText(),
                        "ma1:album:ok-computer:radiohead")
                .toString());
        assertShape(fixture("GetPreviousItem.error.ITEM_NOT_FOUND.json"), answer, "");
        assertEquals("Alexa.Audio", answer.path("header").path("namespace").asText());
        assertEquals("ITEM_NOT_FOUND", answer.path("payload").path("type").asText());
    }

    @Test
    void shuffleIsDeterministicPerQueueAndKeepsTheCurrentTrack() {
        JsonNode method = play("ok computer").path("payload").path("playbackMethod");
        String queueId = method.path("id").asText();
        String contentId = "ma1:album:ok-computer:radiohead";
        String first = method.path("firstItem").path("id").asText();
        JsonNode set =
                cloud.music(withReference(request("SetShuffle.request.json", user.token()), first, queueId, contentId)
                        .toString());
        assertShape(fixture("SetShuffle.response.json"), set, "");
        List<String> order1 = walk(first, queueId, contentId, 4);
        List<String> order2 = walk(first, queueId, contentId, 4);
        assertEquals(order1, order2, "same queue, same shuffle");
        assertEquals(4, new HashSet<>(order1).size());
        assertFalse(order1.contains("Airbag"), "the current track is not played again");
        JsonNode view =
                cloud.music(withReference(request("GetView.request.json", user.token()), first, queueId, contentId)
                        .toString());
        assertShape(fixture("GetView.response.json"), view, "");
        assertEquals(
                "Alexa.Audio.PlayQueue", view.path("header").path("namespace").asText());
        assertEquals(5, view.path("payload").path("items").size());
        boolean shuffleSelected = false;
        for (JsonNode c : view.path("payload").path("queueControls")) {
            if (c.path("name").asText().equals("SHUFFLE")) {
                shuffleSelected = c.path("selected").asBoolean();
            }
        }
        assertTrue(shuffleSelected);
    }

    private List<String> walk(String from, String queueId, String contentId, int steps) {
        List<String> titles = new ArrayList<>();
        String item = from;
        for (int i = 0; i < steps; i++) {
            JsonNode next = cloud.music(
                    withReference(request("GetNextItem.request.json", user.token()), item, queueId, contentId)
                            .toString());
            item = next.path("payload").path("item").path("id").asText();
            titles.add(next.path("payload")
                    .path("item")
                    .path("metadata")
                    .path("name")
                    .path("speech")
                    .path("text")
                    .asText());
        }
        return titles;
    }

    @Test
    void repeatReplaysTheTrackUnlessTheUserSkips() {
        JsonNode method = play("ok computer").path("payload").path("playbackMethod");
        String queueId = method.path("id").asText();
        String contentId = "ma1:album:ok-computer:radiohead";
        String first = method.path("firstItem").path("id").asText();
        JsonNode set = cloud.music(
                withReference(request("SetRepeat.request.observed.json", user.token()), first, queueId, contentId)
                        .toString());
        assertShape(fixture("SetRepeat.response.json"), set, "");
        JsonNode again =
                cloud.music(withReference(request("GetNextItem.request.json", user.token()), first, queueId, contentId)
                        .toString());
        assertEquals(
                "Airbag",
                again.path("payload")
                        .path("item")
                        .path("metadata")
                        .path("name")
                        .path("speech")
                        .path("text")
                        .asText());
        assertNotEquals(first, again.path("payload").path("item").path("id").asText());
        JsonNode skipped = cloud.music(withReference(
                        request("GetNextItem.request.user-initiated.json", user.token()), first, queueId, contentId)
                .toString());
        assertEquals(
                "Paranoid Android",
                skipped.path("payload")
                        .path("item")
                        .path("metadata")
                        .path("name")
                        .path("speech")
                        .path("text")
                        .asText());
    }

    @Test
    void jumpGetItemAndFeedback() {
        JsonNode method = play("ok computer").path("payload").path("playbackMethod");
        String queueId = method.path("id").asText();
        String contentId = "ma1:album:ok-computer:radiohead";
        String first = method.path("firstItem").path("id").asText();
        JsonNode view =
                cloud.music(withReference(request("GetView.request.json", user.token()), first, queueId, contentId)
                        .toString());
        String third = view.path("payload").path("items").get(2).path("id").asText();

        ObjectNode jump = withReference(request("JumpToItem.request.json", user.token()), first, queueId, contentId);
        jump.with("payload").put("targetItemId", third);
        JsonNode jumped = cloud.music(jump.toString());
        assertShape(fixture("JumpToItem.response.json"), jumped, "");
        assertEquals(third, jumped.path("payload").path("item").path("id").asText());
        ObjectNode badJump = withReference(request("JumpToItem.request.json", user.token()), first, queueId, contentId);
        badJump.with("payload").put("targetItemId", "not-an-item");
        assertEquals(
                "INVALID_ITEM",
                cloud.music(badJump.toString()).path("payload").path("type").asText());

        JsonNode item =
                cloud.music(withReference(request("GetItem.request.json", user.token()), third, queueId, contentId)
                        .toString());
        assertShape(fixture("GetItem.response.json"), item, "");
        assertEquals(
                "Alexa.Audio.PlayQueue", item.path("header").path("namespace").asText());
        assertEquals(
                "https://images.example.org/okc.jpg",
                item.path("payload")
                        .path("item")
                        .path("metadata")
                        .path("art")
                        .path("sources")
                        .get(0)
                        .path("url")
                        .asText(),
                "a track without art of its own shows the album's");

        JsonNode down = cloud.music(
                request("ReceiveFeedback.request.observed.json", user.token()).toString());
        assertShape(fixture("ReceiveFeedback.response.skip.observed.json"), down, "");
        assertTrue(down.path("payload").path("skip").asBoolean());
        ObjectNode up = request("ReceiveFeedback.request.observed.json", user.token());
        up.with("payload").with("feedback").put("value", "POSITIVE");
        assertEquals(
                "Response",
                cloud.music(up.toString()).path("header").path("name").asText());
    }

    @Test
    void playMusicWithOnlyAMediaTypeMeansTheShuffledLibrary() {
        JsonNode found = cloud.music(request("GetPlayableContent.request.observed-play-music.json", user.token())
                .toString());
        assertEquals(
                "ma1:library", found.path("payload").path("content").path("id").asText());
        ObjectNode initiate = request("Initiate.request.json", user.token());
        initiate.with("payload").put("contentId", "ma1:library");
        JsonNode method = cloud.music(initiate.toString()).path("payload").path("playbackMethod");
        assertTrue(method.path("id").asText().endsWith(".s"), "the library starts shuffled: " + method.path("id"));
    }

    @Test
    void contentThatIsNotFoundIsAMediaError() {
        JsonNode answer = cloud.music(searchFor("nothing at all").toString());
        assertShape(fixture("GetPlayableContent.error.CONTENT_NOT_FOUND.json"), answer, "");
        assertEquals("CONTENT_NOT_FOUND", answer.path("payload").path("type").asText());
        ObjectNode foreign = request("GetPlayableContent.request.json", user.token());
        assertEquals(
                "CONTENT_NOT_FOUND",
                cloud.music(foreign.toString()).path("payload").path("type").asText(),
                "an entity id of another catalog without a value cannot be resolved");
    }

    @Test
    void aQueueStartedWithTheExplicitFilterKeepsItWithoutTheRelay() {
        ObjectNode search = searchFor("ok computer");
        search.with("payload").with("filters").put("explicitLanguageAllowed", false);
        cloud.music(search.toString());
        assertFalse(RelayJson.convert(home.received().getLast().args(), ContentQuery.class)
                .explicitAllowed());
        ObjectNode initiate = request("Initiate.request.json", user.token());
        initiate.with("payload").put("contentId", "ma1:album:ok-computer:radiohead");
        initiate.with("payload").with("filters").put("explicitLanguageAllowed", false);
        JsonNode method = cloud.music(initiate.toString()).path("payload").path("playbackMethod");
        assertTrue(method.path("id").asText().endsWith("c"), "the queue id remembers the filter: " + method.path("id"));
        assertEquals(
                "Airbag (clean)",
                method.path("firstItem")
                        .path("metadata")
                        .path("name")
                        .path("speech")
                        .path("text")
                        .asText());
        int commands = home.received().size();
        // Queue directives carry no filters at all.
        JsonNode next = cloud.music(withReference(
                        request("GetNextItem.request.json", user.token()),
                        method.path("firstItem").path("id").asText(),
                        method.path("id").asText(),
                        "ma1:album:ok-computer:radiohead")
                .toString());
        assertEquals(
                "Paranoid Android (clean)",
                next.path("payload")
                        .path("item")
                        .path("metadata")
                        .path("name")
                        .path("speech")
                        .path("text")
                        .asText());
        assertEquals(commands, home.received().size(), "served from the clean cache entry, no relay");
    }

    @Test
    void reinitiateIsAnsweredLikeInitiateUnderItsOwnName() {
        cloud.music(searchFor("ok computer").toString());
        ObjectNode reinitiate = request("Initiate.request.json", user.token());
        ((ObjectNode) reinitiate.get("header")).put("name", "Reinitiate");
        reinitiate.with("payload").put("contentId", "ma1:album:ok-computer:radiohead");
        JsonNode answer = cloud.music(reinitiate.toString());
        assertEquals(
                "Alexa.Media.Playback", answer.path("header").path("namespace").asText());
        assertEquals("Reinitiate.Response", answer.path("header").path("name").asText(), answer.toString());
        assertEquals(
                "ALEXA_AUDIO_PLAYER_QUEUE",
                answer.path("payload").path("playbackMethod").path("type").asText());
    }

    @Test
    void streamsCloseToExpiryAreRenewedThroughTheRelay() {
        long saved = streamExpiry.get();
        streamExpiry.set(System.currentTimeMillis() + 10 * 60_000L);
        try {
            JsonNode method = play("pablo honey").path("payload").path("playbackMethod");
            String uri = method.path("firstItem").path("stream").path("uri").asText();
            assertTrue(uri.contains("resigned-"), "a URL expiring within 30 minutes is renewed: " + uri);
            assertEquals(
                    RelayProtocol.Command.STREAM_SIGN.wireName(),
                    home.received().getLast().command());
        } finally {
            streamExpiry.set(saved);
        }
    }
}
