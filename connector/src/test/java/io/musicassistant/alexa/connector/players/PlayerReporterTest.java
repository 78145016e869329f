package io.musicassistant.alexa.connector.players;

import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static io.musicassistant.alexa.connector.SimulatorSupport.connectedClient;
import static io.musicassistant.alexa.connector.SimulatorSupport.pause;
import static io.musicassistant.alexa.connector.players.MaPlayersTest.BEDROOM;
import static io.musicassistant.alexa.connector.players.MaPlayersTest.DOWNSTAIRS;
import static io.musicassistant.alexa.connector.players.MaPlayersTest.GARAGE;
import static io.musicassistant.alexa.connector.players.MaPlayersTest.KITCHEN;
import static io.musicassistant.alexa.connector.players.MaPlayersTest.LIVING_ROOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.connector.CloudStandIn;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PlayerReporter} fed by a real simulator's events over the WebSocket, posting through the
 * real {@link RelayApiClient} to a local stand-in of the relay API's events route.
 */
class PlayerReporterTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    /**
     * Longer than the maximum delay of a report (and than the test's retry wait): whatever was still
     * coming has come. Waiting less could only hide a superfluous post, never invent one.
     */
    static final long SETTLE_MS = 400;

    static final Duration CALL = Duration.ofSeconds(5);

    MaSimulator sim;
    CloudStandIn cloud;
    PlayerReporter reporter;
    MaClient ma;
    PlayerControl control;
    /** A player_updated event as it reached the reporter. */
    record Arrival(String playerId, long nanos) {}

    final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void warmUp() {
        WarmUp.once();
    }

    @BeforeEach
    void start() {
        sim = MaSimulator.start(MaSimulator.Options.defaults());
        cloud = CloudStandIn.start();
        RelayApiClient api = new RelayApiClient(cloud.uri());
        reporter = new PlayerReporter(
                events -> api.events(CloudStandIn.INSTANCE_ID, CloudStandIn.SECRET, events), Duration.ofMillis(300));
        ma = connectedClient(sim, new MaClient.Listener() {
            @Override
            public void onEvent(String event, String objectId, JsonNode data) {
                if (event.equals("player_updated")) {
                    arrivals.add(new Arrival(objectId, System.nanoTime()));
                }
                reporter.onEvent(event, objectId, data);
            }
        });
        control = Patient.control(ma);
        // what the connector does on connecting: the current players are the first news
        reporter.resync(control.list());
        await("the first report", WAIT, () -> cloud.accepted().size() == 1);
        assertEquals(Set.of(KITCHEN, LIVING_ROOM, BEDROOM, DOWNSTAIRS, GARAGE), ids(cloud.acceptedEvents()));
        // the stand-in records a post before answering it: wait until the reporter has its answer too
        await("the reporter to take the answer", WAIT, reporter::idle);
        cloud.clear();
        arrivals.clear();
    }

    @AfterEach
    void stop() {
        reporter.close();
        ma.close();
        cloud.close();
        sim.close();
    }

    static Set<String> ids(List<PlayerEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.playerId()));
        return ids;
    }

    /** The player as the cloud should hear of it: MA's state now, without what is playing. */
    PlayerInfo current(String playerId) {
        return PlayerReporter.news(MaPlayers.read(ma.call("players/get", Map.of("player_id", playerId), CALL)));
    }

    void awaitArrivals(String playerId, int count) {
        await(
                count + " player_updated events of " + playerId,
                WAIT,
                () -> arrivals(playerId).size() >= count);
    }

    List<Arrival> arrivals(String playerId) {
        return arrivals.stream().filter(a -> a.playerId().equals(playerId)).toList();
    }

    @Test
    void aChangeIsReportedOnceWithThePlayersNewState() {
        sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(30));
        await("the report", WAIT, () -> !cloud.posts().isEmpty());
        pause(SETTLE_MS);

        assertEquals(1, cloud.posts().size());
        CloudStandIn.Post post = cloud.posts().getFirst();
        assertEquals("/v1/homes/" + CloudStandIn.INSTANCE_ID + "/events", post.path());
        assertEquals("Bearer " + CloudStandIn.SECRET, post.authorization());
        assertEquals(1, post.events().events().size());
        PlayerEvent event = post.events().events().getFirst();
        assertEquals(PlayerEvent.CHANGED, event.type());
        assertEquals(BEDROOM, event.playerId());
        assertEquals(30, event.player().volumeLevel());
        assertEquals(
                current(BEDROOM),
                event.player(),
                "the whole player as Music Assistant has it now, without now-playing");
    }

    @Test
    void aMembersChangeAlsoReportsItsGroupsNewVolume() {
        sim.updatePlayer(KITCHEN, p -> p.withVolumeLevel(10));
        await(
                "both reports",
                WAIT,
                () -> cloud.lastAccepted(DOWNSTAIRS) != null && cloud.lastAccepted(KITCHEN) != null);
        pause(SETTLE_MS);
        assertEquals(10, cloud.lastAccepted(KITCHEN).volumeLevel());
        assertEquals(
                10, cloud.lastAccepted(DOWNSTAIRS).volumeLevel(), "the group volume follows its only powered member");
        assertEquals(Set.of(KITCHEN, DOWNSTAIRS), ids(cloud.acceptedEvents()));
    }

    @Test
    void aBurstOfChangesIsDebouncedIntoFewPostsCarryingTheFinalState() {
        for (int level = 20; level < 30; level++) {
            int v = level;
            sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(v));
        }
        awaitArrivals(BEDROOM, 10);
        List<Arrival> burst = arrivals(BEDROOM);
        assertEquals(10, burst.size());
        long spreadMs = (burst.getLast().nanos() - burst.getFirst().nanos()) / 1_000_000;
        await("the final state", WAIT, () -> {
            PlayerInfo last = cloud.lastAccepted(BEDROOM);
            return last != null && last.volumeLevel() == 29;
        });
        pause(SETTLE_MS);

        List<PlayerEvent> reported = cloud.acceptedEvents(BEDROOM);
        // A batch goes out 80 ms after its last news or 250 ms after its first, whichever is sooner: the
        // first news of consecutive batches are at least 80 ms apart. Changes arriving within a few ms
        // make one post (two at most, should a flush fall between them).
        long bound = 2 + spreadMs / PlayerReporter.QUIET.toMillis();
        assertTrue(
                cloud.posts().size() <= bound,
                cloud.posts().size() + " posts for 10 changes arriving within " + spreadMs + " ms");
        assertEquals(cloud.posts().size(), reported.size(), "one report of the player per post");
        assertEquals(29, reported.getLast().player().volumeLevel());
        reported.forEach(
                e -> assertTrue(e.player().volumeLevel() >= 20 && e.player().volumeLevel() <= 29));
        assertEquals(cloud.posts().size(), cloud.accepted().size());
    }

    @Test
    void elapsedTimeAloneIsNotNews() {
        double now = System.currentTimeMillis() / 1000.0;
        sim.updatePlayer(KITCHEN, p -> p.withElapsed(120.0, now));
        sim.updatePlayer(KITCHEN, p -> p.withElapsed(150.0, now + 1));
        awaitArrivals(KITCHEN, 2);
        pause(SETTLE_MS);
        assertEquals(List.of(), cloud.posts(), "the position of a track is not something Alexa shows");

        // the reporter is alive: a visible change still goes out
        sim.updatePlayer(KITCHEN, p -> p.withVolumeMuted(true));
        await("the mute report", WAIT, () -> cloud.lastAccepted(KITCHEN) != null);
        assertEquals(true, cloud.lastAccepted(KITCHEN).muted());
    }

    @Test
    void addedAndRemovedPlayersAreReported() {
        // the simulator cannot add players; this is its Bedroom's JSON as a new player would arrive
        ObjectNode study =
                ma.call("players/get", Map.of("player_id", BEDROOM), CALL).deepCopy();
        study.put("player_id", "ap0123456789ab");
        study.put("name", "Study");
        study.put("display_name", "Study");
        reporter.onEvent("player_added", "ap0123456789ab", study);
        study.put("volume_level", 44);
        reporter.onEvent("player_updated", "ap0123456789ab", study);
        await("the addition", WAIT, () -> !cloud.posts().isEmpty());
        pause(SETTLE_MS);
        assertEquals(1, cloud.posts().size());
        List<PlayerEvent> events = cloud.acceptedEvents();
        assertEquals(1, events.size(), "an addition and its update in one debounce window are one addition");
        assertEquals(PlayerEvent.ADDED, events.getFirst().type());
        assertEquals("Study", events.getFirst().player().name());
        assertEquals(44, events.getFirst().player().volumeLevel());

        cloud.clear();
        reporter.onEvent("player_removed", "ap0123456789ab", null);
        await("the removal", WAIT, () -> !cloud.posts().isEmpty());
        pause(SETTLE_MS);
        assertEquals(1, cloud.posts().size());
        PlayerEvent removed = cloud.acceptedEvents().getFirst();
        assertEquals(PlayerEvent.REMOVED, removed.type());
        assertEquals("ap0123456789ab", removed.playerId());
        assertNull(removed.player());
    }

    @Test
    void anEchoPlayerLeavingMusicAssistantIsNoRemovalSoItsRoutineTriggerStays() {
        String echo = "02:45:43:12:34:56";
        reporter.onEvent("player_removed", echo, null);
        reporter.onEvent("player_removed", "ap0123456789ab", null);
        await("the removal", WAIT, () -> !cloud.posts().isEmpty());
        pause(SETTLE_MS);
        assertEquals(Set.of("ap0123456789ab"), ids(cloud.acceptedEvents()));
    }

    @Test
    void aPlayerHiddenInMusicAssistantIsRemovedOnceAndComesBackWhenShown() {
        sim.updatePlayer(BEDROOM, p -> p.withHideInUi(true));
        await("the removal", WAIT, () -> !cloud.posts().isEmpty());
        pause(SETTLE_MS);
        assertEquals(List.of(new PlayerEvent(PlayerEvent.REMOVED, BEDROOM, null)), cloud.acceptedEvents());

        // a hidden player's later updates are nobody's news
        cloud.clear();
        sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(40));
        sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(41));
        awaitArrivals(BEDROOM, 3);
        pause(SETTLE_MS);
        assertEquals(List.of(), cloud.posts());

        sim.updatePlayer(BEDROOM, p -> p.withHideInUi(false));
        await("the player's return", WAIT, () -> cloud.lastAccepted(BEDROOM) != null);
        assertEquals(41, cloud.lastAccepted(BEDROOM).volumeLevel());
    }

    @Test
    void aResyncReportsEveryPlayerAndThoseThatAreGone() {
        List<PlayerInfo> players = new ArrayList<>(control.list());
        players.removeIf(p -> p.playerId().equals(GARAGE));
        reporter.resync(players);
        await("the resync", WAIT, () -> !cloud.posts().isEmpty());
        pause(SETTLE_MS);
        assertEquals(1, cloud.posts().size());
        List<PlayerEvent> events = cloud.acceptedEvents();
        assertEquals(5, events.size());
        for (PlayerEvent e : events) {
            if (e.playerId().equals(GARAGE)) {
                assertEquals(PlayerEvent.REMOVED, e.type(), "the Garage disappeared while nobody listened");
            } else {
                assertEquals(PlayerEvent.CHANGED, e.type());
                assertEquals(current(e.playerId()), e.player());
            }
        }
    }

    @Test
    void aChangeBackWhileTheLastPostIsUnderWayIsStillReported() {
        int before = current(BEDROOM).volumeLevel();
        cloud.delayAnswers(Duration.ofMillis(600));
        sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(before + 10));
        await("the first post", WAIT, () -> cloud.lastAccepted(BEDROOM) != null);
        // The cloud has the news but has not answered yet: the volume goes back meanwhile.
        sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(before));
        await("the change back", WAIT, () -> cloud.lastAccepted(BEDROOM).volumeLevel() == before);
        assertEquals(2, cloud.acceptedEvents(BEDROOM).size());
    }

    @Test
    void newsThatArrivesWhileTheListIsFetchedIsNotOverwrittenByTheOlderList() {
        long mark = reporter.mark();
        List<PlayerInfo> listed = control.list(); // the bedroom at its old volume
        sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(77)); // MA's event overtakes the list
        await("the event", WAIT, () -> cloud.lastAccepted(BEDROOM) != null);
        reporter.resync(listed, mark);
        await("the resync", WAIT, () -> cloud.lastAccepted(KITCHEN) != null);
        pause(SETTLE_MS);
        assertEquals(77, cloud.lastAccepted(BEDROOM).volumeLevel(), "the newer event's state stands");
    }

    @Test
    void aFailingCloudIsRetriedLaterAndNoNewsIsLost() {
        cloud.failEvents(2, 500);
        sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(30));
        await("the first failure", WAIT, () -> !cloud.posts().isEmpty());
        // news arriving while the cloud fails joins the retry
        sim.updatePlayer(LIVING_ROOM, p -> p.withVolumeLevel(25));
        awaitArrivals(LIVING_ROOM, 1);
        await(
                "the retried report",
                WAIT,
                () -> cloud.lastAccepted(BEDROOM) != null && cloud.lastAccepted(LIVING_ROOM) != null);
        pause(SETTLE_MS);

        assertEquals(30, cloud.lastAccepted(BEDROOM).volumeLevel());
        assertEquals(25, cloud.lastAccepted(LIVING_ROOM).volumeLevel());
        List<CloudStandIn.Post> posts = cloud.posts();
        assertEquals(500, posts.get(0).status());
        assertEquals(2, posts.stream().filter(p -> p.status() == 500).count());
        assertEquals(200, posts.getLast().status());
        assertEquals(1, cloud.accepted().size(), "everything pending went out together once the cloud was back");
    }

    @Test
    void moreThanOnePostsWorthOfNewsSurvivesAFailure() {
        // 60 players (the simulator's Kitchen under other ids): more than one post may carry
        JsonNode kitchen = ma.call("players/get", Map.of("player_id", KITCHEN), CALL);
        List<PlayerInfo> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ObjectNode copy = kitchen.deepCopy();
            copy.put("player_id", "RINCON_" + i);
            copy.put("name", "Room " + i);
            many.add(MaPlayers.read(copy));
        }
        cloud.failEvents(1, 503);
        reporter.resync(many);
        await("all 60 players", WAIT, () -> ids(cloud.acceptedEvents()).size() >= 60);
        pause(SETTLE_MS);
        Set<String> expected = new HashSet<>();
        many.forEach(p -> expected.add(p.playerId()));
        Set<String> reported = ids(cloud.acceptedEvents());
        assertTrue(
                reported.containsAll(expected),
                "missing: " + (60 - reported.stream().filter(expected::contains).count()));
        cloud.posts().forEach(p -> assertTrue(p.events().events().size() <= HomeEvents.MAX_EVENTS));
        assertEquals(503, cloud.posts().getFirst().status());
    }

    @Test
    void aRefusedReportIsDroppedAndLaterNewsStillGoesOut() {
        cloud.failEvents(1, 400);
        sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(30));
        await("the refusal", WAIT, () -> !cloud.posts().isEmpty());
        pause(SETTLE_MS);
        assertEquals(1, cloud.posts().size(), "a refusal is not retried");

        sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(31));
        await("the next report", WAIT, () -> cloud.lastAccepted(BEDROOM) != null);
        pause(SETTLE_MS);
        assertEquals(2, cloud.posts().size());
        assertNotNull(cloud.lastAccepted(BEDROOM));
        assertEquals(31, cloud.lastAccepted(BEDROOM).volumeLevel());
        assertEquals(1, cloud.acceptedEvents().size());
    }
}
