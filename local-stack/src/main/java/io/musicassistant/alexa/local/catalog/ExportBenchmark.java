package io.musicassistant.alexa.local.catalog;

import io.musicassistant.alexa.connector.catalog.CatalogExport;
import io.musicassistant.alexa.connector.catalog.CatalogSettings;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.masim.MaSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The library export at scale: the MA simulator with a generated library of N tracks, and the
 * connector's export in a JVM of its own limited to 256 MB of heap (as a small home server would run
 * it; {@code -Dexport.heap=-Xmx64m} tries less), reading every item over the WebSocket API into the
 * gzip snapshot. Prints the time, the export JVM's peak heap, and the snapshot's size. A harness,
 * not a test.
 */
public final class ExportBenchmark {

    static final String HEAP = System.getProperty("export.heap", "-Xmx256m");

    private ExportBenchmark() {}

    public static int run(int tracks, PrintStream out) {
        out.printf("• Starting the MA simulator with a generated library of %,d tracks ...%n", tracks);
        try (MaSimulator ma = MaSimulator.start(MaSimulator.Options.defaults().withGeneratedLibrary(tracks, 2026))) {
            Path state = Files.createTempDirectory("export-bench-");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            out.printf("• Exporting it in a connector JVM with %s ...%n", HEAP);
            Process child = new ProcessBuilder(
                            java.toString(),
                            HEAP,
                            "--enable-native-access=ALL-UNNAMED",
                            "-cp",
                            System.getProperty("java.class.path"),
                            Child.class.getName(),
                            ma.wsUrl(),
                            ma.adminToken(),
                            state.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String line = null;
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                    if (l.startsWith("RESULT ")) {
                        line = l.substring("RESULT ".length());
                    }
                }
            }
            if (child.waitFor() != 0 || line == null) {
                out.println("error: the export did not finish (out of memory under " + HEAP + "?)");
                return 1;
            }
            String[] f = line.split(" ");
            out.printf(
                    "%nlibrary export: %s tracks' library, %s entities, %.1f s, snapshot %.2f MB gzip, peak heap %.0f MB (%s)%n",
                    String.format("%,d", tracks),
                    f[2],
                    Long.parseLong(f[0]) / 1000.0,
                    Long.parseLong(f[3]) / 1e6,
                    Long.parseLong(f[1]) / 1e6,
                    HEAP);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The connector side, in its own JVM: prints "elapsed_ms peak_heap_bytes entities bytes". */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            io.musicassistant.alexa.log.JsonLog.setLevel(io.musicassistant.alexa.log.JsonLog.Level.WARN);
            MaClient ma = new MaClient(URI.create(args[0]), args[1], new MaClient.Listener() {});
            ma.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!ma.connected() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            CatalogExport export = new CatalogExport(
                    ma,
                    CatalogSettings.defaults(),
                    Path.of(args[2]),
                    "home-benchmark00000000000000000",
                    (file, request) -> {},
                    Clock.systemUTC());
            long started = System.nanoTime();
            CatalogExport.Outcome outcome = export.run();
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            long peak = 0;
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
            for (MemoryPoolMXBean pool : pools) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("RESULT " + elapsed + " " + peak + " " + outcome.entities() + " " + outcome.bytes());
            ma.close();
            System.exit(0);
        }
    }
}
