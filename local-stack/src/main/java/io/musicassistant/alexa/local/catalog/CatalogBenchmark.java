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

    private CatalogBenchmark() {}

    /** @param duckDbMemory DuckDB's memory_limit (e.g. 4GB), or null for its default: 80 % of the machine's memory */
    public static int run(List<Integer> homeCounts, Path dataDir, String duckDbMemory, PrintStream out) {
        int most = homeCounts.stream().mapToInt(Integer::intValue).max().orElse(0);
        SyntheticHomes homes = new SyntheticHomes(2026);
        Path all = dataDir.resolve("synthetic-homes-" + SyntheticHomes.MEDIAN_TRACKS);
        long[] bytes = generate(homes, all, most, out);
        out.println();
        out.println("DuckDB memory_limit: " + (duckDbMemory == null ? "default (80 % of RAM)" : duckDbMemory));
        out.printf(
                "%-8s %10s %10s %10s %10s %12s %10s %10s%n",
                "homes", "snapshot", "per home", "p50 home", "max home", "merge (s)", "peak RSS", "rows out");
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
            long rows = new DuckDbMerge(view, duckDbMemory)
                    .merge(MergeQuery.withDefaultCaps(), e -> kept.merge(e.kind(), 1L, Long::sum));
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    "%-8d %10s %10s %10s %10s %12.1f %10s %10d%n",
                    count,
                    mb(total),
                    kb(total / count),
                    kb(sizes[count / 2]),
                    kb(sizes[count - 1]),
                    seconds,
                    mb(peakRssBytes()),
                    rows);
            out.println("         kept per type: " + kept);
            if (count == homeCounts.getFirst()) {
                parquetRatio = (double) stageOneParquetBytes(view) / total;
            }
            // Athena bills what it scans: stage 1 reads the gzip JSON as stored, once; stage 2 reads stage 1's
            // Parquet, four times at most (each reference reads only its columns).
            double json = (double) total / count * 100_000;
            double scanned = json + 4 * json * parquetRatio;
            out.printf(
                    "         Athena for 100,000 such homes: stage 1 scans ~%s, stage 2 at most ~%s (Parquet is %.0f %% of the"
                            + " JSON); ~$%.2f per build%n",
                    mb((long) json),
                    mb((long) (4 * json * parquetRatio)),
                    parquetRatio * 100,
                    scanned / 1e12 * ATHENA_USD_PER_TB);
        }
        return 0;
    }

    private static double parquetRatio;

    /** How large stage 1's result is as Snappy Parquet, as Athena's CTAS writes it. */
    private static long stageOneParquetBytes(Path view) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement statement = connection.createStatement()) {
            Path parquet = Files.createTempFile("per-home", ".parquet");
            statement.execute("COPY (" + MergeQuery.homesSql(DuckDbMerge.snapshotRows(view)) + ") TO '"
                    + parquet.toString().replace("'", "''") + "' (FORMAT PARQUET, COMPRESSION SNAPPY)");
            long bytes = Files.size(parquet);
            Files.delete(parquet);
            return bytes;
        } catch (java.sql.SQLException | IOException e) {
            throw new IllegalStateException("cannot measure stage 1 as Parquet: " + e.getMessage(), e);
        }
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
                out.printf(
                        "• %,d of %,d synthetic homes ready (%.0f s)%n",
                        i + 1, count, (System.nanoTime() - started) / 1e9);
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
                Files.createSymbolicLink(
                        snapshots.resolve(id), all.resolve("snapshots").resolve(id));
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
