package io.musicassistant.alexa.local.catalog;

import io.musicassistant.alexa.catalog.MergeQuery;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog build at scale, on this machine: generates (once, then reuses) snapshot files of
 * synthetic homes, runs the merge on DuckDB over 1,000 and 10,000 of them, and prints time, peak
 * memory, snapshot bytes per home and entities kept per type, and what Athena would scan and cost
 * for 100,000 homes. A harness, not a test: nothing here asserts speed (docs/benchmarks.md).
 */
public final class CatalogBenchmark {

    /** Athena's price per TB scanned (us-east-1 and eu-west-1, 2026), for the extrapolation. */
    static final double ATHENA_USD_PER_TB = 5.0;

    private CatalogBenchmark() {
    }

    public static int run(List<Integer> homeCounts, Path dataDir, PrintStream out) {
        int most = homeCounts.stream().mapToInt(Integer::intValue).max().orElse(0);
        SyntheticHomes homes = new SyntheticHomes(2026);
        Path all = dataDir.resolve("synthetic-homes-" + SyntheticHomes.MEDIAN_TRACKS);
        long[] bytes = generate(homes, all, most, out);
        out.println();
        out.printf("%-8s %10s %10s %10s %10s %12s %10s %10s%n", "homes", "snapshot", "per home", "p50 home", "max home", "merge (s)",
                "peak RSS", "rows out");
        for (int count : homeCounts) {
            Path view = linkFirst(all, count);
            long total = 0;
            long[] sizes = Arrays.copyOf(bytes, count);
            for (long b : sizes) {
                total += b;
            }
            Arrays.sort(sizes);
            Map<ContentKind, Long> kept = new EnumMap<>(ContentKind.class);
            long started = System.nanoTime();
            long rows = new DuckDbMerge(view, null).merge(MergeQuery.withDefaultCaps(), e -> kept.merge(e.kind(), 1L, Long::sum));
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("%-8d %10s %10s %10s %10s %12.1f %10s %10d%n", count, mb(total), kb(total / count), kb(sizes[count / 2]),
                    kb(sizes[count - 1]), seconds, mb(peakRssBytes()), rows);
            out.println("         kept per type: " + kept);
            double perHome = (double) total / count;
            double scanned = perHome * 100_000;
            out.printf("         Athena for 100,000 such homes: ~%s scanned per build (gzip JSON is scanned as stored), ~$%.2f per build%n",
                    mb((long) scanned), scanned / 1e12 * ATHENA_USD_PER_TB);
        }
        return 0;
    }

    /** Writes the snapshots that are missing; returns each home's snapshot size. */
    private static long[] generate(SyntheticHomes homes, Path dir, int count, PrintStream out) {
        long[] sizes = new long[count];
        long started = System.nanoTime();
        long tracks = 0;
        for (int i = 0; i < count; i++) {
            String id = SyntheticHomes.instanceId(i);
            Path file = SnapshotFiles.path(dir, id);
            try {
                if (Files.isRegularFile(file)) {
                    sizes[i] = Files.size(file);
                } else {
                    sizes[i] = SnapshotFiles.write(dir, id, homes.home(i));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if ((i + 1) % 1000 == 0) {
                out.printf("• %,d of %,d synthetic homes ready (%.0f s)%n", i + 1, count, (System.nanoTime() - started) / 1e9);
            }
        }
        return sizes;
    }

    /** A folder whose snapshots/ holds links to the first {@code count} homes' snapshots. */
    private static Path linkFirst(Path all, int count) {
        try {
            Path view = Files.createTempDirectory("catalog-bench-" + count);
            Path snapshots = Files.createDirectories(view.resolve("snapshots"));
            for (int i = 0; i < count; i++) {
                String id = SyntheticHomes.instanceId(i);
                Files.createSymbolicLink(snapshots.resolve(id), all.resolve("snapshots").resolve(id));
            }
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process's peak resident memory (the JVM and DuckDB's native memory alike), from /proc. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // Not Linux: no figure.
        }
        return -1;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.1f MB", bytes / 1e6);
    }

    private static String kb(long bytes) {
        return String.format("%.0f kB", bytes / 1e3);
    }
}
