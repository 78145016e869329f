package io.musicassistant.alexa.local;

import io.musicassistant.alexa.dev.SlowConnectionFlood;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code scripts/bench --flood}: Echo requests to the connector's stream server, as the local stack
 * runs it (the production settings), first on a quiet server and then during a slow-connection
 * flood from one address (127.0.0.2): connections left idle, TLS handshakes left half-open, request
 * headers sent a byte a second. The Echo (127.0.0.1) asks for 64 KiB ranges of a track on disk, each
 * on a new connection as a seek does, and gives up after 10 s. Prints requests served of attempted
 * and the latency of those served. A harness, not a test: nothing here asserts speed.
 */
final class FloodBenchmark {

    private static final Duration ECHO_TIMEOUT = Duration.ofSeconds(10);
    private static final int RANGE = 64 * 1024;

    private FloodBenchmark() {}

    private record Phase(int attempted, long[] servedNanos, List<String> failures) {}

    static int run(int connections, int seconds, boolean verbose, PrintStream out) throws IOException {
        LocalStackMain.quietLogs(verbose, null);
        out.println("Starting the local stack for the flood benchmark ...");
        try (LocalStack stack = LocalStack.start(LocalStack.Ports.ephemeral(), m -> out.println("• " + m))) {
            var track = stack.connector()
                    .ma()
                    .call("music/tracks/library_items", Map.of("limit", 1), Duration.ofSeconds(10))
                    .get(0);
            String url = stack.connector().signer().stream(track.path("uri").asText())
                    .url();
            long length;
            try (EchoDevice echo = new EchoDevice(stack.streams().certificate().clientContext(), ECHO_TIMEOUT)) {
                length = echo.fetch(url, null).bytes(); // on disk before anything is measured
            }
            int port = URI.create(url).getPort();
            out.printf(
                    "%nJava %s, %d cores; stream server on port %d, %s%n",
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    port,
                    stack.connector().audio().server().limits());
            Phase quiet = measure(stack, url, length, Duration.ofSeconds(Math.min(15, seconds)));
            Phase flooded;
            try (SlowConnectionFlood flood = SlowConnectionFlood.start(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    InetAddress.getByName("127.0.0.2"),
                    true,
                    connections,
                    Duration.ofSeconds(1))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (flood.connected() < connections && System.nanoTime() < deadline) {
                    pause(100);
                }
                out.printf(
                        "flood: %d connections from 127.0.0.2 (a third each idle, half-open TLS, header a byte a second), "
                                + "%d made so far%n",
                        connections, flood.connected());
                flooded = measure(stack, url, length, Duration.ofSeconds(seconds));
                out.printf(
                        "flood after %d s: %d connections held open, %d made in all (each closed one is reopened after ~1 s), "
                                + "%d attempts failed%n",
                        seconds, flood.open(), flood.connected(), flood.failed());
            }
            out.printf(
                    "%n%-48s %9s %8s %8s %8s %8s%n", "Echo range requests (ms)", "served", "p50", "p90", "p99", "max");
            print(out, "quiet server, " + quiet.attempted() + " requests", quiet);
            print(out, "during the flood of " + connections + ", " + flooded.attempted() + " requests", flooded);
            if (!flooded.failures().isEmpty()) {
                out.println("  failures during the flood (first 5): "
                        + flooded.failures()
                                .subList(0, Math.min(5, flooded.failures().size())));
            }
            return 0;
        }
    }

    /** Range requests one after another (250 ms apart) for {@code duration}, each on a fresh connection. */
    private static Phase measure(LocalStack stack, String url, long length, Duration duration) {
        Random random = new Random(7);
        List<Long> served = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int attempted = 0;
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            attempted++;
            long first = random.nextLong(length - RANGE);
            try (EchoDevice echo = new EchoDevice(stack.streams().certificate().clientContext(), ECHO_TIMEOUT)) {
                EchoDevice.Fetched fetched = echo.fetch(url, "bytes=" + first + "-" + (first + RANGE - 1));
                if (fetched.status() == 206 && fetched.correct() && fetched.bytes() == RANGE) {
                    served.add(fetched.totalNanos());
                } else {
                    failures.add("status " + fetched.status());
                }
            } catch (UncheckedIOException e) {
                failures.add(e.getCause().getClass().getSimpleName());
            }
            pause(250);
        }
        return new Phase(attempted, served.stream().mapToLong(Long::longValue).toArray(), failures);
    }

    private static void print(PrintStream out, String what, Phase phase) {
        out.printf(
                "%-48s %9s %s%n",
                what, phase.servedNanos().length + "/" + phase.attempted(), Benchmark.stats(phase.servedNanos()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
