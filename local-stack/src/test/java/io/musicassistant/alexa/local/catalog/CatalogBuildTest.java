package io.musicassistant.alexa.local.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.catalog.CatalogLocale;
import io.musicassistant.alexa.catalog.CatalogType;
import io.musicassistant.alexa.catalog.MergeQuery;
import io.musicassistant.alexa.catalog.smapi.SmapiCredentials;
import io.musicassistant.alexa.dev.CatalogValidator;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.SmapiStandIn;
import io.musicassistant.alexa.local.LocalBuckets;
import io.musicassistant.alexa.platform.Buckets;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole build on real local parts: snapshots in Moto's S3, the merge on DuckDB, uploads through
 * the SMAPI stand-in (which validates every document as Amazon documents the format), ledgers back in
 * S3. Library changes reach the next upload as additions and deletions, and nothing else.
 */
class CatalogBuildTest {

    static final String SKILL = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555";
    static final String A = CatalogMergeTest.A;
    static final String B = CatalogMergeTest.B;

    final DevServices services = DevServices.shared();
    S3Client s3;
    String bucket;
    SmapiStandIn smapi;
    LocalCatalogBuild.Smapi endpoint;

    @TempDir
    Path store;

    @BeforeEach
    void setUp() {
        LocalBuckets buckets =
                new LocalBuckets(services, "cb" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-");
        buckets.createAll();
        bucket = buckets.names().name(Buckets.CATALOG);
        s3 = buckets.client();
        smapi = SmapiStandIn.start(
                0, store, services.lwa(), SmapiStandIn.Options.defaults().withStepDelay(Duration.ofMillis(20)));
        String clientId = "amzn1.application-oa2-client.catalogbuildtest";
        services.lwa()
                .registerRefreshToken(
                        clientId, "catalog-secret", "Atzr|catalog-refresh-" + bucket, "amzn1.account.DEVELOPER");
        endpoint = new LocalCatalogBuild.Smapi(
                URI.create(smapi.baseUrl()),
                URI.create(services.lwa().baseUrl() + "/auth/o2/token"),
                new SmapiCredentials(clientId, "catalog-secret", "Atzr|catalog-refresh-" + bucket, "M1VENDOR"));
    }

    @AfterEach
    void tearDown() {
        smapi.close();
        s3.close();
    }

    void put(String home, List<SnapshotEntity> entities) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            for (SnapshotEntity e : entities) {
                gzip.write((io.musicassistant.alexa.relay.protocol.RelayJson.write(e) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        s3.putObject(
                b -> b.bucket(bucket).key(LocalCatalogBuild.key(home)), RequestBody.fromBytes(bytes.toByteArray()));
    }

    BuildReport build(boolean force) {
        return LocalCatalogBuild.run(
                s3,
                bucket,
                endpoint,
                new LocalCatalogBuild.Settings(
                        SKILL,
                        CatalogLocale.parse("en-GB,de-DE"),
                        MergeQuery.withDefaultCaps(),
                        Duration.ofSeconds(20),
                        Duration.ofHours(4)),
                force,
                m -> {});
    }

    @Test
    void libraryChangesReachTheNextUploadAsAdditionsAndDeletionsAndNothingElse() throws Exception {
        put(
                A,
                List.of(
                        CatalogMergeTest.artist("Radiohead", true),
                        CatalogMergeTest.album("OK Computer", "Radiohead"),
                        CatalogMergeTest.album("Kid A", "Radiohead"),
                        CatalogMergeTest.track("Karma Police", "Radiohead", "OK Computer", 4, 2)));
        put(
                B,
                List.of(
                        CatalogMergeTest.artist("Radiohead", false),
                        CatalogMergeTest.album("OK Computer", "Radiohead")));

        BuildReport first = build(false);
        assertEquals(2, first.homes());
        for (CatalogType type : List.of(CatalogType.ARTISTS, CatalogType.ALBUMS, CatalogType.TRACKS)) {
            assertEquals(
                    BuildReport.ACCEPTED,
                    first.type(type).outcome(),
                    type + ": " + first.type(type).errors());
        }
        assertEquals(
                BuildReport.NOTHING_TO_SEND, first.type(CatalogType.PLAYLISTS).outcome());
        String albums = first.type(CatalogType.ALBUMS).catalogId();
        assertEquals(
                java.util.Set.of("ma1:album:ok-computer:radiohead", "ma1:album:kid-a:radiohead"),
                smapi.entities(albums).keySet());
        JsonNode track =
                smapi.entities(first.type(CatalogType.TRACKS).catalogId()).get("ma1:track:karma-police:radiohead");
        assertEquals(
                "ma1:album:ok-computer:radiohead",
                track.path("albums").get(0).path("id").asText());
        // What went to "Amazon" is on disk, and it passes the format check independently of the stand-in's run.
        List<Path> stored = storedDocuments();
        assertEquals(3, stored.size(), stored.toString());
        for (Path document : stored) {
            String type = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(document.toFile())
                    .path("type")
                    .asText();
            CatalogValidator.Result result = CatalogValidator.validate(Files.readAllBytes(document), type);
            assertTrue(result.valid(), document + ": " + result.violations());
        }

        assertEquals(
                1, smapi.enablements(SKILL, "development"), "a development skill is re-bound after an accepted upload");
        BuildReport unchanged = build(false);
        assertTrue(unchanged.wasSkipped(), "no snapshot changed: no build");
        assertEquals(1, smapi.enablements(SKILL, "development"), "and not again within four hours");
        BuildReport forced = build(true);
        assertTrue(
                forced.types().stream().allMatch(t -> t.outcome().equals(BuildReport.NOTHING_TO_SEND)),
                "forced with nothing changed: nothing sent");
        assertEquals(3, storedDocuments().size());

        // Home A removes Kid A and adds The Bends.
        put(
                A,
                List.of(
                        CatalogMergeTest.artist("Radiohead", true),
                        CatalogMergeTest.album("OK Computer", "Radiohead"),
                        CatalogMergeTest.album("The Bends", "Radiohead"),
                        CatalogMergeTest.track("Karma Police", "Radiohead", "OK Computer", 4, 2)));
        BuildReport second = build(false);
        BuildReport.TypeResult albumResult = second.type(CatalogType.ALBUMS);
        assertEquals(
                BuildReport.ACCEPTED,
                albumResult.outcome(),
                albumResult.errors().toString());
        assertEquals(1, albumResult.added());
        assertEquals(1, albumResult.deleted());
        assertEquals(0, albumResult.changed());
        assertEquals(albums, albumResult.catalogId(), "the same catalog");
        assertEquals(
                BuildReport.NOTHING_TO_SEND, second.type(CatalogType.ARTISTS).outcome());
        assertEquals(
                BuildReport.NOTHING_TO_SEND, second.type(CatalogType.TRACKS).outcome());
        assertEquals(
                java.util.Set.of("ma1:album:ok-computer:radiohead", "ma1:album:the-bends:radiohead"),
                smapi.entities(albums).keySet());
        JsonNode upload = lastUpload(CatalogType.ALBUMS);
        List<String> sent = new ArrayList<>();
        upload.path("entities")
                .forEach(
                        e -> sent.add(e.path("id").asText() + (e.path("deleted").asBoolean() ? " deleted" : "")));
        assertEquals(List.of("ma1:album:the-bends:radiohead", "ma1:album:kid-a:radiohead deleted"), sent);
    }

    @Test
    void whatAmazonRefusesLeavesTheLedgerSoTheNextBuildSendsItAgain() throws Exception {
        // The SMAPI stand-in refuses uploads past a tiny cumulative cap, as Amazon does past 500,000.
        smapi.close();
        smapi = SmapiStandIn.start(
                0,
                store,
                services.lwa(),
                SmapiStandIn.Options.defaults()
                        .withStepDelay(Duration.ofMillis(10))
                        .withEntityCap(1));
        endpoint = new LocalCatalogBuild.Smapi(
                URI.create(smapi.baseUrl()), endpoint.lwaTokenUrl(), endpoint.credentials());
        put(A, List.of(CatalogMergeTest.artist("Radiohead", false), CatalogMergeTest.artist("Björk", false)));
        BuildReport refused = build(false);
        BuildReport.TypeResult artists = refused.type(CatalogType.ARTISTS);
        assertEquals(BuildReport.FAILED, artists.outcome());
        assertFalse(artists.errors().isEmpty(), "Amazon's reasons are kept");
        assertTrue(refused.failed());
        BuildReport again = build(false);
        assertFalse(again.wasSkipped(), "a failed build is not a complete one: the next run builds again");
        assertEquals(2, again.type(CatalogType.ARTISTS).added(), "the same differences are sent again");
    }

    @Test
    void twoRunsNeverOverlapAndALockLeftByADeadRunIsBroken() throws Exception {
        put(A, List.of(CatalogMergeTest.artist("Radiohead", false)));
        var store = new io.musicassistant.alexa.catalog.CatalogStore(s3, bucket);
        java.time.Instant now = java.time.Instant.now();
        assertTrue(store.lock(now, Duration.ofMinutes(20)), "a running build holds the lock");
        BuildReport second = build(false);
        assertTrue(second.wasSkipped(), "a second run stands down");
        assertTrue(second.types().isEmpty());
        store.unlock();
        assertTrue(store.lock(now.minus(Duration.ofHours(1)), Duration.ofMinutes(20)), "a run that died an hour ago");
        BuildReport next = build(false);
        assertEquals(
                BuildReport.ACCEPTED,
                next.type(CatalogType.ARTISTS).outcome(),
                "its lock is broken and the build runs");
        assertTrue(
                store.lock(java.time.Instant.now(), Duration.ofMinutes(20)),
                "and the lock was released after the build");
        store.unlock();
    }

    List<Path> storedDocuments() throws Exception {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().contains("rejected"))
                    .sorted()
                    .toList();
        }
    }

    JsonNode lastUpload(CatalogType type) throws Exception {
        Path dir = store.resolve(type.amazonType());
        try (Stream<Path> files = Files.list(dir)) {
            Path newest = files.max(
                            java.util.Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow();
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(newest.toFile());
        }
    }
}
