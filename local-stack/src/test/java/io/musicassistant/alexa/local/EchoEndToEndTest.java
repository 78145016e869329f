package io.musicassistant.alexa.local;

import static io.musicassistant.alexa.local.EchoConversation.KITCHEN_ECHO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 16 on the real path: play pressed in Music Assistant's app on an Echo player → the
 * connector's play_requested → the relay API → the trigger's ChangeReport at the event-gateway
 * stand-in → the routine simulator → the music skill over HTTP → echo.queue through ElasticMQ and
 * the connector → MA's queue → the Echo stand-in fetching the audio over HTTPS. Nothing is mocked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EchoEndToEndTest {

    static LocalStack stack;
    static MaApp app;
    static RoutineSimulator routines;
    static RoutineSimulator.Routine routine;
    static String player;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Ports.ephemeral(), message -> {});
        SkillClient skill = new SkillClient(stack.alexaUrl());
        JsonNode granted = skill.send(ControlRequests.acceptGrant(
                LocalStack.DEMO_TOKEN, stack.services().lwa().issueGrantCode(LocalStack.DEMO_USER_ID)));
        assertEquals("AcceptGrant.Response", Conversation.outcome(granted), granted.toString());
        // The Echo's catalog entity comes with the home's first export, built as the hourly job would.
        stack.awaitSnapshotAfter(null, Duration.ofSeconds(60));
        stack.buildCatalogs(false, message -> {});
        app = MaApp.open(stack.ma());
        player = app.playerNamed(KITCHEN_ECHO + " (Alexa)").orElseThrow();
        routines = stack.routines();
        routine = routines.create(LocalStack.DEMO_USER_ID, LocalStack.DEMO_TOKEN, KITCHEN_ECHO);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        stack.close();
    }

    /** Presses play on {@code album} in MA's app and waits for the routine that follows. */
    static RoutineRun play(String album) {
        int before = routines.runs().size();
        app.play(player, app.albumUri(album));
        List<RoutineRun> runs = routines.awaitRuns(before + 1, Duration.ofSeconds(15));
        assertTrue(runs.size() > before, "a routine ran after play was pressed on " + album);
        routines.settle(Duration.ofMillis(300)); // a second trigger of the same play runs it again first
        return runs.get(before);
    }

    static String queueItemId(int index) {
        return app.items(player).path(index).path("queue_item_id").asText();
    }

    static String uriAt(int index) {
        return app.items(player).path(index).path("media_item").path("uri").asText();
    }

    static String nextOnTheEcho() {
        JsonNode answer = routines.trackEnds(KITCHEN_ECHO, false);
        assertEquals("GetNextItem.Response", Conversation.outcome(answer), answer.toString());
        EchoPlayback playback = routines.playback(KITCHEN_ECHO).orElseThrow();
        assertTrue(playback.fetched().correct(), "the Echo got the right bytes for " + playback.maUri());
        return playback.maUri();
    }

    @Test
    @Order(1)
    void playPressedInMusicAssistantPlaysOnTheEchoAndNextInMusicAssistantIsTheNextItem() throws Exception {
        EventGatewayStandIn gateway = stack.services().gateway();
        RoutineRun run = play("OK Computer");

        assertEquals("played", run.outcome(), () -> String.valueOf(run.started()));
        assertEquals(routine, run.routine());
        assertTrue(run.entity().entityId().startsWith("ma1:echo:"), run.entity().toString());
        assertTrue(run.fetched().bytes() > 100_000, "the whole first track: " + run.fetched());
        assertEquals(
                app.currentUri(player), EchoDevice.uriOf(run.firstStreamUrl()), "the Echo plays MA's current item");
        assertEquals(uriAt(0), app.currentUri(player), "the album's first track");
        assertTrue(
                gateway.received().stream()
                        .anyMatch(e -> e.endpointId().equals(routine.triggerEndpointId())
                                && RoutineSimulator.opened(e.event())),
                "the trigger's DETECTED report reached the gateway");

        // The trigger closes again (NOT_DETECTED) so that the next play opens it anew; that runs nothing:
        // every DETECTED change ran the routine once, the NOT_DETECTED none.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && !closedAgain(gateway)) {
            Thread.sleep(50);
        }
        assertTrue(closedAgain(gateway), "the trigger was reported closed again");
        while (!routines.idle()) {
            Thread.sleep(20);
        }
        assertEquals(opened(gateway), routines.runs().size(), () -> "one run per DETECTED report: " + reports(gateway));

        app.next(player);
        String current = app.currentUri(player);
        assertEquals(uriAt(1), current);
        assertEquals(current, nextOnTheEcho(), "GetNextItem returns MA's new current item");
    }

    static long opened(EventGatewayStandIn gateway) {
        return gateway.received().stream()
                .filter(e -> e.endpointId().equals(routine.triggerEndpointId()) && RoutineSimulator.opened(e.event()))
                .count();
    }

    static List<String> reports(EventGatewayStandIn gateway) {
        return gateway.received().stream()
                .map(e -> e.at() + " " + e.name() + " " + e.endpointId() + " "
                        + e.event().path("event").path("payload").path("change"))
                .toList();
    }

    /**
     * The issue's trigger: opened once per play, then closed. One press in MA can reach the Echo
     * player as two stream starts some 20–50 ms apart; before the connector counted them as one,
     * 3 plays gave 5 DETECTED reports and Alexa would have run the routine twice.
     */
    @Test
    @Order(6)
    void eachPlayOpensTheTriggerOnce() {
        EventGatewayStandIn gateway = stack.services().gateway();
        String before = stack.snapshotVersion();
        // The user names the Echo again, and another whose name starts with it: each routine gets its own trigger.
        stack.changeEchoPlayers("Kitchen Echo Dot, " + LocalConfig.ECHO_PLAYERS, message -> {});
        stack.awaitSnapshotAfter(before, Duration.ofSeconds(60));
        stack.buildCatalogs(false, message -> {});
        player = app.playerNamed(KITCHEN_ECHO + " (Alexa)").orElseThrow();
        routine = routines.create(LocalStack.DEMO_USER_ID, LocalStack.DEMO_TOKEN, KITCHEN_ECHO);
        assertEquals(KITCHEN_ECHO + " play request", routine.triggerName());
        assertEquals(
                "Kitchen Echo Dot play request",
                routines.create(LocalStack.DEMO_USER_ID, LocalStack.DEMO_TOKEN, "Kitchen Echo Dot")
                        .triggerName());
        gateway.clear();
        for (String album : List.of("OK Computer", "Kind of Blue", "In Rainbows")) {
            assertEquals("played", play(album).outcome());
        }
        LocalConnector.sleep(1000);
        assertEquals(3, opened(gateway), () -> "three plays, three DETECTED: " + reports(gateway));
    }

    static boolean closedAgain(EventGatewayStandIn gateway) {
        return gateway.received().stream()
                .anyMatch(
                        e -> e.endpointId().equals(routine.triggerEndpointId()) && RoutineSimulator.closed(e.event()));
    }

    @Test
    @Order(2)
    void queueChangesInMusicAssistantBetweenTracksAreHonouredAtTheNextTrack() {
        // jump: a tap on the sixth item; the Echo's next track is that one
        app.jump(player, 5);
        String jumped = uriAt(5);
        assertEquals(jumped, app.currentUri(player));
        assertEquals(jumped, nextOnTheEcho(), "after a jump");

        // reorder: the ninth item dragged up to come right after the one playing
        String dragged = uriAt(8);
        app.move(player, queueItemId(8), -2);
        assertEquals(dragged, uriAt(6), "MA moved it");
        assertEquals(dragged, nextOnTheEcho(), "after a reorder");

        // add: "play next" on a track from another album
        String added = app.call(
                        "music/albums/album_tracks",
                        Map.of(
                                "item_id",
                                app.albumUri("In Rainbows").replaceAll(".*/", ""),
                                "provider_instance_id_or_domain",
                                "library"))
                .path(0)
                .path("uri")
                .asText();
        app.playNext(player, added);
        assertEquals(added, nextOnTheEcho(), "after an addition");
    }

    @Test
    @Order(3)
    void aSecondTriggerWhilePlayingStartsMusicAssistantsNewQueue() {
        String before = routines.playback(KITCHEN_ECHO).orElseThrow().maUri();
        RoutineRun second = play("Kind of Blue");
        assertEquals("played", second.outcome(), () -> String.valueOf(second.started()));
        String now = routines.playback(KITCHEN_ECHO).orElseThrow().maUri();
        assertNotEquals(before, now);
        assertEquals(app.currentUri(player), now, "the Echo switched to MA's new queue");
        assertEquals(uriAt(0), now);
        assertEquals(uriAt(1), nextOnTheEcho(), "and follows it");
    }

    @Test
    @Order(4)
    void anOfflineHomeAnswersTheRoutinesRequestWithAlexasOfflineError() {
        stack.stopConnector();
        try {
            long started = System.nanoTime();
            // The trigger had opened just before the home went offline: the routine runs anyway.
            RoutineRun run = routines.run(routine, System.nanoTime());
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertEquals("INTERNAL_ERROR", run.outcome(), () -> run.found() + " / " + run.started());
            JsonNode error = run.started() != null ? run.started() : run.found();
            assertTrue(error.path("payload").path("message").asText().startsWith("HOME_OFFLINE"), error.toString());
            assertNull(run.fetched(), "nothing to fetch");
            assertTrue(ms < 3000, "answered at once, not after a timeout: " + ms + " ms");
        } finally {
            stack.restartConnector(message -> {});
            stack.awaitHomeOnline(Duration.ofSeconds(30));
        }
    }

    @Test
    @Order(5)
    void anEchoPlayerRemovedByTheUserHasNoTriggerAndLeavesTheCatalogs() {
        String before = stack.snapshotVersion();
        stack.changeEchoPlayers("", message -> {}); // the user empties the connector's ECHO_PLAYERS
        assertTrue(app.playerNamed(KITCHEN_ECHO + " (Alexa)").isEmpty(), "MA no longer shows the Echo player");
        assertThrows(
                IllegalStateException.class,
                () -> routines.create(LocalStack.DEMO_USER_ID, LocalStack.DEMO_TOKEN, KITCHEN_ECHO),
                "discovery no longer lists its trigger");

        // Until the next upload Alexa still knows the name: the skill answers with an error, nothing plays.
        RoutineRun stale = routines.run(routine, System.nanoTime());
        assertFalse(stale.played(), stale.outcome());
        assertNotEquals("not recognised", stale.outcome());

        stack.awaitSnapshotAfter(before, Duration.ofSeconds(60));
        var report = stack.buildCatalogs(false, message -> {});
        assertTrue(
                report.types().stream().anyMatch(t -> t.deleted() >= 1),
                "the next upload deletes the Echo's entity: " + report.types());
        RoutineRun gone = routines.run(routine, System.nanoTime());
        assertEquals("not recognised", gone.outcome(), "the name left the catalogs: Alexa never asks the skill");
    }
}
