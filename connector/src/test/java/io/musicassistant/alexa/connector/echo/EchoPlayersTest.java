package io.musicassistant.alexa.connector.echo;

import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.CloudStandIn;
import io.musicassistant.alexa.connector.SimulatorSupport;
import io.musicassistant.alexa.connector.commands.CommandExecutor;
import io.musicassistant.alexa.connector.commands.EchoQueueCommand;
import io.musicassistant.alexa.connector.content.ContentResolver;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.platform.Delivery;
import io.musicassistant.alexa.connector.players.MaPlayers;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.connector.slimproto.EchoMac;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.masim.player.PlaybackState;
import io.musicassistant.alexa.relay.protocol.EchoQueueReply;
import io.musicassistant.alexa.relay.protocol.EchoQueueRequest;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Echo players over real connections: the MA simulator (WebSocket and Slimproto), the relay API's
 * events route on the cloud stand-in (HTTP), and {@code echo.queue} through the command executor
 * as the relay worker runs it. "The user" is a second WebSocket client pressing buttons in MA.
 */
class EchoPlayersTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String KITCHEN = EchoMac.of(CloudStandIn.INSTANCE_ID, "kitchen-echo");

    static MaSimulator sim;
    static CloudStandIn cloud;
    static MaClient ma;
    static MaClient user;
    static PlayRequests requests;
    static EchoPlayers echo;
    static CommandExecutor executor;

    @BeforeAll
    static void start() {
        sim = MaSimulator.start(MaSimulator.Options.defaults().withSlimprotoHeartbeat(Duration.ofMillis(300)));
        cloud = CloudStandIn.start();
        RelayApiClient api = new RelayApiClient(cloud.uri());
        ma = new MaClient(URI.create(sim.wsUrl()), sim.adminToken(), new MaClient.Listener() {});
        ma.start();
        await("Music Assistant to connect", SimulatorSupport.CONNECT_TIMEOUT, ma::connected);
        user = SimulatorSupport.connectedClient(sim);
        requests = new PlayRequests(
                events -> api.events(CloudStandIn.INSTANCE_ID, CloudStandIn.SECRET, events), Duration.ofMillis(400));
        echo = new EchoPlayers(
                ma,
                "127.0.0.1",
                sim.slimprotoPort(),
                CloudStandIn.INSTANCE_ID,
                new EchoSettings(List.of("Kitchen Echo", "Office Echo")),
                requests);
        echo.start(true);
        await(
                "the Echo players to register",
                WAIT,
                () -> echo.byKey("kitchen-echo")
                                .map(p -> p.kept().maId() != null)
                                .orElse(false)
                        && sim.playerConfig(KITCHEN)
                                .map(c -> "none".equals(c.value("volume_control")))
                                .orElse(false));
        StreamSigner signer = signer();
        executor = new CommandExecutor(
                List.of(new EchoQueueCommand(new EchoQueue(ma, echo, new ContentResolver(ma, signer), signer))),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        echo.close();
        requests.close();
        user.close();
        ma.close();
        cloud.close();
        sim.close();
    }

    @BeforeEach
    void quiet() {
        user.call("player_queues/repeat", Map.of("queue_id", KITCHEN, "repeat_mode", "off"), WAIT);
        user.call("player_queues/shuffle", Map.of("queue_id", KITCHEN, "shuffle_enabled", false), WAIT);
    }

    @Test
    void eachEchoIsAVisiblePlayerInMaWithoutTheControlsAnEchoCannotHonour() {
        JsonNode kitchen = player(KITCHEN);
        assertEquals("Kitchen Echo (Alexa)", kitchen.path("name").asText());
        assertFalse(kitchen.path("hide_in_ui").asBoolean(true));
        assertEquals("none", kitchen.path("volume_control").asText());
        assertEquals("none", kitchen.path("power_control").asText());
        assertEquals("none", kitchen.path("mute_control").asText());
        assertTrue(kitchen.path("available").asBoolean());
        // the cloud hears of it as an Echo, named as the user named it, with nothing to control
        PlayerInfo info = MaPlayers.read(kitchen);
        assertEquals(PlayerInfo.TYPE_ECHO, info.type());
        assertEquals("Kitchen Echo", info.name());
        assertTrue(info.features().isEmpty());
        // volume from MA is refused, as MA refuses it for a player without volume control
        assertTrue(assertThrowsMa(
                () -> user.call("players/cmd/volume_set", Map.of("player_id", KITCHEN, "volume_level", 30), WAIT)));
        // two names, two players, two MACs of this home
        assertNotEquals(KITCHEN, EchoMac.of(CloudStandIn.INSTANCE_ID, "office-echo"));
        assertTrue(KITCHEN.startsWith(EchoMac.homePrefix(CloudStandIn.INSTANCE_ID)));
        assertEquals(List.of("Kitchen Echo", "Office Echo"), echo.names());
    }

    @Test
    void playInMaOpensTheTriggerAndClosesItAgain() {
        int before = events(PlayerEvent.PLAY_REQUESTED).size();
        playAlbum(0);
        await("play_requested", WAIT, () -> events(PlayerEvent.PLAY_REQUESTED).size() == before + 1);
        PlayerEvent requested = events(PlayerEvent.PLAY_REQUESTED).getLast();
        assertEquals(PlayerInfo.TYPE_ECHO, requested.player().type());
        assertEquals("Kitchen Echo", requested.player().name());
        await("play_request_reset", WAIT, () -> lastOfTwo().equals(PlayerEvent.PLAY_REQUEST_RESET));
    }

    @Test
    void theEchoFollowsMasQueueAndMaShowsWhatTheEchoPlays() {
        int before = events(PlayerEvent.PLAY_REQUESTED).size();
        List<String> album = playAlbum(1);
        int triggers = awaitTrigger(before);

        EchoQueueReply current = step(EchoQueueRequest.CURRENT, null, false);
        assertEquals(KITCHEN, current.playerId());
        assertEquals("Kitchen Echo", current.name());
        assertEquals(album.get(0), current.item().queueItemId());
        assertTrue(current.item().track().streamUrl().startsWith("https://music.home.example/"));
        assertTrue(current.item().offsetMs() < 5000, "starts where MA is: at the start");
        awaitCurrent(album.get(0));
        await(
                "MA to show it playing",
                WAIT,
                () -> sim.player(KITCHEN)
                        .map(p -> p.playbackState() == PlaybackState.PLAYING)
                        .orElse(false));
        SimulatorSupport.pause(1200);
        double elapsed = sim.player(KITCHEN).orElseThrow().elapsedTime();
        assertTrue(elapsed >= 0.5 && elapsed < 10, "MA's position follows the Echo's: " + elapsed);

        // the end of the track: the item after it
        EchoQueueReply second = step(EchoQueueRequest.NEXT, album.get(0), false);
        assertEquals(album.get(1), second.item().queueItemId());
        assertEquals(0, second.item().offsetMs());
        awaitCurrent(album.get(1));

        // "next" in MA while the Echo plays: no new trigger, MA's new current item comes next
        user.call("player_queues/next", Map.of("queue_id", KITCHEN), WAIT);
        awaitCurrent(album.get(2));
        EchoQueueReply third = step(EchoQueueRequest.NEXT, album.get(1), false);
        assertEquals(album.get(2), third.item().queueItemId());

        // an item added after the current one in MA plays next
        user.call(
                "player_queues/play_media",
                Map.of("queue_id", KITCHEN, "media", List.of(trackUri(5)), "option", "next"),
                WAIT);
        String added = queueItems().get(3);
        assertFalse(album.contains(added));
        assertEquals(
                added, step(EchoQueueRequest.NEXT, album.get(2), true).item().queueItemId());

        // an item removed in MA is skipped, and previous is the item before as the queue is now
        user.call("player_queues/delete_item", Map.of("queue_id", KITCHEN, "item_id_or_index", album.get(3)), WAIT);
        await("the delete", WAIT, () -> !queueItems().contains(album.get(3)));
        assertEquals(
                album.get(2),
                step(EchoQueueRequest.PREVIOUS, added, true).item().queueItemId());
        assertEquals(
                album.get(1),
                step(EchoQueueRequest.PREVIOUS, album.get(2), true).item().queueItemId());
        assertEquals(
                album.get(2),
                step(EchoQueueRequest.NEXT, album.get(1), true).item().queueItemId());
        assertEquals(
                added, step(EchoQueueRequest.NEXT, album.get(2), true).item().queueItemId());
        assertEquals(
                album.get(4), step(EchoQueueRequest.NEXT, added, true).item().queueItemId());

        SimulatorSupport.pause(300);
        assertEquals(triggers, events(PlayerEvent.PLAY_REQUESTED).size(), "MA's own steps are no plays");
    }

    @Test
    void repeatAndShuffleAsMasQueueSays() {
        int before = events(PlayerEvent.PLAY_REQUESTED).size();
        List<String> album = playAlbum(2);
        awaitTrigger(before);
        String last = album.getLast();
        user.call("player_queues/play_index", Map.of("queue_id", KITCHEN, "index", last), WAIT);
        step(EchoQueueRequest.CURRENT, null, false);
        assertNull(step(EchoQueueRequest.NEXT, last, false).item(), "the end without repeat");

        user.call("player_queues/repeat", Map.of("queue_id", KITCHEN, "repeat_mode", "all"), WAIT);
        EchoQueueReply wrapped = step(EchoQueueRequest.NEXT, last, false);
        assertEquals(album.getFirst(), wrapped.item().queueItemId());
        assertEquals("all", wrapped.repeat());

        user.call("player_queues/repeat", Map.of("queue_id", KITCHEN, "repeat_mode", "one"), WAIT);
        String first = album.getFirst();
        assertEquals(
                first,
                step(EchoQueueRequest.NEXT, first, false).item().queueItemId(),
                () -> "repeat one in " + album + " current " + currentItem());
        assertEquals(
                album.get(1), step(EchoQueueRequest.NEXT, first, true).item().queueItemId(), "a skip skips");

        user.call("player_queues/repeat", Map.of("queue_id", KITCHEN, "repeat_mode", "off"), WAIT);
        user.call("player_queues/shuffle", Map.of("queue_id", KITCHEN, "shuffle_enabled", true), WAIT);
        List<String> shuffled = queueItems();
        String now = currentItem();
        EchoQueueReply next = step(EchoQueueRequest.NEXT, now, false);
        assertTrue(next.shuffle());
        assertEquals(shuffled.get(shuffled.indexOf(now) + 1), next.item().queueItemId(), "MA's shuffled order");
    }

    @Test
    void theEchoStartsWhereMaIsAndMaKeepsItsPosition() {
        int before = events(PlayerEvent.PLAY_REQUESTED).size();
        List<String> album = playAlbum(6);
        awaitTrigger(before);
        user.call("player_queues/seek", Map.of("queue_id", KITCHEN, "position", 60), WAIT);
        SimulatorSupport.pause(400);
        EchoQueueReply current = step(EchoQueueRequest.CURRENT, null, false);
        assertEquals(album.getFirst(), current.item().queueItemId());
        assertTrue(
                current.item().offsetMs() >= 60_000 && current.item().offsetMs() < 62_000,
                "from MA's position: " + current.item().offsetMs());
        SimulatorSupport.pause(1200);
        double elapsed = sim.player(KITCHEN).orElseThrow().elapsedTime();
        assertTrue(elapsed >= 60.5 && elapsed < 64, "MA's position is the Echo's: " + elapsed);
    }

    @Test
    void aSecondPlayWhileTheEchoPlaysTriggersAgain() {
        int before = events(PlayerEvent.PLAY_REQUESTED).size();
        playAlbum(3);
        int first = awaitTrigger(before);
        step(EchoQueueRequest.CURRENT, null, false); // the Echo plays
        // a jump within the queue is not a play
        user.call("player_queues/play_index", Map.of("queue_id", KITCHEN, "index", 2), WAIT);
        SimulatorSupport.pause(500);
        assertEquals(first, events(PlayerEvent.PLAY_REQUESTED).size());
        // another album replaces the queue: a new play
        playAlbum(4);
        assertEquals(first + 1, awaitTrigger(first), "a second play_requested");
    }

    @Test
    void stopInMaEndsTheEchoAfterItsTrack() {
        int before = events(PlayerEvent.PLAY_REQUESTED).size();
        List<String> album = playAlbum(5);
        awaitTrigger(before);
        step(EchoQueueRequest.CURRENT, null, false);
        user.call("player_queues/stop", Map.of("queue_id", KITCHEN), WAIT);
        await(
                "MA to stop the player",
                WAIT,
                () -> echo.byKey("kitchen-echo").orElseThrow().stoppedInMa());
        assertNull(step(EchoQueueRequest.NEXT, album.getFirst(), false).item());
    }

    @Test
    void unknownEchoAndMusicAssistantAway() {
        assertEquals(RelayError.NOT_FOUND, error(request("hallway-echo", EchoQueueRequest.CURRENT, null)));
        MaClient away = new MaClient(URI.create(sim.wsUrl()), sim.adminToken(), new MaClient.Listener() {});
        StreamSigner signer = signer();
        CommandExecutor offline = new CommandExecutor(
                List.of(new EchoQueueCommand(new EchoQueue(away, echo, new ContentResolver(away, signer), signer))),
                Clock.systemUTC());
        RelayReply reply = offline.execute(command(request("kitchen-echo", EchoQueueRequest.CURRENT, null)));
        assertEquals(RelayError.PLAYER_UNAVAILABLE, reply.error().code());
    }

    @Test
    void anEchoNoLongerNamedLeavesMusicAssistant() {
        String old = EchoMac.of(CloudStandIn.INSTANCE_ID, "garden-echo");
        try (EchoPlayers before = new EchoPlayers(
                ma,
                "127.0.0.1",
                sim.slimprotoPort(),
                CloudStandIn.INSTANCE_ID,
                new EchoSettings(List.of("Garden Echo")),
                new PlayRequests(events -> Delivery.DELIVERED))) {
            before.start(true);
            await("the Garden Echo player", WAIT, () -> sim.player(old).isPresent());
            // MA refuses to remove a registered player's config: the removal waits for the next tick
            assertFalse(echo.removeUnnamed(), "a refused removal is tried again");
            assertTrue(sim.playerConfig(old).isPresent());
        }
        await(
                "the Garden Echo player to disconnect",
                WAIT,
                () -> sim.player(old).isEmpty());
        assertTrue(sim.playerConfig(old).isPresent(), "MA keeps a gone player's config");
        assertTrue(echo.removeUnnamed());
        assertTrue(sim.playerConfig(old).isEmpty(), "the unnamed Echo player's config is gone");
        assertTrue(sim.playerConfig(KITCHEN).isPresent(), "a named one stays");
        await(
                "the cloud to hear of it",
                WAIT,
                () -> cloud.acceptedEvents(old).stream().anyMatch(e -> e.type().equals(PlayerEvent.REMOVED)));
    }

    // ---------------------------------------------------------------- helpers

    private static StreamSigner signer() {
        return new StreamSigner(
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
                "https://music.home.example",
                Duration.ofHours(24),
                Clock.systemUTC());
    }

    private static boolean assertThrowsMa(Runnable call) {
        try {
            call.run();
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static JsonNode player(String id) {
        return ma.call("players/get", Map.of("player_id", id), WAIT);
    }

    /** Plays the n-th set of six library tracks on the Kitchen Echo in MA, as the user would; its queue item ids. */
    private static List<String> playAlbum(int n) {
        List<String> uris = new ArrayList<>();
        user.call("music/tracks/library_items", Map.of("limit", 6, "offset", 20 + 6 * n), WAIT)
                .forEach(t -> uris.add(t.path("uri").asText()));
        // past the connector's quiet time (EchoPlayers.TRIGGER_QUIET) since any earlier test's play:
        // presses closer together are one play
        SimulatorSupport.pause(1200);
        user.call("player_queues/play_media", Map.of("queue_id", KITCHEN, "media", uris, "option", "replace"), WAIT);
        List<String> items = queueItems();
        assertEquals(6, items.size());
        return items;
    }

    private static String trackUri(int n) {
        return user.call("music/tracks/library_items", Map.of("limit", 1, "offset", n), WAIT)
                .get(0)
                .path("uri")
                .asText();
    }

    private static List<String> queueItems() {
        List<String> ids = new ArrayList<>();
        user.call("player_queues/items", Map.of("queue_id", KITCHEN, "limit", 500, "offset", 0), WAIT)
                .forEach(i -> ids.add(i.path("queue_item_id").asText()));
        return ids;
    }

    private static String currentItem() {
        return user.call("player_queues/get", Map.of("queue_id", KITCHEN), WAIT)
                .path("current_item")
                .path("queue_item_id")
                .asText();
    }

    private static void awaitCurrent(String queueItemId) {
        await("MA's current item " + queueItemId, WAIT, () -> queueItemId.equals(currentItem()));
    }

    /** Waits for the trigger of the play just pressed; the count of triggers so far. */
    private static int awaitTrigger(int before) {
        await("the trigger", WAIT, () -> events(PlayerEvent.PLAY_REQUESTED).size() > before);
        SimulatorSupport.pause(300);
        return events(PlayerEvent.PLAY_REQUESTED).size();
    }

    private static List<PlayerEvent> events(String type) {
        return cloud.acceptedEvents(KITCHEN).stream()
                .filter(e -> e.type().equals(type))
                .toList();
    }

    private static String lastOfTwo() {
        List<PlayerEvent> triggers = cloud.acceptedEvents(KITCHEN).stream()
                .filter(e -> e.type().startsWith("play_request"))
                .toList();
        return triggers.getLast().type();
    }

    private static EchoQueueRequest request(String echoKey, String step, String after) {
        return new EchoQueueRequest(echoKey, step, after, false);
    }

    private static RelayCommand command(EchoQueueRequest request) {
        long now = System.currentTimeMillis();
        return new RelayCommand(
                RelayProtocol.VERSION,
                UUID.randomUUID().toString(),
                RelayProtocol.Command.ECHO_QUEUE.wireName(),
                RelayJson.tree(request),
                now + 10_000,
                now);
    }

    private static EchoQueueReply step(String step, String after, boolean userInitiated) {
        RelayReply reply = executor.execute(command(new EchoQueueRequest("kitchen-echo", step, after, userInitiated)));
        assertTrue(reply.isOk(), () -> "echo.queue " + step + ": " + reply.error());
        assertNotNull(reply.result());
        return RelayJson.convert(reply.result(), EchoQueueReply.class);
    }

    private static String error(EchoQueueRequest request) {
        RelayReply reply = executor.execute(command(request));
        assertFalse(reply.isOk());
        return reply.error().code();
    }
}
