package io.musicassistant.alexa.masim;

import static io.musicassistant.alexa.masim.WsTestClient.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.player.PlaybackState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins player and queue behaviour (spec §3.5, §3.6, §1.10): commands, their silent ignores and
 * errors, and the events they cause. Each test gets a fresh simulator because commands change
 * state.
 */
class PlayersAndQueuesTest {

    private static final String KITCHEN = "RINCON_48A6B8C1D2E301400";
    private static final String LIVING_ROOM = "3f7b2c9e-8a41-4c1d-9b0e-6d2f5a8c1e47";
    private static final String BEDROOM = "ap7a3c91d0e2f4";
    private static final String DOWNSTAIRS = "ugp_5d0e7f3a9b2c";
    private static final String GARAGE = "00:04:20:2a:7c:19";

    private MaSimulator ma;
    private WsTestClient client;

    @BeforeEach
    void start() {
        ma = MaSimulator.start(MaSimulator.Options.defaults());
        client = WsTestClient.authenticated(ma, ma.userToken());
    }

    @AfterEach
    void stop() {
        client.close();
        ma.close();
    }

    @Test
    void playersAllListsTheSeededPlayersWithMaAliases() {
        JsonNode players = client.call("players/all", null).path("result");
        assertEquals(5, players.size());
        JsonNode bedroom = find(players, BEDROOM);
        assertEquals("Bedroom", bedroom.path("display_name").asText());
        assertEquals("idle", bedroom.path("state").asText());
        assertTrue(bedroom.path("powered").asBoolean(), "powered null with power_control none reads true");
        assertTrue(bedroom.has("group_childs") && bedroom.has("extra_data") && bedroom.has("hide_player_in_ui"));
        assertEquals(
                "7A:3C:91:D0:E2:F4",
                bedroom.path("device_info").path("mac_address").asText());
        assertFalse(find(players, GARAGE).path("available").asBoolean());
        assertEquals(
                List.of(KITCHEN, LIVING_ROOM), strings(find(players, DOWNSTAIRS).path("group_members")));
    }

    @Test
    void playersGetReturnsNullForAnUnknownPlayer() {
        JsonNode reply = client.call("players/get", args("player_id", "no-such-player"));
        assertTrue(reply.has("result") && reply.path("result").isNull(), reply.toString());
        JsonNode raising = client.call("players/get", args("player_id", "no-such-player", "raise_unavailable", true));
        assertEquals(10, raising.path("error_code").asInt());
        assertEquals(
                "Player no-such-player is not available",
                raising.path("details").asText());
    }

    @Test
    void playerCommandsOnUnknownOrUnavailablePlayersAreSilentlyIgnored() {
        JsonNode unknown = client.call("players/cmd/volume_set", args("player_id", "nope", "volume_level", 10));
        assertTrue(unknown.path("result").isNull() && !unknown.has("error_code"), unknown.toString());
        JsonNode unavailable = client.call("players/cmd/play", args("player_id", GARAGE));
        assertTrue(unavailable.path("result").isNull() && !unavailable.has("error_code"), unavailable.toString());
        assertEquals(50, ma.player(GARAGE).orElseThrow().volumeLevel());
    }

    @Test
    void volumeSetEmitsPlayerUpdatedWithTheFullPlayer() {
        JsonNode reply = client.call("players/cmd/volume_set", args("player_id", LIVING_ROOM, "volume_level", 42));
        assertTrue(reply.path("result").isNull());
        JsonNode event = client.awaitEvent("player_updated", LIVING_ROOM);
        assertEquals(42, event.path("data").path("volume_level").asInt());
        assertEquals("Living Room", event.path("data").path("name").asText());
        assertEquals(42, ma.player(LIVING_ROOM).orElseThrow().volumeLevel());
    }

    @Test
    void volumeStepsFollowMasOneTwoFiveRule() {
        int[][] cases = {{3, 4}, {18, 20}, {50, 55}, {97, 98}, {82, 84}};
        for (int[] c : cases) {
            ma.updatePlayer(LIVING_ROOM, p -> p.withVolumeLevel(c[0]));
            client.call("players/cmd/volume_up", args("player_id", LIVING_ROOM));
            assertEquals(c[1], ma.player(LIVING_ROOM).orElseThrow().volumeLevel(), "volume_up from " + c[0]);
        }
        ma.updatePlayer(LIVING_ROOM, p -> p.withVolumeLevel(0));
        client.call("players/cmd/volume_down", args("player_id", LIVING_ROOM));
        assertEquals(0, ma.player(LIVING_ROOM).orElseThrow().volumeLevel(), "never below 0");
    }

    @Test
    void groupVolumeShiftsPoweredMembersByTheDifference() {
        ma.updatePlayer(LIVING_ROOM, p -> p.withPowered(true).withVolumeLevel(20));
        // group volume is the average of the powered members: (35 + 20) / 2 ≈ 28
        client.call("players/cmd/group_volume", args("player_id", DOWNSTAIRS, "volume_level", 38));
        assertEquals(45, ma.player(KITCHEN).orElseThrow().volumeLevel());
        assertEquals(30, ma.player(LIVING_ROOM).orElseThrow().volumeLevel());
    }

    @Test
    void pauseOnAQueueDrivenPlayerPausesTheQueueAndEmitsBothEvents() {
        client.call("players/cmd/play", args("player_id", KITCHEN));
        assertEquals(
                "playing",
                client.awaitEvent("player_updated", KITCHEN)
                        .path("data")
                        .path("state")
                        .asText());
        client.call("players/cmd/pause", args("player_id", KITCHEN));
        JsonNode player = client.awaitEvent("player_updated", KITCHEN);
        assertEquals("paused", player.path("data").path("playback_state").asText());
        JsonNode queue =
                client.awaitFrame(f -> "queue_updated".equals(f.path("event").asText(null))
                        && "paused".equals(f.path("data").path("state").asText()));
        assertEquals(83, queue.path("data").path("elapsed_time").asInt(), "position kept while paused");
        assertEquals(PlaybackState.PAUSED, ma.player(KITCHEN).orElseThrow().playbackState());
    }

    @Test
    void guestOnlyReceivesEventsOfPlayersInItsFilter() {
        try (WsTestClient guest = WsTestClient.authenticated(ma, ma.guestToken())) {
            client.call("players/cmd/volume_set", args("player_id", LIVING_ROOM, "volume_level", 11));
            client.call("players/cmd/volume_set", args("player_id", BEDROOM, "volume_level", 13));
            JsonNode bedroom = guest.awaitEvent("player_updated", BEDROOM);
            assertEquals(13, bedroom.path("data").path("volume_level").asInt());
            boolean sawLivingRoom = guest.drain().stream()
                    .anyMatch(f -> LIVING_ROOM.equals(f.path("object_id").asText(null)));
            assertFalse(sawLivingRoom, "Living Room is outside the guest's player_filter");
            assertEquals(2, guest.call("players/all", null).path("result").size());
            JsonNode denied = guest.call("players/cmd/volume_set", args("player_id", LIVING_ROOM, "volume_level", 1));
            assertEquals(22, denied.path("error_code").asInt());
            assertEquals(
                    "kids-room does not have access to player Living Room",
                    denied.path("details").asText());
        }
    }

    @Test
    void playMediaWithAnAlbumReplacesTheQueueAndStartsPlaying() {
        Album album = ma.library().albumNamed("Kind of Blue");
        JsonNode reply = client.call("player_queues/play_media", args("queue_id", LIVING_ROOM, "media", album.uri()));
        assertTrue(reply.path("result").isNull(), reply.toString());
        // "replace" first clears the queue (an items event with 0 items), then loads the album
        JsonNode cleared = client.awaitEvent("queue_items_updated", LIVING_ROOM);
        assertEquals(0, cleared.path("data").path("items").asInt());
        JsonNode loaded = client.awaitEvent("queue_items_updated", LIVING_ROOM);
        assertEquals(album.trackIds().size(), loaded.path("data").path("items").asInt());
        JsonNode playing =
                client.awaitFrame(f -> "queue_updated".equals(f.path("event").asText(null))
                        && "playing".equals(f.path("data").path("state").asText()));
        assertEquals(0, playing.path("data").path("current_index").asInt());
        assertEquals(
                "So What",
                playing.path("data")
                        .path("current_item")
                        .path("media_item")
                        .path("name")
                        .asText());
        JsonNode items = client.call("player_queues/items", args("queue_id", LIVING_ROOM))
                .path("result");
        assertEquals(album.trackIds().size(), items.size());
        assertEquals("Miles Davis - Blue in Green", items.get(2).path("name").asText());
        JsonNode player =
                client.call("players/get", args("player_id", LIVING_ROOM)).path("result");
        assertEquals(
                album.trackIds().get(0),
                player.path("current_media").path("uri").asText().replace("library://track/", ""));
        assertTrue(player.path("powered").asBoolean(), "playing powers the player on");
    }

    @Test
    void moveItemShiftsAnItemAfterTheOneBufferedAndRefusesOnesAlreadyBuffered() {
        Album album = ma.library().albumNamed("Kind of Blue");
        client.call("player_queues/play_media", args("queue_id", LIVING_ROOM, "media", album.uri()));
        JsonNode items = client.call("player_queues/items", args("queue_id", LIVING_ROOM))
                .path("result");
        String fourth = items.get(3).path("queue_item_id").asText();
        client.call("player_queues/move_item", args("queue_id", LIVING_ROOM, "queue_item_id", fourth, "pos_shift", -2));
        JsonNode moved = client.call("player_queues/items", args("queue_id", LIVING_ROOM))
                .path("result");
        assertEquals(fourth, moved.get(1).path("queue_item_id").asText(), "two places up: right after the first");
        assertEquals(
                items.get(1).path("queue_item_id").asText(),
                moved.get(2).path("queue_item_id").asText());
        JsonNode buffered = client.call(
                "player_queues/move_item",
                args(
                        "queue_id",
                        LIVING_ROOM,
                        "queue_item_id",
                        items.get(0).path("queue_item_id").asText()));
        assertEquals("0 is already played/buffered", buffered.path("details").asText(), buffered.toString());

        // pos_shift 0 while playing: right after the current item; a shift before it does nothing
        String last = moved.get(moved.size() - 1).path("queue_item_id").asText();
        client.call("player_queues/move_item", args("queue_id", LIVING_ROOM, "queue_item_id", last, "pos_shift", 0));
        client.call("player_queues/move_item", args("queue_id", LIVING_ROOM, "queue_item_id", fourth, "pos_shift", -5));
        JsonNode next = client.call("player_queues/items", args("queue_id", LIVING_ROOM))
                .path("result");
        assertEquals(last, next.get(1).path("queue_item_id").asText(), "to play next");
        assertEquals(fourth, next.get(2).path("queue_item_id").asText(), "not moved before the current item");
        assertEquals(moved.size(), next.size());
    }

    @Test
    void playMediaExpandsAPlaylistAndPlaysARadioAsOneItem() {
        String roadTrip = ma.library().playlistNamed("Road Trip").uri();
        client.call("player_queues/play_media", args("queue_id", BEDROOM, "media", roadTrip, "option", "replace"));
        JsonNode queue =
                client.call("player_queues/get", args("queue_id", BEDROOM)).path("result");
        assertEquals(
                ma.library()
                        .playlistTracks(ma.library().playlistNamed("Road Trip").itemId())
                        .size(),
                queue.path("items").asInt());
        String radio = ma.library().radioNamed("BBC Radio 2").uri();
        client.call("player_queues/play_media", args("queue_id", BEDROOM, "media", List.of(radio)));
        JsonNode after =
                client.call("player_queues/get", args("queue_id", BEDROOM)).path("result");
        assertEquals(1, after.path("items").asInt(), "radio replaces by default");
        assertEquals("BBC Radio 2", after.path("current_item").path("name").asText());
        assertEquals(
                0,
                after.path("current_item").path("media_item").path("duration").asInt());
    }

    @Test
    void playMediaWithNothingPlayableIs2AndAnUnknownQueueIs10() {
        JsonNode nothing = client.call(
                "player_queues/play_media",
                args("queue_id", LIVING_ROOM, "media", List.of("library://track/999999", "not a uri")));
        assertEquals(2, nothing.path("error_code").asInt());
        assertEquals("No playable items found", nothing.path("details").asText());
        JsonNode unknown =
                client.call("player_queues/play_media", args("queue_id", "nope", "media", "library://track/1"));
        assertEquals(10, unknown.path("error_code").asInt());
        assertEquals("Queue nope is not available", unknown.path("details").asText());
    }

    @Test
    void queueShuffleAndRepeatOnAnUnknownQueueAreKeyErrors() {
        JsonNode shuffle = client.call("player_queues/shuffle", args("queue_id", "nope", "shuffle_enabled", true));
        assertEquals(999, shuffle.path("error_code").asInt());
        assertEquals("'nope'", shuffle.path("details").asText());
        JsonNode repeat = client.call("player_queues/repeat", args("queue_id", "nope", "repeat_mode", "all"));
        assertEquals("'nope'", repeat.path("details").asText());
        assertTrue(client.call("player_queues/get", args("queue_id", "nope"))
                .path("result")
                .isNull());
        assertEquals(
                0,
                client.call("player_queues/items", args("queue_id", "nope"))
                        .path("result")
                        .size());
    }

    @Test
    void nextOnAnInactiveQueueIs12AndOnTheActiveOneAdvances() {
        JsonNode inactive = client.call("player_queues/next", args("queue_id", LIVING_ROOM));
        assertEquals(12, inactive.path("error_code").asInt());
        assertEquals(
                "Queue " + LIVING_ROOM + " is not active",
                inactive.path("details").asText());
        client.call("player_queues/next", args("queue_id", KITCHEN));
        JsonNode queue =
                client.call("player_queues/get", args("queue_id", KITCHEN)).path("result");
        assertEquals(11, queue.path("current_index").asInt());
        assertEquals(
                "God Save the Queen",
                queue.path("current_item").path("media_item").path("name").asText());
        assertEquals("playing", queue.path("state").asText());
    }

    @Test
    void shuffleAndRepeatChangeTheQueueAndEmitQueueUpdated() {
        client.call("player_queues/repeat", args("queue_id", KITCHEN, "repeat_mode", "all"));
        assertEquals(
                "all",
                client.awaitEvent("queue_updated", KITCHEN)
                        .path("data")
                        .path("repeat_mode")
                        .asText());
        client.call("player_queues/shuffle", args("queue_id", KITCHEN, "shuffle_enabled", true));
        JsonNode items = client.awaitEvent("queue_items_updated", KITCHEN);
        assertTrue(items.path("data").path("shuffle_enabled").asBoolean());
        JsonNode unknownMode =
                client.call("player_queues/repeat", args("queue_id", KITCHEN, "repeat_mode", "sometimes"));
        assertTrue(unknownMode.path("result").isNull(), "unknown enum strings are accepted as 'unknown'");
    }

    @Test
    void resumeOnAnEmptyQueueIs8AndTransferMovesTheItems() {
        JsonNode empty = client.call("player_queues/resume", args("queue_id", BEDROOM));
        assertEquals(8, empty.path("error_code").asInt());
        assertEquals(
                "Resume queue requested but queue Bedroom is empty",
                empty.path("details").asText());
        client.call(
                "player_queues/transfer",
                args("source_queue_id", KITCHEN, "target_queue_id", BEDROOM, "auto_play", true));
        JsonNode bedroom =
                client.call("player_queues/get", args("queue_id", BEDROOM)).path("result");
        assertEquals(12, bedroom.path("items").asInt());
        assertEquals("playing", bedroom.path("state").asText());
        assertEquals(
                0,
                client.call("player_queues/get", args("queue_id", KITCHEN))
                        .path("result")
                        .path("items")
                        .asInt());
    }

    @Test
    void seekOnAPlayerWhoseSourceCannotSeekIsWrappedInto11OnStable() {
        ma.updatePlayer(BEDROOM, p -> p.withActiveSource("airplay_receiver"));
        JsonNode reply = client.call("players/cmd/seek", args("player_id", BEDROOM, "position", 30));
        assertEquals(11, reply.path("error_code").asInt());
        assertEquals(
                "Player Bedroom does not support seeking", reply.path("details").asText());
    }

    @Test
    void updatePlayerEmitsPlayerUpdated() {
        ma.updatePlayer(GARAGE, p -> p.withAvailable(true).withName("Garage Radio"));
        JsonNode event = client.awaitEvent("player_updated", GARAGE);
        assertTrue(event.path("data").path("available").asBoolean());
        assertEquals("Garage Radio", event.path("data").path("display_name").asText());
    }

    private static JsonNode find(JsonNode players, String playerId) {
        for (JsonNode player : players) {
            if (player.path("player_id").asText().equals(playerId)) {
                return player;
            }
        }
        throw new AssertionError("no player " + playerId + " in " + players);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
