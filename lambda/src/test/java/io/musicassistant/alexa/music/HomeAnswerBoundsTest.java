package io.musicassistant.alexa.music;

import static io.musicassistant.alexa.testing.Directives.request;
import static io.musicassistant.alexa.testing.Directives.withReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import io.musicassistant.alexa.relay.protocol.SignStreams;
import io.musicassistant.alexa.relay.protocol.SignedStreams;
import io.musicassistant.alexa.testing.AlexaEnvelopes;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedHome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A home stand-in that answers too much: more tracks than the query asked for, megabytes of text,
 * thousands of artists, characters no message may hold, streams nobody asked to sign. The cloud
 * keeps what it asked for and answers Alexa as if the home had behaved.
 */
class HomeAnswerBoundsTest {

    static CloudFixture cloud;
    static CloudFixture.User user;
    static ScriptedHome home;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create();
        user = cloud.newUser();
        home = new ScriptedHome(cloud, cloud.pairedHome(user), HomeAnswerBoundsTest::answer);
    }

    @AfterAll
    static void tearDown() {
        home.close();
    }

    /** Far beyond any name, yet small enough for one uncompressed reply row (the connector would gzip larger ones). */
    static final String HUGE = "Paranoid Android ".repeat(1_500);
    /** What the relay carries but no SQS message may hold (a lone surrogate could not even be stored by the stand-in). */
    static final String HOSTILE = "Let\u0000Down\uFFFE \uFFFF(Remix)";

    /** Always three times what was asked, with oversized and hostile text; stream.sign signs extra uris too. */
    static RelayReply answer(RelayCommand command) {
        long now = System.currentTimeMillis();
        long expires = now + 24 * 3600_000L;
        if (command.command().equals(RelayProtocol.Command.STREAM_SIGN.wireName())) {
            List<SignedStreams.SignedStream> signed = new ArrayList<>();
            for (String uri :
                    RelayJson.convert(command.args(), SignStreams.class).uris()) {
                signed.add(
                        new SignedStreams.SignedStream(uri, "https://music.example.net/stream/v1/resigned", expires));
            }
            IntStream.range(0, 1000)
                    .forEach(i -> signed.add(new SignedStreams.SignedStream(
                            "library://track/extra" + i, "https://music.example.net/stream/v1/x" + i, expires)));
            return RelayReply.ok(command.id(), RelayJson.tree(new SignedStreams(signed)), now);
        }
        ContentQuery query = RelayJson.convert(command.args(), ContentQuery.class);
        List<ResolvedTrack> tracks = new ArrayList<>();
        for (int i = 0; i < query.maxTracks() * 3; i++) {
            tracks.add(new ResolvedTrack(
                    "library://track/" + i,
                    i == 0 ? HUGE : i == 1 ? HOSTILE : "Track " + i,
                    IntStream.range(0, 50).mapToObj(a -> "Artist " + a).toList(),
                    i == 0 ? HUGE : "Album",
                    -5L,
                    "https://images.example.org/" + "a".repeat(5000),
                    false,
                    "https://music.example.net/stream/v1/t" + i,
                    expires));
        }
        ContentKind kind = query.kind() == ContentKind.ANY ? ContentKind.ARTIST : query.kind();
        return RelayReply.ok(
                command.id(),
                RelayJson.tree(new ResolvedContent(
                        kind, HUGE + query.name(), HOSTILE, null, "library://artist/1", false, tracks)),
                now);
    }

    static JsonNode search(String type, String value, List<String> log) {
        ObjectNode request = request("GetPlayableContent.request.json", user.token());
        request.with("payload")
                .with("selectionCriteria")
                .putArray("attributes")
                .addObject()
                .put("type", type)
                .put("value", value);
        Consumer<String> previous = JsonLog.setSink(log::add);
        try {
            return cloud.music(request.toString());
        } finally {
            JsonLog.setSink(previous);
        }
    }

    static String title(JsonNode item) {
        return item.path("metadata").path("name").path("speech").path("text").asText();
    }

    @Test
    void aTrackQueryAnsweredWithThreeTracksQueuesOne() {
        List<String> log = new ArrayList<>();
        JsonNode found = search("TRACK", "paranoid android", log);
        AlexaEnvelopes.assertMusic(found);
        assertEquals(
                "GetPlayableContent.Response", found.path("header").path("name").asText(), found.toString());
        assertEquals(
                1,
                RelayJson.convert(home.received().getLast().args(), ContentQuery.class)
                        .maxTracks());
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.contains("\"level\":\"WARN\"")
                                && l.contains("music.home_overanswered")
                                && l.contains("\"asked_tracks\":1")
                                && l.contains("\"got_tracks\":3")),
                String.join("\n", log));
        assertTrue(log.stream().noneMatch(l -> l.contains("\"level\":\"ERROR\"")), String.join("\n", log));

        String contentId = found.path("payload").path("content").path("id").asText();
        ObjectNode initiate = request("Initiate.request.json", user.token());
        initiate.with("payload").put("contentId", contentId);
        JsonNode method = cloud.music(initiate.toString()).path("payload").path("playbackMethod");
        String queueId = method.path("id").asText();
        JsonNode first = method.path("firstItem");
        assertFalse(first.isMissingNode(), method.toString());
        JsonNode next = cloud.music(withReference(
                        request("GetNextItem.request.json", user.token()),
                        first.path("id").asText(),
                        queueId,
                        contentId)
                .toString());
        AlexaEnvelopes.assertMusic(next);
        assertTrue(next.path("payload").path("isQueueFinished").asBoolean(), "one track was asked for: " + next);
    }

    @Test
    void textFromTheHomeIsCutAndCleanedAndTheAnswerStaysValid() {
        List<String> log = new ArrayList<>();
        JsonNode found = search("TRACK", "radiohead", log);
        AlexaEnvelopes.assertMusic(found);
        assertEquals(
                "GetPlayableContent.Response", found.path("header").path("name").asText(), found.toString());
        JsonNode content = found.path("payload").path("content");
        assertEquals(
                HomeContent.MAX_TEXT,
                content.path("metadata")
                        .path("name")
                        .path("speech")
                        .path("text")
                        .asText()
                        .length());
        assertTrue(
                content.path("id").asText().length() <= 4 + 6 + 2 * 97,
                content.path("id").asText());

        ObjectNode initiate = request("Initiate.request.json", user.token());
        initiate.with("payload").put("contentId", content.path("id").asText());
        initiate.with("payload").with("playbackModes").put("shuffle", false);
        JsonNode started = cloud.music(initiate.toString());
        AlexaEnvelopes.assertMusic(started);
        JsonNode first = started.path("payload").path("playbackMethod").path("firstItem");
        assertTrue(title(first).length() <= HomeContent.MAX_TEXT, title(first));
        assertTrue(first.path("metadata").path("authors").size() <= HomeContent.MAX_ARTISTS, first.toString());
        assertFalse(
                first.has("durationInMilliseconds")
                        && first.path("durationInMilliseconds").asLong() < 0,
                first.toString());
        assertTrue(first.path("metadata")
                        .path("art")
                        .path("sources")
                        .get(0)
                        .path("url")
                        .asText()
                        .length()
                <= HomeContent.MAX_URL);
        assertTrue(log.stream().noneMatch(l -> l.contains("\"level\":\"ERROR\"")), String.join("\n", log));
    }

    @Test
    void displayTextKeepsWhatAnyMessageMayHold() {
        assertEquals("LetDown (Remix)", HomeContent.text(HOSTILE));
        assertEquals("Let Down", HomeContent.text("Let\uD800 Down\uDC00"));
        assertEquals("Sigur Rós 坂本 \uD83C\uDFB5", HomeContent.text("Sigur Rós 坂本 \uD83C\uDFB5"));
        String cut = HomeContent.text("\uD83C\uDFB5".repeat(HomeContent.MAX_TEXT + 10));
        assertEquals(HomeContent.MAX_TEXT, cut.codePointCount(0, cut.length()));
        assertTrue(Character.isHighSurrogate(cut.charAt(cut.length() - 2)), "never cut inside a pair");
    }

    @Test
    void unusableIdentifiersMakeTheAnswerUnreadableNotAQueueEntry() {
        ResolvedTrack base = new ResolvedTrack(
                "library://track/1", "t", List.of(), null, null, null, false, "https://music.example.net/s", 0);
        ContentQuery query = new ContentQuery(ContentKind.TRACK, "x", null, false, 1, true);
        for (ResolvedTrack bad : List.of(
                new ResolvedTrack(
                        "library://track/" + "1".repeat(2000),
                        "t",
                        List.of(),
                        null,
                        null,
                        null,
                        false,
                        base.streamUrl(),
                        0),
                new ResolvedTrack(
                        "library://track/\uD800", "t", List.of(), null, null, null, false, base.streamUrl(), 0),
                base.withStream("https://music.example.net/" + "s".repeat(3000), 0),
                base.withStream("http://music.example.net/s", 0))) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.musicassistant.alexa.relay.RelayException.class,
                    () -> HomeContent.bounded(
                            new ResolvedContent(ContentKind.TRACK, "x", null, null, null, false, List.of(bad)), query));
            assertEquals(io.musicassistant.alexa.relay.RelayException.Failure.BAD_REPLY, e.failure());
        }
        List<SignedStreams.SignedStream> kept = HomeContent.bounded(
                new SignedStreams(List.of(
                        new SignedStreams.SignedStream("a", "https://x/a", 1),
                        new SignedStreams.SignedStream("b", "https://x/b", 1),
                        new SignedStreams.SignedStream("a", "https://x/a2", 1))),
                List.of("a"));
        assertEquals(
                List.of("https://x/a"),
                kept.stream().map(SignedStreams.SignedStream::url).toList());
    }
}
