package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * MA→Echo start latency (issue 16): play pressed in Music Assistant's app on "Kitchen Echo
 * (Alexa)" → the first audio byte fetched by the Echo stand-in. On the way: the connector's
 * play_requested, the relay API, the trigger's ChangeReport at the event-gateway stand-in, the
 * routine (catalog name → GetPlayableContent → Initiate, whose echo.queue goes through the relay to
 * MA's queue) and the Echo's HTTPS fetch from the connector's stream server. Alexa's own delay
 * before it runs a routine is not in it: it cannot be measured here. Each sample plays another
 * album, so that its first track is not yet on the connector's disk. A harness: it asserts nothing.
 */
final class EchoBenchmark {

    private EchoBenchmark() {}

    static int run(int samples, boolean verbose, PrintStream out) throws IOException {
        LocalStackMain.quietLogs(verbose, null);
        out.println("Starting the local stack for the Echo benchmark ...");
        try (LocalStack stack = LocalStack.start(LocalStack.Ports.ephemeral(), m -> out.println("• " + m));
                MaApp app = MaApp.open(stack.ma())) {
            SkillClient skill = new SkillClient(stack.alexaUrl());
            skill.send(ControlRequests.acceptGrant(
                    LocalStack.DEMO_TOKEN, stack.services().lwa().issueGrantCode(LocalStack.DEMO_USER_ID)));
            stack.awaitSnapshotAfter(null, Duration.ofSeconds(60));
            stack.buildCatalogs(false, m -> {});
            String player = app.playerNamed(EchoConversation.KITCHEN_ECHO + " (Alexa)")
                    .orElseThrow(() -> new IllegalStateException("no Echo player in Music Assistant"));
            RoutineSimulator routines = stack.routines();
            RoutineSimulator.Routine routine =
                    routines.create(LocalStack.DEMO_USER_ID, LocalStack.DEMO_TOKEN, EchoConversation.KITCHEN_ECHO);
            List<String> albums = new ArrayList<>();
            for (JsonNode album : app.call("music/albums/library_items", Map.of("limit", 500))) {
                albums.add(album.path("uri").asText());
            }
            int warmUp = Math.min(3, albums.size() / 4);
            int n = Math.min(samples, albums.size() - warmUp);
            long[] report = new long[n];
            long[] routine2 = new long[n];
            long[] fetch = new long[n];
            long[] total = new long[n];
            long extraTriggers = 0;
            for (int i = 0; i < warmUp + n; i++) {
                Sample s = sample(stack.services().gateway(), app, routines, routine, player, albums.get(i));
                extraTriggers += s.triggers() - 1;
                if (i >= warmUp) {
                    int k = i - warmUp;
                    report[k] = s.reported() - s.pressed();
                    routine2[k] = s.run().fetchRequestedAt() - s.run().reportedAt();
                    fetch[k] = s.run().firstByteAt() - s.run().fetchRequestedAt();
                    total[k] = s.run().firstByteAt() - s.pressed();
                }
            }
            out.printf(
                    "%nJava %s, %d cores; %d albums played on %s after %d warm-up%n",
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    n,
                    EchoConversation.KITCHEN_ECHO,
                    warmUp);
            out.printf("%-56s %6s %8s %8s %8s%n", "MA → Echo start (ms)", "n", "median", "p95", "max");
            row(out, "play pressed → trigger's ChangeReport at the gateway", report);
            row(out, "report → Initiate answered (GetPlayableContent, Initiate)", routine2);
            row(out, "Echo's request → first audio byte (track not cached)", fetch);
            row(out, "play pressed → first audio byte at the Echo", total);
            out.println("  (Alexa's own delay before a routine runs is not included: it cannot be measured here)");
            out.printf("  trigger reports (DETECTED) beyond one per play: %d%n", extraTriggers);
            return 0;
        }
    }

    private record Sample(long pressed, long reported, RoutineRun run, long triggers) {}

    /**
     * One play: waits for the run of the first trigger report after it, then until no routine is
     * left to run (a second report of the same play would otherwise delay the next sample's run).
     * A trigger still open from the sample before is closed and opened again by the connector in
     * one post, so the next play needs no wait for its reset.
     */
    private static Sample sample(
            EventGatewayStandIn gateway,
            MaApp app,
            RoutineSimulator routines,
            RoutineSimulator.Routine routine,
            String player,
            String album) {
        int seen = gateway.received().size();
        long pressed = System.nanoTime();
        app.play(player, album);
        RoutineRun run = routines.awaitRunAfter(pressed, Duration.ofSeconds(15));
        if (run == null || !run.played()) {
            throw new IllegalStateException(
                    "no routine played " + album + ": " + (run == null ? "none ran" : run.outcome()));
        }
        routines.settle(Duration.ofMillis(200));
        long opened = gateway.received().subList(seen, gateway.received().size()).stream()
                .filter(e -> e.endpointId().equals(routine.triggerEndpointId()) && RoutineSimulator.opened(e.event()))
                .count();
        return new Sample(pressed, run.reportedAt(), run, opened);
    }

    private static void row(PrintStream out, String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        out.printf(
                "%-56s %6d %8.1f %8.1f %8.1f%n",
                what,
                sorted.length,
                Benchmark.ms(sorted, 0.50),
                Benchmark.ms(sorted, 0.95),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }
}
