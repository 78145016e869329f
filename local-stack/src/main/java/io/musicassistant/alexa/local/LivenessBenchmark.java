package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code scripts/bench --silent}: how fast Alexa hears "offline" from a home whose connector stopped
 * listening to its queue (issue 12). The connector's relay worker is stopped while its heartbeats go
 * on, which is what a hung poller or a broken route to SQS looks like from the cloud; smart-home
 * ReportState and music searches are then sent one after another, and every answer is timed. Most are
 * refused at once (the home is suspect); the first, and a probe every 10 s, wait for the receipt
 * timeout. Then the health sweep runs and the EndpointHealth reports are counted.
 */
final class LivenessBenchmark {

    /** The contract: every answer while the home is silent within this (docs/benchmarks.md). */
    static final long BOUND_MS = 1500;

    private LivenessBenchmark() {}

    static int run(int directives, boolean verbose, PrintStream out) throws IOException {
        LocalStackMain.quietLogs(verbose, null);
        out.println("Starting the local stack for the silent-home benchmark ...");
        try (LocalStack stack = LocalStack.start(LocalStack.Ports.ephemeral(), m -> out.println("• " + m))) {
            SkillClient skill = new SkillClient(stack.alexaUrl());
            String token = LocalStack.DEMO_TOKEN;
            expect(
                    skill.send(ControlRequests.acceptGrant(
                            token, stack.services().lwa().issueGrantCode(LocalStack.DEMO_USER_ID))),
                    "AcceptGrant.Response");
            expect(skill.send(ControlRequests.discover(token)), "Discover.Response");
            JsonNode reportState = ControlRequests.endpoint(token, "Alexa", "ReportState", Conversation.BEDROOM);
            JsonNode search = AlexaRequests.getPlayableContent(token, "ARTIST", "Radiohead");

            long[] healthy = new long[Math.max(20, directives / 4)];
            for (int i = 0; i < healthy.length / 2; i++) {
                skill.send(i % 2 == 0 ? reportState : search); // warm-up
            }
            for (int i = 0; i < healthy.length; i++) {
                long started = System.nanoTime();
                expect(skill.send(reportState), "StateReport");
                healthy[i] = System.nanoTime() - started;
            }

            // Silent: the poller stops (the connector itself, its heartbeats and Music Assistant run on).
            stack.connector().worker().close();
            stack.connector().worker().awaitStopped(Duration.ofSeconds(5));
            stack.services().gateway().clear();
            List<Long> smartHome = new ArrayList<>();
            List<Long> music = new ArrayList<>();
            Map<String, Integer> outcomes = new TreeMap<>();
            long silentSince = System.nanoTime();
            for (int i = 0; i < directives; i++) {
                boolean control = i % 2 == 0;
                long started = System.nanoTime();
                JsonNode answer = skill.send(control ? reportState : search);
                long took = System.nanoTime() - started;
                (control ? smartHome : music).add(took);
                String outcome = control
                        ? Conversation.outcome(answer)
                        : answer.path("payload")
                                .path("type")
                                .asText(answer.path("header").path("name").asText());
                outcomes.merge(outcome, 1, Integer::sum);
                sleepMs(50); // a household's pace, sped up: probes (one per 10 s) stay in the sample
            }
            double silentSeconds = (System.nanoTime() - silentSince) / 1e9;
            long[] all = new long[smartHome.size() + music.size()];
            int n = 0;
            for (long t : smartHome) {
                all[n++] = t;
            }
            for (long t : music) {
                all[n++] = t;
            }
            long over = java.util.Arrays.stream(all)
                    .filter(t -> t > BOUND_MS * 1_000_000)
                    .count();

            stack.cloud().healthSweep().run();
            List<EventGatewayStandIn.Received> reports =
                    stack.services().gateway().received();
            long unreachable = reports.stream()
                    .filter(r -> r.event()
                            .path("event")
                            .path("payload")
                            .path("change")
                            .path("properties")
                            .path(0)
                            .path("value")
                            .path("value")
                            .asText()
                            .equals("UNREACHABLE"))
                    .count();

            out.printf(
                    "%nJava %s, %d cores; receipt timeout %d ms, relay timeout %d ms%n",
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    stack.cloud().config().relayAckTimeout().toMillis(),
                    stack.cloud().config().relayTimeout().toMillis());
            out.printf("%-48s %6s %8s %8s %8s %8s%n", "what (ms)", "n", "p50", "p90", "p99", "max");
            Benchmark.line(out, "healthy home: ReportState", healthy);
            Benchmark.line(out, "silent home: every answer", all);
            Benchmark.line(
                    out,
                    "silent home: smart-home ReportState",
                    smartHome.stream().mapToLong(Long::longValue).toArray());
            Benchmark.line(
                    out,
                    "silent home: music GetPlayableContent",
                    music.stream().mapToLong(Long::longValue).toArray());
            out.printf(
                    "%nanswers while silent: %s over %.1f s; over %d ms: %d%n",
                    outcomes, silentSeconds, BOUND_MS, over);
            out.printf(
                    "EndpointHealth UNREACHABLE reports after the next sweep: %d (players the demo account discovered)%n",
                    unreachable);
            return over == 0 ? 0 : 1;
        }
    }

    private static void expect(JsonNode answer, String name) {
        if (!Conversation.outcome(answer).equals(name)) {
            throw new IllegalStateException("unexpected answer " + answer);
        }
    }

    static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
