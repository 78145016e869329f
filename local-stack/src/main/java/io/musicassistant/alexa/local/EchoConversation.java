package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The demo's part for issue 16, an Echo as a Music Assistant player: play is pressed in MA's app on
 * "Kitchen Echo (Alexa)", the trigger's ChangeReport reaches the event gateway, the routine the
 * user made for that Echo asks the music skill (GetPlayableContent, Initiate) for that player's
 * queue, the Echo fetches the first track; then "next" in MA, and the Echo's next GetNextItem gets
 * MA's new current item.
 */
final class EchoConversation {

    /** The Echo the demo's connector registers in MA: its only {@code ECHO_PLAYERS} name. */
    static final String KITCHEN_ECHO = LocalConfig.ECHO_PLAYERS;

    static final String ALBUM = "OK Computer";

    private final Transcript transcript;
    private final PrintStream out;

    EchoConversation(Transcript transcript) {
        this.transcript = transcript;
        this.out = transcript.out();
    }

    void run(LocalStack stack) {
        out.println("\n— An Echo as a Music Assistant player: press play in Music Assistant, the Echo plays —");
        RoutineSimulator routines = stack.routines();
        try (MaApp app = MaApp.open(stack.ma())) {
            String shown = KITCHEN_ECHO + " (Alexa)";
            String player = app.playerNamed(shown).orElse(null);
            out.printf(
                    "%n%2d. (the connector registered the Echo the user named as a Music Assistant player)%n",
                    transcript.nextStep());
            if (player == null) {
                transcript.failStep("Music Assistant shows no player \"" + shown + "\"");
                return;
            }
            out.println("    Music Assistant's app lists \"" + shown + "\" (player " + player + ")");

            out.printf(
                    "%n%2d. (in the Alexa app, once: a routine — when \"%s play request\" opens → on %s,"
                            + " custom action \"play %s on Music Assistant\")%n",
                    transcript.nextStep(), KITCHEN_ECHO, KITCHEN_ECHO, KITCHEN_ECHO);
            RoutineSimulator.Routine routine;
            try {
                routine = routines.create(LocalStack.DEMO_USER_ID, LocalStack.DEMO_TOKEN, KITCHEN_ECHO);
            } catch (IllegalStateException e) {
                transcript.failStep(e.getMessage());
                return;
            }
            out.println("    the app's device list has the trigger \"" + routine.triggerName() + "\" ("
                    + routine.triggerEndpointId() + "); the routine's words: \"" + routine.phrase() + "\"");

            RoutineRun run = pressPlay(stack, app, player, routines);
            if (run == null || !run.played()) {
                return;
            }
            afterNextInMa(app, player, routines);
        }
    }

    /** Play pressed in MA's app → the trigger's report → the routine → the Echo's first track. */
    private RoutineRun pressPlay(LocalStack stack, MaApp app, String player, RoutineSimulator routines) {
        EventGatewayStandIn gateway = stack.services().gateway();
        int before = routines.runs().size();
        out.printf(
                "%n%2d. (in Music Assistant's app: play the album \"%s\" on \"%s (Alexa)\")%n",
                transcript.nextStep(), ALBUM, KITCHEN_ECHO);
        String album = app.albumUri(ALBUM);
        int seen = gateway.received().size();
        long pressed = System.nanoTime();
        app.play(player, album);
        List<RoutineRun> runs = routines.awaitRuns(before + 1, Duration.ofSeconds(15));
        for (EventGatewayStandIn.Received e :
                gateway.received().subList(seen, gateway.received().size())) {
            out.println("    ⇒ event gateway received " + e.name() + " for " + e.endpointId() + ": "
                    + e.event().path("event").path("payload").path("change").path("properties"));
        }
        if (runs.size() <= before) {
            transcript.failStep("no routine ran within 15 s of pressing play");
            out.println("    !! no routine ran");
            return null;
        }
        RoutineRun run = runs.get(before);
        int ran = routines.settle(Duration.ofMillis(300)) - before;
        if (ran > 1) {
            out.printf("    (the trigger opened %d times for this one play: the routine ran %d times)%n", ran, ran);
        }
        out.printf(
                "    the routine runs on %s: Alexa hears \"%s\" and resolves the name in the skill's catalogs%n",
                KITCHEN_ECHO, run.routine().phrase());
        if (run.entity() == null) {
            transcript.failStep("no catalog entity is named " + KITCHEN_ECHO);
            out.println("    !! the catalogs hold no " + KITCHEN_ECHO);
            return run;
        }
        out.println("    → "
                + Describe.request(AlexaRequests.getPlayableContentByEntity(
                        LocalStack.DEMO_TOKEN,
                        run.entity().attributeType(),
                        run.entity().entityId())));
        out.println("    ← " + Describe.answer(run.found()));
        if (run.started() != null) {
            String contentId =
                    run.found().path("payload").path("content").path("id").asText();
            out.println("    → " + Describe.request(AlexaRequests.initiate(LocalStack.DEMO_TOKEN, contentId, false)));
            out.println("    ← " + Describe.answer(run.started()));
        }
        if (!run.played()) {
            transcript.failStep("the routine ended with " + run.outcome());
            out.println("    !! the routine ended with " + run.outcome());
            return run;
        }
        EchoDevice.Fetched fetched = run.fetched();
        String playing = EchoDevice.uriOf(run.firstStreamUrl());
        out.printf(
                "    the Echo fetches the first track: %d %s, %,d bytes, %s%n",
                fetched.status(),
                fetched.contentType(),
                fetched.bytes(),
                fetched.correct() ? "MP3 frames identical to Music Assistant's stream" : "WRONG BYTES");
        out.printf(
                "      play pressed → first audio byte at the Echo: %.0f ms (Alexa's own routine delay not included)%n",
                (run.firstByteAt() - pressed) / 1e6);
        transcript.expectEqual("the Echo plays MA's current item", String.valueOf(app.currentUri(player)), playing);
        return run;
    }

    /** "next" in MA's app; the Echo, at the end of its track, asks GetNextItem and gets MA's new current item. */
    private void afterNextInMa(MaApp app, String player, RoutineSimulator routines) {
        out.printf("%n%2d. (in Music Assistant's app: next, while the Echo plays)%n", transcript.nextStep());
        app.next(player);
        String current = app.currentUri(player);
        out.println("    Music Assistant's queue now has " + current + " as its current item");
        out.printf("%n%2d. (the Echo's track ends; Alexa asks the skill what comes next)%n", transcript.nextStep());
        JsonNode next = routines.trackEnds(KITCHEN_ECHO, false);
        out.println("    ← " + Describe.answer(next));
        EchoPlayback playback = routines.playback(KITCHEN_ECHO).orElseThrow();
        if (!"GetNextItem.Response".equals(Conversation.outcome(next))) {
            transcript.failStep("expected GetNextItem.Response, got " + Conversation.outcome(next));
            return;
        }
        out.printf(
                "    the Echo fetches %s: %d, %,d bytes, %s%n",
                playback.maUri(),
                playback.fetched().status(),
                playback.fetched().bytes(),
                playback.fetched().correct() ? "identical to Music Assistant's stream" : "WRONG BYTES");
        transcript.expectEqual("GetNextItem returns MA's new current item", String.valueOf(current), playback.maUri());
    }
}
