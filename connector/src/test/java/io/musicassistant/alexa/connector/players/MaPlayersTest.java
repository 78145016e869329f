package io.musicassistant.alexa.connector.players;

import static io.musicassistant.alexa.connector.SimulatorSupport.connectedClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.slimproto.VirtualPlayers;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.masim.library.Radio;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.player.PlayerDevice;
import io.musicassistant.alexa.masim.player.PlayerFeature;
import io.musicassistant.alexa.masim.player.PlayerState;
import io.musicassistant.alexa.masim.player.PlayerType;
import io.musicassistant.alexa.masim.profile.Profile;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MaPlayers} on the simulator's own player JSON: every field of {@link PlayerInfo}, both
 * generations of key names, and which players are offered to Alexa at all.
 */
class MaPlayersTest {

    static final String KITCHEN = "RINCON_48A6B8C1D2E301400";
    static final String LIVING_ROOM = "3f7b2c9e-8a41-4c1d-9b0e-6d2f5a8c1e47";
    static final String BEDROOM = "ap7a3c91d0e2f4";
    static final String DOWNSTAIRS = "ugp_5d0e7f3a9b2c";
    static final String GARAGE = "00:04:20:2a:7c:19";
    static final Duration CALL = Duration.ofSeconds(5);

    MaSimulator sim;
    MaClient ma;

    @BeforeAll
    static void warmUp() {
        WarmUp.once();
    }

    @BeforeEach
    void start() {
        sim = MaSimulator.start(MaSimulator.Options.defaults());
        ma = connectedClient(sim);
    }

    @AfterEach
    void stop() {
        ma.close();
        sim.close();
    }

    /** players/all as Music Assistant answers it, by player id. */
    static Map<String, JsonNode> all(MaClient client) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        client.call("players/all", Map.of("return_unavailable", true, "return_disabled", true), CALL)
                .forEach(p -> byId.put(p.path("player_id").asText(), p));
        return byId;
    }

    JsonNode json(String playerId) {
        return ma.call("players/get", Map.of("player_id", playerId), CALL);
    }

    List<String> features(String playerId) {
        return sim.player(playerId).orElseThrow().device().supportedFeatures().stream()
                .map(PlayerFeature::value)
                .toList();
    }

    @Test
    void everySeedPlayerIsReadWithAllItsFields() {
        Map<String, JsonNode> players = all(ma);
        assertEquals(List.of(KITCHEN, LIVING_ROOM, BEDROOM, DOWNSTAIRS, GARAGE), List.copyOf(players.keySet()));

        // Kitchen: a Sonos with every feature, paused in A Night at the Opera (queue index 10)
        PlayerInfo kitchen = MaPlayers.read(players.get(KITCHEN));
        Track current = sim.library()
                .albumTracks(sim.library().albumNamed("A Night at the Opera").itemId())
                .get(10);
        assertEquals(KITCHEN, kitchen.playerId());
        assertEquals("Kitchen", kitchen.name());
        assertEquals("player", kitchen.type());
        assertTrue(kitchen.available());
        assertTrue(kitchen.powered());
        assertEquals(35, kitchen.volumeLevel());
        assertEquals(false, kitchen.muted());
        assertEquals(PlayerInfo.PAUSED, kitchen.playbackState());
        assertEquals(features(KITCHEN), kitchen.features());
        assertTrue(kitchen.supports("power") && kitchen.supports("volume_mute") && kitchen.supports("volume_set"));
        assertEquals(List.of(), kitchen.groupMembers());
        assertFalse(kitchen.isGroup());
        assertNotNull(kitchen.nowPlaying(), "the Kitchen's queue has a current item");
        assertEquals(current.name(), kitchen.nowPlaying().title());
        assertEquals("Queen", kitchen.nowPlaying().artist());
        assertEquals("A Night at the Opera", kitchen.nowPlaying().album());
        assertEquals(current.uri(), kitchen.nowPlaying().uri());
        assertTrue(
                kitchen.nowPlaying().imageUrl().startsWith(sim.httpBaseUrl() + "/imageproxy"),
                kitchen.nowPlaying().imageUrl());

        // Living Room: a Chromecast that is switched off and has nothing loaded
        PlayerInfo living = MaPlayers.read(players.get(LIVING_ROOM));
        assertEquals("Living Room", living.name());
        assertTrue(living.available());
        assertFalse(living.powered());
        assertEquals(20, living.volumeLevel());
        assertEquals(false, living.muted());
        assertEquals(PlayerInfo.IDLE, living.playbackState());
        assertEquals(features(LIVING_ROOM), living.features());
        assertNull(living.nowPlaying());

        // Bedroom: AirPlay without power or mute control; MA reports its missing power state as on
        PlayerInfo bedroom = MaPlayers.read(players.get(BEDROOM));
        assertTrue(players.get(BEDROOM).path("powered").asBoolean(), "the simulator serialises powered null as true");
        assertTrue(bedroom.powered());
        assertEquals(12, bedroom.volumeLevel());
        assertEquals(features(BEDROOM), bedroom.features());
        assertFalse(bedroom.supports("power"));
        assertFalse(bedroom.supports("volume_mute"));
        assertTrue(bedroom.supports("volume_set"));

        // Downstairs: a universal group of Kitchen and Living Room; its volume is the group volume
        // (the average of its powered members: only the Kitchen is on)
        PlayerInfo downstairs = MaPlayers.read(players.get(DOWNSTAIRS));
        assertEquals("group", downstairs.type());
        assertTrue(downstairs.isGroup());
        assertEquals(List.of(KITCHEN, LIVING_ROOM), downstairs.groupMembers());
        assertTrue(players.get(DOWNSTAIRS).path("volume_level").isNull(), "MA has no own volume for the group");
        assertEquals(players.get(DOWNSTAIRS).path("group_volume").asInt(), downstairs.volumeLevel());
        assertEquals(35, downstairs.volumeLevel());
        assertEquals(false, downstairs.muted());
        assertFalse(downstairs.powered());

        // Garage: unavailable, but still a player of the home
        PlayerInfo garage = MaPlayers.read(players.get(GARAGE));
        assertFalse(garage.available());
        assertEquals("Garage", garage.name());
        assertEquals(50, garage.volumeLevel());
        assertEquals(PlayerInfo.IDLE, garage.playbackState());

        // all five are offered
        players.values()
                .forEach(p -> assertTrue(MaPlayers.offered(p), p.path("name").asText()));
    }

    @Test
    void stateChangesInMusicAssistantShowInTheMapping() {
        sim.updatePlayer(
                LIVING_ROOM,
                p -> p.withPowered(true)
                        .withVolumeLevel(76)
                        .withVolumeMuted(true)
                        .withName("Lounge"));
        PlayerInfo living = MaPlayers.read(json(LIVING_ROOM));
        assertEquals("Lounge", living.name());
        assertTrue(living.powered());
        assertEquals(76, living.volumeLevel());
        assertEquals(true, living.muted());

        // a group's volume follows its powered members
        sim.updatePlayer(KITCHEN, p -> p.withVolumeLevel(10));
        assertEquals(43, MaPlayers.read(json(DOWNSTAIRS)).volumeLevel(), "(10 + 76) / 2");
        // and it is muted when all of them are
        sim.updatePlayer(KITCHEN, p -> p.withVolumeMuted(true));
        assertEquals(true, MaPlayers.read(json(DOWNSTAIRS)).muted());

        // unknown playback states (MA's "unknown") read as idle
        ObjectNode odd = json(KITCHEN).deepCopy();
        odd.put("playback_state", "unknown");
        assertEquals(PlayerInfo.IDLE, MaPlayers.read(odd).playbackState());
    }

    @Test
    void aRadioStationPlayingHasNoArtistOrAlbum() {
        Radio station = sim.library().radioNamed("KEXP 90.3 FM");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("queue_id", BEDROOM);
        args.put("media", station.uri());
        args.put("option", "replace");
        ma.call("player_queues/play_media", args, CALL);
        PlayerInfo bedroom = MaPlayers.read(json(BEDROOM));
        assertEquals(PlayerInfo.PLAYING, bedroom.playbackState());
        assertEquals(station.name(), bedroom.nowPlaying().title());
        assertEquals(station.uri(), bedroom.nowPlaying().uri());
        // MA sends "" for a station's artist and album; Alexa should not hear "by <nothing>"
        assertNull(bedroom.nowPlaying().artist());
        assertNull(bedroom.nowPlaying().album());
    }

    @Test
    void legacyKeyNamesAreReadLikeTheCurrentOnes() {
        for (String id : List.of(KITCHEN, DOWNSTAIRS, BEDROOM)) {
            JsonNode current = json(id);
            ObjectNode legacy = current.deepCopy();
            // older models: only display_name, state and group_childs
            legacy.remove(List.of("name", "playback_state", "group_members"));
            assertTrue(legacy.has("display_name") && legacy.has("state") && legacy.has("group_childs"));
            assertEquals(MaPlayers.read(current), MaPlayers.read(legacy), id);
        }
        ObjectNode bare = json(KITCHEN).deepCopy();
        bare.remove(List.of("name", "display_name"));
        assertEquals(KITCHEN, MaPlayers.read(bare).name(), "a nameless player is called by its id");
    }

    @Test
    void theNewestModelsReadTheSame() {
        try (MaSimulator newest =
                MaSimulator.start(MaSimulator.Options.defaults().withProfile(Profile.NEWEST))) {
            MaClient client = connectedClient(newest);
            try {
                Map<String, JsonNode> stable = all(ma);
                Map<String, JsonNode> fresh = all(client);
                assertEquals(stable.keySet(), fresh.keySet());
                for (String id : stable.keySet()) {
                    PlayerInfo a = MaPlayers.read(stable.get(id));
                    PlayerInfo b = MaPlayers.read(fresh.get(id));
                    // image URLs differ by design (legacy vs. opaque image proxy), the rest must not
                    assertEquals(withoutImage(a), withoutImage(b), id);
                }
            } finally {
                client.close();
            }
        }
    }

    static PlayerInfo withoutImage(PlayerInfo p) {
        PlayerInfo.NowPlaying n = p.nowPlaying();
        return new PlayerInfo(
                p.playerId(),
                p.name(),
                p.type(),
                p.available(),
                p.powered(),
                p.volumeLevel(),
                p.muted(),
                p.playbackState(),
                p.features(),
                p.groupMembers(),
                n == null ? null : new PlayerInfo.NowPlaying(n.title(), n.artist(), n.album(), n.uri(), null));
    }

    @Test
    void hiddenDisabledAndProtocolPlayersAreNotOffered() {
        PlayerControl control = Patient.control(ma);
        assertEquals(5, control.list().size());

        sim.updatePlayer(BEDROOM, p -> p.withHideInUi(true));
        assertFalse(MaPlayers.offered(json(BEDROOM)));
        sim.updatePlayer(GARAGE, p -> p.withEnabled(false));
        assertFalse(MaPlayers.offered(json(GARAGE)));
        sim.updatePlayer(LIVING_ROOM, MaPlayersTest::asProtocolPlayer);
        assertEquals("protocol", json(LIVING_ROOM).path("type").asText());
        assertFalse(MaPlayers.offered(json(LIVING_ROOM)));
        assertTrue(MaPlayers.offered(json(KITCHEN)));
        // the connector's own virtual players stay away from Alexa even where MA still shows them
        ObjectNode virtual =
                ((ObjectNode) json(KITCHEN).deepCopy()).put("player_id", VirtualPlayers.MAC_PREFIX + "00:00:01");
        assertFalse(virtual.path("hide_in_ui").asBoolean(false));
        assertFalse(MaPlayers.offered(virtual));

        List<String> offered = control.list().stream().map(PlayerInfo::playerId).toList();
        assertEquals(List.of(KITCHEN, DOWNSTAIRS), offered);

        sim.updatePlayer(BEDROOM, p -> p.withHideInUi(false));
        assertEquals(
                List.of(KITCHEN, BEDROOM, DOWNSTAIRS),
                control.list().stream().map(PlayerInfo::playerId).toList());
    }

    /** The same player re-typed as a protocol player (an output of another player, not a room). */
    static PlayerState asProtocolPlayer(PlayerState p) {
        PlayerDevice d = p.device();
        PlayerDevice protocol = new PlayerDevice(
                d.playerId(),
                d.provider(),
                PlayerType.PROTOCOL,
                d.deviceInfo(),
                d.supportedFeatures(),
                d.staticGroupMembers(),
                d.canGroupWith(),
                d.sourceList(),
                d.powerControl(),
                d.volumeControl(),
                d.muteControl(),
                d.outputProtocols());
        return new PlayerState(
                protocol,
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
}
