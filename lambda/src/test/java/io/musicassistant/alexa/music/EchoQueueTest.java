package io.musicassistant.alexa.music;

import static io.musicassistant.alexa.testing.Directives.assertShape;
import static io.musicassistant.alexa.testing.Directives.fixture;
import static io.musicassistant.alexa.testing.Directives.request;
import static io.musicassistant.alexa.testing.Directives.withReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.relay.protocol.EchoQueueReply;
import io.musicassistant.alexa.relay.protocol.EchoQueueRequest;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.Command;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.testing.AlexaEnvelopes;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedHome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Echo player's Music Assistant queue played through the music skill (issue 16): the real skill,
 * Moto's DynamoDB and ElasticMQ, and at the home end a scripted Music Assistant queue that answers
 * {@code echo.queue} as the connector does and that the test changes between Alexa's steps, as a
 * user in MA's UI would.
 */
class EchoQueueTest {

    static final String CONTENT_ID = "ma1:echo:kitchen-echo";
    static final String PLAYER_ID = "alexa_echo_kitchen";

    static CloudFixture cloud;
    CloudFixture.User user;
    CloudFixture.Home paired;
    ScriptedHome home;
    final MaQueue queue = new MaQueue();

    /** Music Assistant's queue of the Echo player, as the connector reads it. */
    static final class MaQueue {
        final List<String> items = new ArrayList<>(List.of("q1", "q2", "q3", "q4"));
        int current = 1;
        boolean shuffle;
        String repeat = "off";
        final List<EchoQueueRequest> steps = new ArrayList<>();
        final List<PlayerAction> actions = new ArrayList<>();

        synchronized RelayReply answer(RelayCommand command) {
            long now = System.currentTimeMillis();
            if (command.command().equals(Command.PLAYER_CONTROL.wireName())) {
                PlayerAction action = RelayJson.convert(command.args(), PlayerAction.class);
                actions.add(action);
                if (action.action() == PlayerAction.Action.SHUFFLE) {
                    shuffle = action.on();
                } else {
                    repeat = action.repeat();
                }
                return RelayReply.ok(command.id(), RelayJson.tree(Map.of("player_id", PLAYER_ID)), now);
            }
            EchoQueueRequest step = RelayJson.convert(command.args(), EchoQueueRequest.class);
            steps.add(step);
            if (!step.echo().equals("kitchen-echo")) {
                return RelayReply.error(command.id(), new RelayError(RelayError.NOT_FOUND, "no such Echo"), now);
            }
            long offset = 0;
            int at;
            if (step.step().equals(EchoQueueRequest.CURRENT)) {
                at = items.isEmpty() ? -1 : current;
                offset = 42_000;
            } else {
                int from = items.indexOf(step.after());
                int to = from < 0 ? current : from + (step.step().equals(EchoQueueRequest.NEXT) ? 1 : -1);
                if (to >= items.size() && "all".equals(repeat)) {
                    to = 0;
                }
                at = to >= 0 && to < items.size() ? to : -1;
                if (at >= 0) {
                    current = at;
                }
            }
            EchoQueueReply.EchoItem item =
                    at < 0 ? null : new EchoQueueReply.EchoItem(items.get(at), track(items.get(at)), offset);
            return RelayReply.ok(
                    command.id(),
                    RelayJson.tree(new EchoQueueReply(PLAYER_ID, "Kitchen Echo", item, shuffle, repeat)),
                    now);
        }

        static ResolvedTrack track(String queueItemId) {
            return new ResolvedTrack(
                    "library://track/" + queueItemId,
                    "Track " + queueItemId,
                    List.of("Radiohead"),
                    "OK Computer",
                    240_000L,
                    "https://images.example.org/okc.jpg",
                    false,
                    "https://music.example.net/stream/v1/" + queueItemId,
                    System.currentTimeMillis() + 24 * 3600_000L);
        }
    }

    @BeforeAll
    static void cloud() {
        cloud = CloudFixture.create();
    }

    @BeforeEach
    void setUp() {
        user = cloud.newUser();
        paired = cloud.pairedHome(user);
        home = new ScriptedHome(cloud, paired, queue::answer);
    }

    @AfterEach
    void tearDown() {
        home.close();
    }

    ObjectNode searchForTheEcho(String contentId) {
        ObjectNode request = request("GetPlayableContent.request.json", user.token());
        var attributes = request.with("payload").with("selectionCriteria").putArray("attributes");
        attributes.addObject().put("type", "PLAYLIST").put("entityId", contentId);
        return request;
    }

    JsonNode initiate() {
        ObjectNode initiate = request("Initiate.request.json", user.token());
        initiate.with("payload").put("contentId", CONTENT_ID);
        return cloud.music(initiate.toString());
    }

    JsonNode step(String fixture, JsonNode item, String queueId, boolean userInitiated) {
        ObjectNode request =
                withReference(request(fixture, user.token()), item.path("id").asText(), queueId, CONTENT_ID);
        if (request.path("payload").has("isUserInitiated")) {
            ((ObjectNode) request.get("payload")).put("isUserInitiated", userInitiated);
        }
        return cloud.music(request.toString());
    }

    static String maItem(JsonNode item) {
        return EchoItemId.parse(item.path("id").asText()).orElseThrow().queueItemId();
    }

    @Test
    void theCatalogEntityOfAnEchoIsAPlaylistNamedAfterItAndAskingDoesNotMoveMaQueue() {
        JsonNode answer = cloud.music(searchForTheEcho(CONTENT_ID).toString());
        assertShape(fixture("GetPlayableContent.response.playlist.json"), answer, "");
        JsonNode content = answer.path("payload").path("content");
        assertEquals(CONTENT_ID, content.path("id").asText());
        assertEquals("PLAYLIST", content.path("metadata").path("type").asText());
        assertEquals(
                "Kitchen Echo",
                content.path("metadata")
                        .path("name")
                        .path("speech")
                        .path("text")
                        .asText());
        assertEquals(1, queue.current, "current moves nothing in MA's queue");
        assertEquals(EchoQueueRequest.CURRENT, queue.steps.getLast().step());
    }

    @Test
    void initiatePlaysMaQueueFromItsCurrentItemAndPosition() throws InterruptedException {
        JsonNode answer = initiate();
        assertShape(fixture("Initiate.response.json"), answer, "");
        JsonNode first = answer.path("payload").path("playbackMethod").path("firstItem");
        assertEquals("q2", maItem(first));
        assertEquals(
                "Track q2",
                first.path("metadata").path("name").path("speech").path("text").asText());
        assertEquals(42_000, first.path("stream").path("offsetInMilliseconds").asLong());
        assertEquals(
                "https://music.example.net/stream/v1/q2",
                first.path("stream").path("uri").asText());
        assertTrue(QueueId.parse(
                        answer.path("payload").path("playbackMethod").path("id").asText())
                .isPresent());
        assertEquals(1, queue.steps.size(), "Music Assistant's queue is asked once: " + queue.steps);
        // The home is told to have the track's audio ready; the hint arrives on its own time.
        long until = System.currentTimeMillis() + 10_000;
        while (home.hints().isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertEquals(Command.STREAM_PREFETCH.wireName(), home.hints().getFirst().command());
        assertTrue(home.hints().getFirst().args().toString().contains("library://track/q2"));
    }

    @Test
    void nextAndPreviousFollowMaQueueAsItIsWhenAlexaAsks() {
        JsonNode initiated = initiate();
        String queueId =
                initiated.path("payload").path("playbackMethod").path("id").asText();
        JsonNode first = initiated.path("payload").path("playbackMethod").path("firstItem");

        // In MA's UI the user adds a track right after the one the Echo plays.
        synchronized (queue) {
            queue.items.add(2, "q-added");
        }
        JsonNode next = step("GetNextItem.request.json", first, queueId, false);
        assertShape(fixture("GetNextItem.response.json"), next, "");
        assertFalse(next.path("payload").path("isQueueFinished").asBoolean());
        JsonNode added = next.path("payload").path("item");
        assertEquals("q-added", maItem(added));
        assertEquals(0, added.path("stream").path("offsetInMilliseconds").asLong());
        assertEquals(new EchoQueueRequest("kitchen-echo", EchoQueueRequest.NEXT, "q2", false), queue.steps.getLast());

        // Then they move q4 before q3: the next track is q4.
        synchronized (queue) {
            queue.items.remove("q4");
            queue.items.add(3, "q4");
        }
        JsonNode moved = step("GetNextItem.request.json", added, queueId, true)
                .path("payload")
                .path("item");
        assertEquals("q4", maItem(moved));
        assertTrue(queue.steps.getLast().userInitiated());
        assertTrue(!moved.path("id").asText().equals(added.path("id").asText()), "item ids stay unique");

        JsonNode back = step("GetPreviousItem.request.json", moved, queueId, true);
        assertShape(fixture("GetPreviousItem.response.json"), back, "");
        assertEquals("q-added", maItem(back.path("payload").path("item")));
        assertEquals(EchoQueueRequest.PREVIOUS, queue.steps.getLast().step());
    }

    @Test
    void theEndOfMaQueueFinishesAlexaQueueUnlessMaRepeatsAll() {
        synchronized (queue) {
            queue.current = 3;
        }
        JsonNode initiated = initiate();
        String queueId =
                initiated.path("payload").path("playbackMethod").path("id").asText();
        JsonNode last = initiated.path("payload").path("playbackMethod").path("firstItem");
        JsonNode end = step("GetNextItem.request.json", last, queueId, false);
        assertShape(fixture("GetNextItem.response.queue-finished.json"), end, "");
        assertTrue(end.path("payload").path("isQueueFinished").asBoolean());

        synchronized (queue) {
            queue.repeat = "all";
        }
        JsonNode again = step("GetNextItem.request.json", last, queueId, false);
        assertEquals("q1", maItem(again.path("payload").path("item")));
    }

    @Test
    void previousAtTheStartOfMaQueueIsItemNotFound() {
        synchronized (queue) {
            queue.current = 0;
        }
        JsonNode initiated = initiate();
        JsonNode answer = step(
                "GetPreviousItem.request.json",
                initiated.path("payload").path("playbackMethod").path("firstItem"),
                initiated.path("payload").path("playbackMethod").path("id").asText(),
                true);
        assertShape(fixture("GetPreviousItem.error.ITEM_NOT_FOUND.json"), answer, "");
    }

    @Test
    void shuffleAndRepeatAreMaQueueModes() {
        synchronized (queue) {
            queue.shuffle = true;
            queue.repeat = "one";
        }
        JsonNode initiated = initiate();
        Map<String, JsonNode> controls = new java.util.HashMap<>();
        initiated
                .path("payload")
                .path("playbackMethod")
                .path("controls")
                .forEach(c -> controls.put(c.path("name").asText(), c));
        assertTrue(controls.get("SHUFFLE").path("selected").asBoolean());
        assertFalse(controls.get("LOOP").path("selected").asBoolean());
        assertEquals("ON", controls.get("REPEAT").path("value").path("status").asText());

        String queueId =
                initiated.path("payload").path("playbackMethod").path("id").asText();
        JsonNode first = initiated.path("payload").path("playbackMethod").path("firstItem");
        JsonNode off = step("SetShuffle.request.disable.json", first, queueId, false);
        assertShape(fixture("SetShuffle.response.json"), off, "");
        JsonNode loop = step("SetLoop.request.json", first, queueId, false);
        assertEquals("Response", loop.path("header").path("name").asText(), loop.toString());
        assertEquals(
                List.of(
                        new PlayerAction(PLAYER_ID, PlayerAction.Action.SHUFFLE, null, false, null),
                        new PlayerAction(PLAYER_ID, PlayerAction.Action.REPEAT, null, null, "all")),
                queue.actions);
        assertFalse(queue.shuffle);
        assertEquals("all", queue.repeat);
    }

    @Test
    void anUnknownEchoIsContentNotFoundAndARemovedOneEndsItsQueue() {
        JsonNode unknown = cloud.music(searchForTheEcho("ma1:echo:garage-echo").toString());
        assertShape(fixture("GetPlayableContent.error.CONTENT_NOT_FOUND.json"), unknown, "");

        JsonNode initiated = initiate();
        String queueId =
                initiated.path("payload").path("playbackMethod").path("id").asText();
        ObjectNode next = withReference(
                request("GetNextItem.request.json", user.token()),
                initiated
                        .path("payload")
                        .path("playbackMethod")
                        .path("firstItem")
                        .path("id")
                        .asText(),
                queueId,
                "ma1:echo:garage-echo");
        JsonNode gone = cloud.music(next.toString());
        AlexaEnvelopes.assertMusic(gone);
        assertEquals("Alexa.Media", gone.path("header").path("namespace").asText(), gone.toString());
        assertEquals("ITEM_NOT_FOUND", gone.path("payload").path("type").asText());
    }

    @Test
    void getItemGetViewAndJumpServeMaCurrentItemOnlyAndAJumpKeepsAStreamProblem() {
        JsonNode initiated = initiate();
        String queueId =
                initiated.path("payload").path("playbackMethod").path("id").asText();
        JsonNode first = initiated.path("payload").path("playbackMethod").path("firstItem");
        String id = first.path("id").asText();

        JsonNode item = step("GetItem.request.json", first, queueId, false);
        assertShape(fixture("GetItem.response.json"), item, "");
        assertEquals(id, item.path("payload").path("item").path("id").asText());
        JsonNode view = step("GetView.request.json", first, queueId, false);
        assertShape(fixture("GetView.response.json"), view, "");
        assertEquals(1, view.path("payload").path("items").size(), view.toString());
        assertShape(fixture("JumpToItem.response.json"), jump(first, queueId, id), "");

        // MA moved on: the Echo's item is no longer a target.
        synchronized (queue) {
            queue.current = 2;
        }
        assertShape(fixture("JumpToItem.error.INVALID_ITEM.json"), jump(first, queueId, id), "");

        // A home whose stream base fails its self-test says so, not that the target is wrong.
        var beat = new HeartbeatRequest(
                "online",
                "test-1",
                new HeartbeatRequest.MaStatus(true, "sim", "2.9.0", 31),
                "https://music.example.net",
                new HeartbeatRequest.StreamStatus(false, "tls"));
        assertEquals(
                200,
                cloud.relay("POST", "/v1/homes/" + paired.instanceId() + "/heartbeat", paired.secret(), beat)
                        .status());
        JsonNode broken = jump(first, queueId, id);
        assertEquals("ACCOUNT_PROBLEM", broken.path("payload").path("type").asText(), broken.toString());
    }

    JsonNode jump(JsonNode from, String queueId, String target) {
        ObjectNode request = withReference(
                request("JumpToItem.request.json", user.token()),
                from.path("id").asText(),
                queueId,
                CONTENT_ID);
        ((ObjectNode) request.get("payload")).put("targetItemId", target);
        return cloud.music(request.toString());
    }

    @Test
    void anEmptyMaQueueIsContentNotFound() {
        synchronized (queue) {
            queue.items.clear();
        }
        JsonNode answer = initiate();
        assertShape(fixture("Initiate.error.CONTENT_NOT_FOUND.json"), answer, "");
    }

    @Test
    void anOfflineHomeIsAnInternalErrorNamingIt() {
        cloud.lastHeardLongAgo(paired);
        JsonNode answer = initiate();
        AlexaEnvelopes.assertMusic(answer);
        assertEquals("INTERNAL_ERROR", answer.path("payload").path("type").asText(), answer.toString());
        assertTrue(answer.path("payload").path("message").asText().contains("HOME_OFFLINE"));
        assertEquals(List.of(), queue.steps);
    }
}
