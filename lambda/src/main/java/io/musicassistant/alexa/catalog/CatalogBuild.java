package io.musicassistant.alexa.catalog;

import io.musicassistant.alexa.catalog.smapi.SmapiClient;
import io.musicassistant.alexa.catalog.smapi.SmapiException;
import io.musicassistant.alexa.catalog.smapi.UploadStatus;
import io.musicassistant.alexa.log.JsonLog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of the catalog build (docs/catalogs.md): merge every home's snapshot on the engine,
 * compare each catalog type with its ledger, upload only the differences through SMAPI (artists
 * first, so that albums and tracks can refer to them), wait until Amazon resolved the entities, and
 * record the new ledger only for what Amazon accepted. A run with no snapshot newer than the last
 * complete build does nothing.
 */
public final class CatalogBuild {

    private static final JsonLog LOG = JsonLog.get(CatalogBuild.class);
    /** SMAPI's parts are 5 MB to 5 GB (the last may be smaller); the ASK CLI uses 8 MiB. */
    static final long PART_BYTES = 8L * 1024 * 1024;
    /**
     * Past this many ids ever uploaded, a catalog is retired for a new one before Amazon's cumulative
     * 500,000 would refuse uploads: the next build starts a new catalog with everything live.
     */
    public static final long ROTATE_AT = 480_000;
    /** Longer than any run can last (Lambda stops at 15 minutes): an older lock belongs to a run that died. */
    static final Duration LOCK_STALE_AFTER = Duration.ofMinutes(20);

    /**
     * @param skillId the music skill the catalogs serve
     * @param titlePrefix catalogs are titled "{prefix} artists" and so on
     * @param ingestionWait how long a run waits for entity resolution before it records the upload as pending
     * @param enablementCycle for a skill in development (private deployments): cycle its development
     *     enablement after every accepted upload and at least this often; null for a published skill
     */
    public record Settings(
            String skillId,
            List<CatalogLocale> locales,
            MergeQuery query,
            String titlePrefix,
            Duration ingestionWait,
            Duration pollEvery,
            Duration enablementCycle) {}

    private final CatalogStore store;
    private final MergeEngine engine;
    private final SmapiClient smapi;
    private final Settings settings;
    private final Clock clock;
    private final Path workDir;
    private final Consumer<String> progress;
    /** The skill's associated catalogs, asked once per build (every type's upload checks it). */
    private List<String> associated;

    public CatalogBuild(
            CatalogStore store,
            MergeEngine engine,
            SmapiClient smapi,
            Settings settings,
            Clock clock,
            Path workDir,
            Consumer<String> progress) {
        this.store = store;
        this.engine = engine;
        this.smapi = smapi;
        this.settings = settings;
        this.clock = clock;
        this.workDir = workDir;
        this.progress = progress;
    }

    /** @param force build even when no snapshot changed since the last complete build */
    public BuildReport run(boolean force) {
        Instant started = clock.instant();
        if (!store.lock(started, LOCK_STALE_AFTER)) {
            progress.accept("Catalog build: another build is running; this one stands down.");
            BuildReport report = new BuildReport(started);
            report.skipped();
            return report;
        }
        try {
            return locked(force, started);
        } finally {
            store.unlock();
        }
    }

    private BuildReport locked(boolean force, Instant started) {
        BuildReport report = new BuildReport(started);
        associated = null;
        List<CatalogStore.Snapshot> snapshots = store.snapshots();
        report.homes(snapshots.size());
        String digest = CatalogStore.digest(snapshots);
        var state = store.state();
        if (!force && state.isPresent() && state.get().snapshotsDigest().equals(digest)) {
            progress.accept("Catalog build: no home's library changed since the last build; nothing to do.");
            report.skipped();
            if (cycleDue(state.get().enablementCycledAt(), started)) {
                store.saveState(new CatalogStore.State(
                        state.get().snapshotsDigest(), state.get().builtAt(), cycleEnablement(started)));
            }
            return report;
        }
        progress.accept("Catalog build: merging " + snapshots.size() + " homes' snapshots ...");
        Map<CatalogType, Run> runs = new EnumMap<>(CatalogType.class);
        try {
            for (CatalogType type : CatalogType.values()) {
                runs.put(type, new Run(type));
            }
            long rows = engine.merge(
                    settings.query(),
                    entity -> runs.get(CatalogType.of(entity.kind())).accept(entity));
            report.mergedRows(rows);
            boolean allSettled = true;
            for (CatalogType type : CatalogType.values()) {
                BuildReport.TypeResult result = runs.get(type).finishAndUpload();
                report.add(result);
                allSettled &= !BuildReport.FAILED.equals(result.outcome());
                LOG.info(
                        "catalog.type_built",
                        "type",
                        type.amazonType(),
                        "outcome",
                        result.outcome(),
                        "added",
                        result.added(),
                        "changed",
                        result.changed(),
                        "deleted",
                        result.deleted(),
                        "kept",
                        result.kept());
            }
            Instant cycled = state.map(CatalogStore.State::enablementCycledAt).orElse(Instant.EPOCH);
            boolean accepted = report.types().stream()
                    .anyMatch(t -> BuildReport.ACCEPTED.equals(t.outcome()) || BuildReport.PENDING.equals(t.outcome()));
            if (settings.enablementCycle() != null && (accepted || cycleDue(cycled, started))) {
                cycled = cycleEnablement(started);
            }
            if (allSettled) {
                store.saveState(new CatalogStore.State(digest, started, cycled));
            }
        } finally {
            runs.values().forEach(Run::discard);
        }
        store.saveReport(report);
        return report;
    }

    private boolean cycleDue(Instant lastCycle, Instant now) {
        return settings.enablementCycle() != null
                && !lastCycle.plus(settings.enablementCycle()).isAfter(now);
    }

    /** Re-binds a development skill to its catalogs; a failure is logged, the next run tries again. */
    private Instant cycleEnablement(Instant now) {
        try {
            smapi.cycleDevelopmentEnablement(settings.skillId());
            LOG.info("catalog.enablement_cycled", "skill_id", settings.skillId());
            return now;
        } catch (SmapiException e) {
            LOG.warn("catalog.enablement_cycle_failed", "status", e.status(), "reason", e.getMessage());
            return Instant.EPOCH;
        }
    }

    /** One catalog type's part of the run: its ledger, the differences, and their document on disk. */
    private final class Run {
        final CatalogType type;
        final Ledger ledger;
        final Path file;
        final OutputStream out;
        final CatalogDocument document;
        final CatalogChanges changes;
        long kept;

        Run(CatalogType type) {
            this.type = type;
            Ledger stored = store.ledger(type);
            if (stored.everUploaded() >= ROTATE_AT) {
                // Amazon counts every id a catalog ever received: move to a fresh catalog with everything live.
                LOG.warn("catalog.rotating", "type", type.amazonType(), "ever_uploaded", stored.everUploaded());
                stored = stored.forNewCatalog(null);
            }
            this.ledger = stored.copy();
            try {
                Files.createDirectories(workDir);
                this.file = Files.createTempFile(workDir, type.key() + "-", ".json");
                this.out = new BufferedOutputStream(Files.newOutputStream(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.document = new CatalogDocument(out, type, settings.locales());
            this.changes = new CatalogChanges(type, ledger, clock.instant(), document);
        }

        void accept(MergedEntity entity) {
            kept++;
            changes.accept(entity);
        }

        BuildReport.TypeResult finishAndUpload() {
            changes.finish();
            document.close();
            if (!changes.any()) {
                return result(ledger.catalogId(), null, BuildReport.NOTHING_TO_SEND, List.of());
            }
            progress.accept(String.format(
                    "Catalog build: %s — %d new, %d changed, %d deleted, %d unchanged; uploading ...",
                    type.amazonType(), changes.added(), changes.changed(), changes.deleted(), changes.unchanged()));
            String catalogId = ledger.catalogId();
            String uploadId = null;
            try {
                if (catalogId == null) {
                    catalogId = smapi.createCatalog(
                            settings.titlePrefix() + " " + type.key(), type.amazonType(), type.usage());
                    smapi.associate(settings.skillId(), catalogId);
                } else if (!associated().contains(catalogId)) {
                    smapi.associate(settings.skillId(), catalogId); // a recreated skill lost its catalogs
                }
                uploadId = upload(catalogId);
                UploadStatus status = awaitIngestion(catalogId, uploadId);
                Ledger accepted = catalogId.equals(ledger.catalogId()) ? ledger : relabel(catalogId);
                if (status.failed()) {
                    return result(catalogId, uploadId, BuildReport.FAILED, status.errors());
                }
                store.saveLedger(type, accepted);
                return result(
                        catalogId,
                        uploadId,
                        status.usableByVoice() ? BuildReport.ACCEPTED : BuildReport.PENDING,
                        status.errors());
            } catch (SmapiException e) {
                LOG.warn(
                        "catalog.upload_refused",
                        "type",
                        type.amazonType(),
                        "status",
                        e.status(),
                        "reason",
                        e.getMessage());
                List<String> errors = new ArrayList<>(e.violations());
                errors.addFirst(e.getMessage());
                return result(catalogId, uploadId, BuildReport.FAILED, errors);
            }
        }

        /** The ledger of a catalog created in this run: the same entries, under the new id. */
        private Ledger relabel(String catalogId) {
            Ledger fresh = ledger.forNewCatalog(catalogId);
            ledger.entries().forEach(fresh::record);
            return fresh;
        }

        private String upload(String catalogId) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int parts = (int) Math.max(1, (size + PART_BYTES - 1) / PART_BYTES);
            SmapiClient.Upload upload = smapi.createUpload(catalogId, parts);
            List<SmapiClient.PartTag> tags = new ArrayList<>();
            for (SmapiClient.Part part : upload.parts()) {
                long offset = (part.number() - 1L) * PART_BYTES;
                tags.add(new SmapiClient.PartTag(
                        part.number(), smapi.putPart(part, file, offset, Math.min(PART_BYTES, size - offset))));
            }
            smapi.complete(catalogId, upload.id(), tags);
            return upload.id();
        }

        private UploadStatus awaitIngestion(String catalogId, String uploadId) {
            Instant deadline = clock.instant().plus(settings.ingestionWait());
            UploadStatus status = smapi.status(catalogId, uploadId);
            while (!status.usableByVoice()
                    && !status.failed()
                    && clock.instant().isBefore(deadline)) {
                sleep(settings.pollEvery());
                status = smapi.status(catalogId, uploadId);
            }
            return status;
        }

        private BuildReport.TypeResult result(String catalogId, String uploadId, String outcome, List<String> errors) {
            return new BuildReport.TypeResult(
                    type,
                    catalogId,
                    uploadId,
                    kept,
                    changes.added(),
                    changes.changed(),
                    changes.unchanged(),
                    changes.deleted(),
                    outcome,
                    errors);
        }

        void discard() {
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file; the work directory is temporary too.
            }
        }
    }

    private List<String> associated() {
        if (associated == null) {
            associated = smapi.catalogsOf(settings.skillId());
        }
        return associated;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Amazon's ingestion");
        }
    }
}
