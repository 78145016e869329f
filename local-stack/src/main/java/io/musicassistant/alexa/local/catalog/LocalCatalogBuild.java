package io.musicassistant.alexa.local.catalog;

import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.catalog.CatalogBuild;
import io.musicassistant.alexa.catalog.CatalogLocale;
import io.musicassistant.alexa.catalog.CatalogStore;
import io.musicassistant.alexa.catalog.MergeQuery;
import io.musicassistant.alexa.catalog.smapi.SmapiClient;
import io.musicassistant.alexa.catalog.smapi.SmapiCredentials;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The catalog build on one machine: the same {@link CatalogBuild} as the Lambda runs, with DuckDB
 * instead of Athena (over the snapshots copied out of the local S3) and SMAPI at a local address
 * (the SMAPI stand-in in the local stack).
 */
public final class LocalCatalogBuild {

    /** Where SMAPI and Login with Amazon answer, and the developer account's credentials. */
    public record Smapi(URI base, URI lwaTokenUrl, SmapiCredentials credentials) {}

    /**
     * @param ingestionWait how long to wait for each upload's entity resolution (the stand-in takes a
     *     fraction of a second; Amazon takes minutes)
     */
    public record Settings(
            String skillId,
            List<CatalogLocale> locales,
            MergeQuery query,
            Duration ingestionWait,
            Duration enablementCycle) {}

    private LocalCatalogBuild() {}

    public static BuildReport run(
            S3Client s3, String bucket, Smapi smapi, Settings settings, boolean force, Consumer<String> progress) {
        CatalogStore store = new CatalogStore(s3, bucket);
        Path work = null;
        try {
            work = Files.createTempDirectory("catalog-build-");
            for (CatalogStore.Snapshot snapshot : store.snapshots()) {
                Path file = SnapshotFiles.path(work, snapshot.instanceId());
                Files.createDirectories(file.getParent());
                try (InputStream in = store.open(snapshot.key())) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            SmapiClient client = new SmapiClient(
                    smapi.base(), smapi.lwaTokenUrl(), smapi.credentials(), Clock.systemUTC(), Duration.ofSeconds(20));
            CatalogBuild.Settings build = new CatalogBuild.Settings(
                    settings.skillId(),
                    settings.locales(),
                    settings.query(),
                    "Music Assistant",
                    settings.ingestionWait(),
                    Duration.ofMillis(100),
                    settings.enablementCycle());
            return new CatalogBuild(
                            store,
                            new DuckDbMerge(work, "1GB"),
                            client,
                            build,
                            Clock.systemUTC(),
                            work.resolve("documents"),
                            progress)
                    .run(force);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** The key a snapshot object has in the bucket, for tests and the demo that put snapshots there themselves. */
    public static String key(String instanceId) {
        return CatalogSnapshot.key(instanceId);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory.
        }
    }
}
