package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.EventGatewayStandIn;
import io.musicassistant.alexa.music.MusicContent;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measures, on the running local stack, the relay round trip (cloud → SQS → connector → DynamoDB →
 * cloud) and how long each kind of directive takes end to end over HTTP. Prints percentiles; the
 * figures in docs/benchmarks.md come from here. A harness, not a test: nothing here asserts speed.
 */
final class Benchmark {

    private Benchmark() {}

    static int run(int iterations, boolean verbose, boolean reportsOnly, boolean audioOnly, PrintStream out)
            throws IOException {
        LocalStackMain.quietLogs(verbose, null);
        out.println("Starting the local stack for the benchmark ...");
        try (LocalStack stack = LocalStack.start(LocalStack.Ports.ephemeral(), m -> out.println("• " + m))) {
            SkillClient skill = new SkillClient(stack.alexaUrl());
            Home home = stack.cloud().homes().onlineHomeOf(LocalStack.DEMO_USER_ID);
            String token = LocalStack.DEMO_TOKEN;

            Supplier<Long> ping = () -> timed(() -> stack.cloud()
                    .relay()
                    .call(
                            home,
                            RelayProtocol.Command.PING,
                            Map.of(),
                            Instant.now().plusSeconds(5)));
            Supplier<Long> search = () -> timed(() -> expect(
                    skill.send(AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer", "ARTIST", "Radiohead")),
                    "GetPlayableContent.Response"));
            JsonNode found =
                    skill.send(AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer", "ARTIST", "Radiohead"));
            String contentId = found.path("payload").path("content").path("id").asText();
            JsonNode method = skill.send(AlexaRequests.initiate(token, contentId, false))
                    .path("payload")
                    .path("playbackMethod");
            AlexaRequests.Position first = new AlexaRequests.Position(
                    method.path("firstItem").path("id").asText(),
                    method.path("id").asText(),
                    contentId);
            Supplier<Long> initiate = () -> timed(
                    () -> expect(skill.send(AlexaRequests.initiate(token, contentId, false)), "Initiate.Response"));
            Supplier<Long> next = () -> timed(
                    () -> expect(skill.send(AlexaRequests.getNextItem(token, first, false)), "GetNextItem.Response"));
            // Cold paths: a token Alexa has just refreshed (LWA is asked), and content whose cache entry expired.
            Supplier<Long> newToken = () -> {
                String fresh =
                        stack.services().lwa().issueToken(LocalStack.DEMO_USER_ID, "Demo User", Duration.ofHours(1));
                return timed(() -> expect(
                        skill.send(
                                AlexaRequests.getPlayableContent(fresh, "ALBUM", "OK Computer", "ARTIST", "Radiohead")),
                        "GetPlayableContent.Response"));
            };
            String cacheTable = stack.cloud().tables().name(Tables.CONTENT);
            String cacheKey = MusicContent.cacheKey(home, contentId, true);
            Supplier<Long> coldInitiate = () -> {
                stack.cloud()
                        .aws()
                        .dynamoDb()
                        .deleteItem(b -> b.tableName(cacheTable).key(Attrs.key(Tables.CONTENT.key(), cacheKey)));
                return timed(
                        () -> expect(skill.send(AlexaRequests.initiate(token, contentId, false)), "Initiate.Response"));
            };

            out.printf(
                    "%nJava %s, %d cores; %d measured iterations after %d warm-up%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), iterations, iterations / 5);
            out.printf("%-48s %6s %8s %8s %8s %8s%n", "what (ms)", "n", "p50", "p90", "p99", "max");
            if (reportsOnly) {
                reportLatency(stack, skill, out, Math.min(iterations, 200));
                return 0;
            }
            if (audioOnly) {
                AudioBenchmark.run(stack, skill, out, Math.min(iterations, 30));
                return 0;
            }
            report(out, "relay round trip (ping, RelayClient)", ping, iterations);
            report(out, "GetPlayableContent over HTTP (relay + MA)", search, iterations);
            report(out, "Initiate over HTTP (from cache, no relay)", initiate, iterations);
            report(out, "GetNextItem over HTTP (from cache, no relay)", next, iterations);
            report(out, "GetPlayableContent, token seen first (LWA+relay)", newToken, iterations);
            report(out, "Initiate after the cache expired (relay + MA)", coldInitiate, iterations);

            // The control skill: a smart-home directive and a voice intent, each one relay round trip.
            Supplier<Long> setVolume = () -> timed(() -> expectEvent(
                    skill.send(ControlRequests.endpoint(
                            token, "Alexa.Speaker", "SetVolume", Conversation.KITCHEN, "volume", 25)),
                    "Response"));
            Supplier<Long> reportState = () -> timed(() -> expectEvent(
                    skill.send(ControlRequests.endpoint(token, "Alexa", "ReportState", Conversation.KITCHEN)),
                    "StateReport"));
            Supplier<Long> whatsPlaying = () -> timed(() -> {
                JsonNode answer = skill.send(
                        ControlRequests.intent(token, "en-US", "WhatsPlayingIntent", Map.of("room", "kitchen")));
                if (!Describe.speech(answer).contains("Kitchen")) {
                    throw new IllegalStateException("unexpected answer " + answer);
                }
            });
            report(out, "smart home SetVolume over HTTP (relay + MA)", setVolume, iterations);
            report(out, "smart home ReportState over HTTP (relay + MA)", reportState, iterations);
            report(out, "voice WhatsPlayingIntent over HTTP (relay + MA)", whatsPlaying, iterations);
            reportLatency(stack, skill, out, Math.min(iterations, 200));
            AudioBenchmark.run(stack, skill, out, Math.min(iterations, 30));
            return 0;
        }
    }

    /**
     * MA event → ChangeReport: a player's volume changes in the simulator; the clock runs until the
     * event-gateway stand-in has the report (MA event, connector debounce, relay API, reporter, LWA
     * grant, gateway).
     */
    private static void reportLatency(LocalStack stack, SkillClient skill, PrintStream out, int iterations) {
        EventGatewayStandIn gateway = stack.services().gateway();
        expectEvent(
                skill.send(ControlRequests.acceptGrant(
                        LocalStack.DEMO_TOKEN, stack.services().lwa().issueGrantCode(LocalStack.DEMO_USER_ID))),
                "AcceptGrant.Response");
        expectEvent(skill.send(ControlRequests.discover(LocalStack.DEMO_TOKEN)), "Discover.Response");
        int[] volume = {50};
        Supplier<Long> change = () -> {
            gateway.clear();
            volume[0] = volume[0] == 50 ? 51 : 50;
            Instant before = Instant.now();
            stack.ma().updatePlayer(Conversation.BEDROOM, p -> p.withVolumeLevel(volume[0]));
            try {
                List<EventGatewayStandIn.Received> got = gateway.await(1, Duration.ofSeconds(5));
                if (got.isEmpty() || !got.getFirst().name().equals("ChangeReport")) {
                    throw new IllegalStateException("no ChangeReport reached the gateway within 5 s of setting volume "
                            + volume[0] + "; received "
                            + got.stream()
                                    .map(r -> r.name() + " " + r.endpointId())
                                    .toList());
                }
                return Duration.between(before, got.getFirst().at()).toNanos();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        report(out, "MA player event → ChangeReport at the gateway", change, iterations);
    }

    private static void expectEvent(JsonNode answer, String name) {
        if (!Conversation.outcome(answer).equals(name)) {
            throw new IllegalStateException("unexpected answer " + answer);
        }
    }

    private static void expect(JsonNode answer, String name) {
        if (!answer.path("header").path("name").asText().equals(name)) {
            throw new IllegalStateException("unexpected answer " + answer);
        }
    }

    private static long timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return System.nanoTime() - started;
    }

    private static void report(PrintStream out, String what, Supplier<Long> sample, int iterations) {
        for (int i = 0; i < iterations / 5; i++) {
            var unused = sample.get(); // warm-up, not measured
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            nanos[i] = sample.get();
        }
        line(out, what, nanos);
    }

    /** One row: n, p50, p90, p99 and max of the samples, in ms. */
    static void line(PrintStream out, String what, long[] nanos) {
        out.printf("%-48s %6d %s%n", what, nanos.length, stats(nanos));
    }

    /** p50, p90, p99 and max of the samples, in ms. */
    static String stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                "%8.1f %8.1f %8.1f %8.1f",
                ms(sorted, 0.50),
                ms(sorted, 0.90),
                ms(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
