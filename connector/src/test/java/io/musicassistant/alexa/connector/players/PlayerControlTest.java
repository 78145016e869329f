package io.musicassistant.alexa.connector.players;

import static io.musicassistant.alexa.connector.SimulatorSupport.connectedClient;
import static io.musicassistant.alexa.connector.players.MaPlayersTest.BEDROOM;
import static io.musicassistant.alexa.connector.players.MaPlayersTest.DOWNSTAIRS;
import static io.musicassistant.alexa.connector.players.MaPlayersTest.GARAGE;
import static io.musicassistant.alexa.connector.players.MaPlayersTest.KITCHEN;
import static io.musicassistant.alexa.connector.players.MaPlayersTest.LIVING_ROOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.platform.CommandFailure;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.player.PlaybackState;
import io.musicassistant.alexa.masim.player.PlayerDevice;
import io.musicassistant.alexa.masim.player.PlayerFeature;
import io.musicassistant.alexa.masim.player.PlayerState;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.PlayResult;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerAction.Action;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.RelayError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link PlayerControl} against a fresh simulator per test: each action changes the simulated
 * player as Music Assistant would, answers the player's new state, and fails with the relay's error
 * codes before anything reaches Music Assistant when it cannot be done.
 */
class PlayerControlTest {

    static final Duration CALL = Duration.ofSeconds(5);

    MaSimulator sim;
    MaClient ma;
    PlayerControl control;
    Library lib;

    @BeforeAll
    static void warmUp() {
        WarmUp.once();
    }

    @BeforeEach
    void start() {
        sim = MaSimulator.start(MaSimulator.Options.defaults());
        lib = sim.library();
        ma = connectedClient(sim);
        control = Patient.control(ma);
    }

    @AfterEach
    void stop() {
        ma.close();
        sim.close();
    }

    // ------------------------------------------------------------------ helpers

    PlayerInfo act(String playerId, Action action) {
        return control.control(PlayerAction.of(playerId, action));
    }

    PlayerInfo act(String playerId, Action action, Integer value, Boolean on, String repeat) {
        return control.control(new PlayerAction(playerId, action, value, on, repeat));
    }

    PlayerState state(String playerId) {
        return sim.player(playerId).orElseThrow();
    }

    JsonNode queue(String queueId) {
        return ma.call("player_queues/get", Map.of("queue_id", queueId), CALL);
    }

    List<String> queueUris(String queueId) {
        List<String> uris = new ArrayList<>();
        ma.call("player_queues/items", Map.of("queue_id", queueId, "limit", 2000), CALL)
                .forEach(item -> uris.add(item.path("media_item").path("uri").asText()));
        return uris;
    }

    static List<String> uris(List<? extends MediaItem> items) {
        return items.stream().map(MediaItem::uri).toList();
    }

    static String failure(Executable call) {
        return assertThrows(CommandFailure.class, call).code();
    }

    /** Commands of the simulator's log that act on players or queues (reads excluded). */
    List<String> mutations() {
        return sim.commandLog().stream()
                .filter(c -> c.startsWith("players/cmd/")
                        || c.equals("player_queues/play_media")
                        || c.equals("player_queues/transfer")
                        || c.equals("player_queues/shuffle")
                        || c.equals("player_queues/repeat"))
                .toList();
    }

    static ContentQuery spoken(ContentKind kind, String name) {
        return new ContentQuery(kind, name, null, false, 500, true);
    }

    List<Track> operaTracks() {
        return lib.albumTracks(lib.albumNamed("A Night at the Opera").itemId());
    }

    // ------------------------------------------------------------------ transport

    @Test
    void playPauseAndStopChangeThePlaybackState() {
        assertEquals(PlaybackState.PAUSED, state(KITCHEN).playbackState());

        PlayerInfo playing = act(KITCHEN, Action.PLAY);
        assertEquals(PlaybackState.PLAYING, state(KITCHEN).playbackState());
        assertEquals(PlayerInfo.PLAYING, playing.playbackState());
        assertEquals(operaTracks().get(10).uri(), playing.nowPlaying().uri(), "play resumes where it was paused");

        PlayerInfo paused = act(KITCHEN, Action.PAUSE);
        assertEquals(PlaybackState.PAUSED, state(KITCHEN).playbackState());
        assertEquals(PlayerInfo.PAUSED, paused.playbackState());

        PlayerInfo stopped = act(KITCHEN, Action.STOP);
        assertEquals(PlaybackState.IDLE, state(KITCHEN).playbackState());
        assertEquals(PlayerInfo.IDLE, stopped.playbackState());

        assertEquals(List.of("players/cmd/play", "players/cmd/pause", "players/cmd/stop"), mutations());
    }

    @Test
    void nextAndPreviousMoveThroughTheQueue() {
        act(KITCHEN, Action.PLAY);
        PlayerInfo next = act(KITCHEN, Action.NEXT);
        assertEquals(operaTracks().get(11).uri(), next.nowPlaying().uri());
        assertEquals(operaTracks().get(11).name(), next.nowPlaying().title());
        assertEquals(11, queue(KITCHEN).path("current_index").asInt());

        PlayerInfo previous = act(KITCHEN, Action.PREVIOUS);
        assertEquals(operaTracks().get(10).uri(), previous.nowPlaying().uri());
        assertEquals(10, queue(KITCHEN).path("current_index").asInt());
        assertEquals(PlaybackState.PLAYING, state(KITCHEN).playbackState());
    }

    @Test
    void powerSwitchesThePlayerOnAndOff() {
        assertEquals(false, state(LIVING_ROOM).powered());
        PlayerInfo on = act(LIVING_ROOM, Action.POWER, null, true, null);
        assertEquals(true, state(LIVING_ROOM).powered());
        assertTrue(on.powered());

        // switching the paused Kitchen off stops it, as MA does
        PlayerInfo off = act(KITCHEN, Action.POWER, null, false, null);
        assertEquals(false, state(KITCHEN).powered());
        assertFalse(off.powered());
        assertEquals(PlaybackState.IDLE, state(KITCHEN).playbackState());
        assertEquals(PlayerInfo.IDLE, off.playbackState());
    }

    // ------------------------------------------------------------------ volume

    @Test
    void volumeIsSetAdjustedAndStepped() {
        PlayerInfo set = act(KITCHEN, Action.VOLUME_SET, 60, null, null);
        assertEquals(60, state(KITCHEN).volumeLevel());
        assertEquals(60, set.volumeLevel());

        PlayerInfo lower = act(KITCHEN, Action.VOLUME_ADJUST, -15, null, null);
        assertEquals(45, state(KITCHEN).volumeLevel());
        assertEquals(45, lower.volumeLevel());

        PlayerInfo max = act(KITCHEN, Action.VOLUME_ADJUST, 100, null, null);
        assertEquals(100, state(KITCHEN).volumeLevel(), "clamped to 100");
        assertEquals(100, max.volumeLevel());

        // MA's steps: 1 above 95, 5 in the middle range
        assertEquals(99, act(KITCHEN, Action.VOLUME_DOWN).volumeLevel());
        assertEquals(99, state(KITCHEN).volumeLevel());
        act(KITCHEN, Action.VOLUME_SET, 50, null, null);
        assertEquals(55, act(KITCHEN, Action.VOLUME_UP).volumeLevel());
        assertEquals(55, state(KITCHEN).volumeLevel());
        assertEquals(50, act(KITCHEN, Action.VOLUME_DOWN).volumeLevel());

        assertEquals(0, act(KITCHEN, Action.VOLUME_ADJUST, -100, null, null).volumeLevel(), "clamped to 0");
        assertEquals(0, state(KITCHEN).volumeLevel());

        assertEquals(
                List.of(
                        "players/cmd/volume_set",
                        "players/cmd/volume_set",
                        "players/cmd/volume_set",
                        "players/cmd/volume_down",
                        "players/cmd/volume_set",
                        "players/cmd/volume_up",
                        "players/cmd/volume_down",
                        "players/cmd/volume_set"),
                mutations());
    }

    @Test
    void muteShuffleAndRepeat() {
        PlayerInfo muted = act(KITCHEN, Action.MUTE, null, true, null);
        assertEquals(true, state(KITCHEN).volumeMuted());
        assertEquals(true, muted.muted());
        assertEquals(false, act(KITCHEN, Action.MUTE, null, false, null).muted());
        assertEquals(false, state(KITCHEN).volumeMuted());

        assertFalse(queue(KITCHEN).path("shuffle_enabled").asBoolean());
        act(KITCHEN, Action.SHUFFLE, null, true, null);
        assertTrue(queue(KITCHEN).path("shuffle_enabled").asBoolean());
        act(KITCHEN, Action.SHUFFLE, null, false, null);
        assertFalse(queue(KITCHEN).path("shuffle_enabled").asBoolean());

        for (String mode : List.of("all", "one", "off")) {
            act(KITCHEN, Action.REPEAT, null, null, mode);
            assertEquals(mode, queue(KITCHEN).path("repeat_mode").asText());
        }
        assertEquals(3, sim.commandCount("player_queues/repeat"));
        assertEquals(2, sim.commandCount("player_queues/shuffle"));
    }

    @Test
    void shuffleAndRepeatOfAGroupMemberActOnTheGroupsQueue() {
        // the Kitchen plays as part of Downstairs: its active queue is the group's
        sim.updatePlayer(KITCHEN, p -> p.withActiveGroup(DOWNSTAIRS));
        act(KITCHEN, Action.REPEAT, null, null, "all");
        assertEquals("all", queue(DOWNSTAIRS).path("repeat_mode").asText());
        assertEquals("off", queue(KITCHEN).path("repeat_mode").asText());
    }

    @Test
    void aGroupsVolumeUsesTheGroupVolumeCommands() {
        // only the Kitchen is on: the group volume is the Kitchen's 35
        assertEquals(35, control.get(DOWNSTAIRS).volumeLevel());

        PlayerInfo set = act(DOWNSTAIRS, Action.VOLUME_SET, 50, null, null);
        assertEquals(50, set.volumeLevel());
        assertEquals(50, state(KITCHEN).volumeLevel());
        assertEquals(50, control.get(DOWNSTAIRS).volumeLevel());

        PlayerInfo louder = act(DOWNSTAIRS, Action.VOLUME_ADJUST, 10, null, null);
        assertEquals(60, louder.volumeLevel(), "adjusts from the group volume");
        assertEquals(60, state(KITCHEN).volumeLevel());

        assertEquals(65, act(DOWNSTAIRS, Action.VOLUME_UP).volumeLevel());
        assertEquals(60, act(DOWNSTAIRS, Action.VOLUME_DOWN).volumeLevel());
        assertEquals(60, state(KITCHEN).volumeLevel());

        // with both members on, a change moves each of them by the same amount
        sim.updatePlayer(LIVING_ROOM, p -> p.withPowered(true));
        act(DOWNSTAIRS, Action.VOLUME_ADJUST, -8, null, null);
        assertEquals(52, state(KITCHEN).volumeLevel());
        assertEquals(12, state(LIVING_ROOM).volumeLevel());

        PlayerInfo muted = act(DOWNSTAIRS, Action.MUTE, null, true, null);
        assertEquals(true, muted.muted());
        assertEquals(true, state(KITCHEN).volumeMuted());
        assertEquals(true, state(LIVING_ROOM).volumeMuted());
        assertEquals(true, control.get(DOWNSTAIRS).muted());

        assertEquals(
                List.of(
                        "players/cmd/group_volume",
                        "players/cmd/group_volume",
                        "players/cmd/group_volume_up",
                        "players/cmd/group_volume_down",
                        "players/cmd/group_volume",
                        "players/cmd/group_volume_mute"),
                mutations());
    }

    // ------------------------------------------------------------------ refusals

    static List<PlayerAction> everyAction(String playerId) {
        return List.of(
                PlayerAction.of(playerId, Action.PLAY),
                PlayerAction.of(playerId, Action.PAUSE),
                PlayerAction.of(playerId, Action.STOP),
                PlayerAction.of(playerId, Action.NEXT),
                PlayerAction.of(playerId, Action.PREVIOUS),
                new PlayerAction(playerId, Action.POWER, null, true, null),
                new PlayerAction(playerId, Action.VOLUME_SET, 10, null, null),
                new PlayerAction(playerId, Action.VOLUME_ADJUST, 10, null, null),
                PlayerAction.of(playerId, Action.VOLUME_UP),
                PlayerAction.of(playerId, Action.VOLUME_DOWN),
                new PlayerAction(playerId, Action.MUTE, null, true, null),
                new PlayerAction(playerId, Action.SHUFFLE, null, true, null),
                new PlayerAction(playerId, Action.REPEAT, null, null, "all"));
    }

    @Test
    void anUnknownPlayerIsNoSuchPlayer() {
        assertEquals(RelayError.NO_SUCH_PLAYER, failure(() -> control.get("no-such-player")));
        for (PlayerAction action : everyAction("no-such-player")) {
            assertEquals(
                    RelayError.NO_SUCH_PLAYER,
                    failure(() -> control.control(action)),
                    action.action().wireName());
        }
        assertEquals(
                RelayError.NO_SUCH_PLAYER,
                failure(() -> control.play("no-such-player", spoken(ContentKind.ANY, "Radiohead"))));
        assertEquals(List.of(), mutations(), "Music Assistant would have ignored them silently");
        assertEquals(0, sim.commandCount("music/search"));
    }

    @Test
    void anUnavailablePlayerIsUnavailable() {
        PlayerInfo garage = control.get(GARAGE);
        assertFalse(garage.available(), "reading an unavailable player still works");
        for (PlayerAction action : everyAction(GARAGE)) {
            assertEquals(
                    RelayError.PLAYER_UNAVAILABLE,
                    failure(() -> control.control(action)),
                    action.action().wireName());
        }
        assertEquals(
                RelayError.PLAYER_UNAVAILABLE,
                failure(() -> control.play(GARAGE, spoken(ContentKind.ANY, "Radiohead"))));
        assertEquals(RelayError.PLAYER_UNAVAILABLE, failure(() -> control.transfer(KITCHEN, GARAGE)));
        assertEquals(List.of(), mutations());
        assertEquals(0, sim.commandCount("music/search"));
        assertEquals(50, state(GARAGE).volumeLevel());
    }

    @Test
    void whatAPlayerCannotDoIsUnsupported() {
        // the Bedroom (AirPlay) has neither power nor mute control
        assertEquals(RelayError.UNSUPPORTED, failure(() -> act(BEDROOM, Action.MUTE, null, true, null)));
        assertEquals(RelayError.UNSUPPORTED, failure(() -> act(BEDROOM, Action.POWER, null, false, null)));
        assertEquals(false, state(BEDROOM).volumeMuted());

        // a player without volume control and without pause
        sim.updatePlayer(LIVING_ROOM, p -> withFeatures(p, List.of(PlayerFeature.POWER, PlayerFeature.PLAY_MEDIA)));
        for (Action action : List.of(Action.VOLUME_UP, Action.VOLUME_DOWN, Action.PAUSE)) {
            assertEquals(RelayError.UNSUPPORTED, failure(() -> act(LIVING_ROOM, action)), action.wireName());
        }
        assertEquals(RelayError.UNSUPPORTED, failure(() -> act(LIVING_ROOM, Action.VOLUME_SET, 80, null, null)));
        assertEquals(RelayError.UNSUPPORTED, failure(() -> act(LIVING_ROOM, Action.VOLUME_ADJUST, 5, null, null)));
        assertEquals(20, state(LIVING_ROOM).volumeLevel());
        assertEquals(List.of(), mutations());

        // what it can do still works
        assertTrue(act(LIVING_ROOM, Action.POWER, null, true, null).powered());
        assertEquals(12, act(BEDROOM, Action.VOLUME_SET, 12, null, null).volumeLevel());
    }

    static PlayerState withFeatures(PlayerState p, List<PlayerFeature> features) {
        PlayerDevice d = p.device();
        PlayerDevice changed = new PlayerDevice(
                d.playerId(),
                d.provider(),
                d.type(),
                d.deviceInfo(),
                features,
                d.staticGroupMembers(),
                d.canGroupWith(),
                d.sourceList(),
                d.powerControl(),
                "none",
                "none",
                d.outputProtocols());
        return new PlayerState(
                changed,
                p.name(),
                p.available(),
                p.playbackState(),
                p.elapsedTime(),
                p.elapsedTimeLastUpdated(),
                p.powered(),
                p.volumeLevel(),
                p.volumeMuted(),
                p.groupMembers(),
                p.syncedTo(),
                p.activeSource(),
                p.activeGroup(),
                p.enabled(),
                p.hideInUi());
    }

    // ------------------------------------------------------------------ play

    @Test
    void playingANameStartsTheBestMatchOnThatPlayersQueue() {
        PlayResult result = control.play(LIVING_ROOM, spoken(ContentKind.ANY, "Radiohead"));
        assertEquals(ContentKind.ARTIST, result.kind(), "a spoken name that is an artist means the artist");
        assertEquals("Radiohead", result.name());
        assertEquals(1, sim.commandCount("player_queues/play_media"));
        assertEquals(1, sim.commandCount("music/search"), "one search across kinds");

        Set<String> expected =
                new HashSet<>(uris(lib.artistTracks(lib.artistNamed("Radiohead").itemId())));
        List<String> queued = queueUris(LIVING_ROOM);
        assertEquals(expected, new HashSet<>(queued), "the artist's tracks, expanded by Music Assistant");
        assertEquals(PlaybackState.PLAYING, state(LIVING_ROOM).playbackState());
        assertEquals(LIVING_ROOM, state(LIVING_ROOM).activeSource());
        assertEquals(PlayerInfo.PLAYING, result.player().playbackState());
        assertEquals(LIVING_ROOM, result.player().playerId());
        assertEquals(queued.getFirst(), result.player().nowPlaying().uri());
        // nothing else was touched
        assertEquals(PlaybackState.PAUSED, state(KITCHEN).playbackState());
        assertEquals(uris(operaTracks()), queueUris(KITCHEN));
    }

    @Test
    void anAlbumPlaysInOrderAndAnAnyQueryFindsAlbumsToo() {
        PlayResult album = control.play(
                KITCHEN, new ContentQuery(ContentKind.ALBUM, "ok computer", "radiohead", false, 500, true));
        assertEquals(ContentKind.ALBUM, album.kind());
        assertEquals("OK Computer", album.name());
        assertEquals("Radiohead", album.artist());
        List<String> okComputer =
                uris(lib.albumTracks(lib.albumNamed("OK Computer").itemId()));
        assertEquals(okComputer, queueUris(KITCHEN), "the queue was replaced by the album");
        assertEquals(okComputer.getFirst(), album.player().nowPlaying().uri());
        assertEquals(PlayerInfo.PLAYING, album.player().playbackState());

        PlayResult any = control.play(BEDROOM, spoken(ContentKind.ANY, "Kid A"));
        assertEquals(ContentKind.ALBUM, any.kind());
        assertEquals("Kid A", any.name());
        assertEquals(uris(lib.albumTracks(lib.albumNamed("Kid A").itemId())), queueUris(BEDROOM));
    }

    @Test
    void aPlaylistAndTheLibraryPlay() {
        PlayResult playlist = control.play(KITCHEN, spoken(ContentKind.PLAYLIST, "road trip"));
        assertEquals(ContentKind.PLAYLIST, playlist.kind());
        assertEquals("Road Trip", playlist.name());
        assertEquals(uris(lib.playlistTracks(lib.playlistNamed("Road Trip").itemId())), queueUris(KITCHEN));

        PlayResult library = control.play(BEDROOM, new ContentQuery(ContentKind.LIBRARY, null, null, false, 25, true));
        assertEquals(ContentKind.LIBRARY, library.kind());
        List<String> queued = queueUris(BEDROOM);
        assertEquals(25, queued.size());
        assertEquals(25, new HashSet<>(queued).size(), "no track twice");
        Set<String> all = new HashSet<>(uris(lib.tracks()));
        assertTrue(all.containsAll(queued));
        assertEquals(PlayerInfo.PLAYING, library.player().playbackState());
        assertEquals(2, sim.commandCount("player_queues/play_media"));
    }

    @Test
    void explicitContentIsNotPlayedWhereItIsFiltered() {
        Set<String> explicit = new HashSet<>();
        lib.tracks().stream().filter(Track::explicit).forEach(t -> explicit.add(t.uri()));
        assertFalse(explicit.isEmpty());

        control.play(BEDROOM, new ContentQuery(ContentKind.LIBRARY, null, null, false, 500, false));
        List<String> queued = queueUris(BEDROOM);
        assertFalse(queued.isEmpty());
        assertTrue(queued.stream().noneMatch(explicit::contains), "explicit tracks in the queue");

        assertEquals(
                RelayError.CONTENT_FILTERED,
                failure(() ->
                        control.play(KITCHEN, new ContentQuery(ContentKind.TRACK, "HUMBLE.", null, false, 1, false))));
        assertEquals(
                RelayError.CONTENT_FILTERED,
                failure(() ->
                        control.play(KITCHEN, new ContentQuery(ContentKind.ANY, "Formation", null, false, 1, false))));
        assertEquals(1, sim.commandCount("player_queues/play_media"));
        assertEquals(uris(operaTracks()), queueUris(KITCHEN), "the Kitchen's queue is untouched");

        // where explicit content is allowed, the same track plays
        PlayResult humble = control.play(KITCHEN, spoken(ContentKind.TRACK, "HUMBLE."));
        assertEquals(
                lib.trackNamed("HUMBLE.").uri(), humble.player().nowPlaying().uri());
    }

    @Test
    void aSpokenAndFindsANameWithAnAmpersand() {
        // MA searches "Simon & Garfunkel" as "simongarfunkel": the spoken "and" must go, as for a known kind
        PlayResult artist = control.play(LIVING_ROOM, spoken(ContentKind.ARTIST, "Simon and Garfunkel"));
        assertEquals("Simon & Garfunkel", artist.name());
        PlayResult any = control.play(BEDROOM, spoken(ContentKind.ANY, "Simon and Garfunkel"));
        assertEquals(ContentKind.ARTIST, any.kind());
        assertEquals("Simon & Garfunkel", any.name());
        assertEquals(
                new HashSet<>(uris(
                        lib.artistTracks(lib.artistNamed("Simon & Garfunkel").itemId()))),
                new HashSet<>(queueUris(BEDROOM)));
    }

    @Test
    void aNameThatMatchesNothingIsNotFoundAndChangesNothing() {
        assertEquals(
                RelayError.NOT_FOUND, failure(() -> control.play(KITCHEN, spoken(ContentKind.ANY, "zyxwv qqq glorp"))));
        assertEquals(
                RelayError.NOT_FOUND,
                failure(() -> control.play(KITCHEN, spoken(ContentKind.PLAYLIST, "zyxwv qqq glorp"))));
        assertEquals(0, sim.commandCount("player_queues/play_media"));
        assertEquals(uris(operaTracks()), queueUris(KITCHEN));
        assertEquals(PlaybackState.PAUSED, state(KITCHEN).playbackState());
    }

    // ------------------------------------------------------------------ transfer

    @Test
    void transferMovesTheQueueToTheOtherPlayer() {
        PlayerInfo target = control.transfer(KITCHEN, LIVING_ROOM);
        assertEquals(1, sim.commandCount("player_queues/transfer"));
        assertEquals(LIVING_ROOM, target.playerId());
        assertEquals(uris(operaTracks()), queueUris(LIVING_ROOM));
        assertEquals(10, queue(LIVING_ROOM).path("current_index").asInt());
        assertEquals(List.of(), queueUris(KITCHEN), "the source queue is emptied");
        assertEquals(PlaybackState.PLAYING, state(LIVING_ROOM).playbackState());
        assertEquals(PlayerInfo.PLAYING, target.playbackState());
        assertTrue(target.powered(), "the target is switched on to play");
        assertNotNull(target.nowPlaying());
        assertEquals(operaTracks().get(10).uri(), target.nowPlaying().uri());
    }

    @Test
    void transferToOrFromAnUnknownPlayerIsNotFound() {
        assertEquals(RelayError.NO_SUCH_PLAYER, failure(() -> control.transfer(KITCHEN, "no-such-player")));
        assertEquals(RelayError.NO_SUCH_PLAYER, failure(() -> control.transfer("no-such-player", KITCHEN)));
        assertEquals(RelayError.PLAYER_UNAVAILABLE, failure(() -> control.transfer(GARAGE, KITCHEN)));
        assertEquals(0, sim.commandCount("player_queues/transfer"));
        assertEquals(uris(operaTracks()), queueUris(KITCHEN));
    }
}
