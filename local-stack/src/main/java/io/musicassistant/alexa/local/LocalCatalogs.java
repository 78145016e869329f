package io.musicassistant.alexa.local;

import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.catalog.CatalogLocale;
import io.musicassistant.alexa.catalog.CatalogStore;
import io.musicassistant.alexa.catalog.MergeQuery;
import io.musicassistant.alexa.catalog.smapi.SmapiCredentials;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.SmapiStandIn;
import io.musicassistant.alexa.local.catalog.LocalCatalogBuild;
import io.musicassistant.alexa.platform.Buckets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The voice catalogs on this machine: the SMAPI stand-in the build uploads to, the local
 * developer's SMAPI credentials, and the build itself over the homes' snapshots in the local S3.
 */
final class LocalCatalogs implements AutoCloseable {

    /** The locales of the local catalogs: those the demo's requests use. */
    static final String CATALOG_LOCALES = "en-US,en-GB,de-DE";

    /** The local developer account's Login-with-Amazon client and refresh token for SMAPI; valid only against the stand-ins. */
    static final String SMAPI_CLIENT_ID = "amzn1.application-oa2-client.localsmapideveloper00000000";

    static final String SMAPI_CLIENT_SECRET = "local-smapi-client-secret-not-secret";

    static final String SMAPI_REFRESH_TOKEN = "Atzr|LocalSmapiDeveloperRefreshToken-OnlyValidAgainstTheLocalStack";

    private final LocalBuckets buckets;
    private final SmapiStandIn smapi;
    private final LocalCatalogBuild.Smapi smapiEndpoint;

    private LocalCatalogs(LocalBuckets buckets, SmapiStandIn smapi, LocalCatalogBuild.Smapi smapiEndpoint) {
        this.buckets = buckets;
        this.smapi = smapi;
        this.smapiEndpoint = smapiEndpoint;
    }

    /** Starts the SMAPI stand-in and registers the local developer's refresh token with the LWA stand-in. */
    static LocalCatalogs start(DevServices services, LocalBuckets buckets, Path catalogsDir) {
        SmapiStandIn smapi;
        try {
            smapi = SmapiStandIn.start(
                    0,
                    catalogsDir != null ? catalogsDir : Files.createTempDirectory("ma-alexa-catalogs-"),
                    services.lwa(),
                    SmapiStandIn.Options.defaults().withStepDelay(Duration.ofMillis(50)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        services.lwa()
                .registerRefreshToken(
                        SMAPI_CLIENT_ID, SMAPI_CLIENT_SECRET, SMAPI_REFRESH_TOKEN, "amzn1.account.AELOCALDEVELOPER");
        LocalCatalogBuild.Smapi smapiEndpoint = new LocalCatalogBuild.Smapi(
                URI.create(smapi.baseUrl()),
                URI.create(services.lwa().baseUrl() + "/auth/o2/token"),
                new SmapiCredentials(SMAPI_CLIENT_ID, SMAPI_CLIENT_SECRET, SMAPI_REFRESH_TOKEN, "M1LOCALVENDOR"));
        return new LocalCatalogs(buckets, smapi, smapiEndpoint);
    }

    SmapiStandIn smapi() {
        return smapi;
    }

    /**
     * Runs the catalog build as the scheduled Lambda would, on DuckDB and against the SMAPI stand-in:
     * every home's snapshot in the local S3 merged, the differences uploaded and validated.
     */
    BuildReport build(boolean force, Consumer<String> progress) {
        try (var s3 = buckets.client()) {
            return LocalCatalogBuild.run(
                    s3,
                    buckets.names().name(Buckets.CATALOG),
                    smapiEndpoint,
                    new LocalCatalogBuild.Settings(
                            LocalStack.MUSIC_SKILL_ID,
                            CatalogLocale.parse(CATALOG_LOCALES),
                            MergeQuery.withDefaultCaps(),
                            Duration.ofSeconds(30),
                            Duration.ofHours(4)),
                    force,
                    progress);
        }
    }

    /** The version (ETag) of this home's library snapshot in the local S3, or null before its first upload. */
    String snapshotVersion() {
        try (var s3 = buckets.client()) {
            return new CatalogStore(s3, buckets.names().name(Buckets.CATALOG))
                    .snapshots().stream()
                            .findFirst()
                            .map(CatalogStore.Snapshot::eTag)
                            .orElse(null);
        }
    }

    /** Waits until the connector uploaded a library snapshot other than {@code previous} (null: any). */
    void awaitSnapshotAfter(String previous, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String now = snapshotVersion();
            if (now != null && !now.equals(previous)) {
                return;
            }
            LocalConnector.sleep(200);
        }
        throw new IllegalStateException(
                "the connector's library snapshot did not arrive within " + timeout.toSeconds() + " s");
    }

    @Override
    public void close() {
        smapi.close();
    }
}
