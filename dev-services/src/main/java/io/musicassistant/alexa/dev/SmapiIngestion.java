package io.musicassistant.alexa.dev;

import io.musicassistant.alexa.dev.CatalogValidator.Violation;
import io.musicassistant.alexa.dev.SmapiStandIn.SluModeling;
import io.musicassistant.alexa.dev.SmapiUpload.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A completed upload's way through UPLOAD → SCHEMA_VALIDATION → ER_INGESTION → SLU_MODELING, one
 * step per {@link SmapiStandIn.Options#stepDelay()}, on one thread (so uploads are ingested in the
 * order they were completed); accepted documents are stored under their catalog type, refused ones
 * under rejected/ with their errors.
 */
final class SmapiIngestion implements AutoCloseable {

    private final SmapiState state;
    private final SmapiStandIn.Options options;
    private final Path storeDir;
    private final ScheduledExecutorService ingestion = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "smapi-standin-ingestion");
        thread.setDaemon(true);
        return thread;
    });

    SmapiIngestion(SmapiState state, SmapiStandIn.Options options, Path storeDir) {
        this.state = state;
        this.options = options;
        this.storeDir = storeDir;
    }

    /** Starts ingesting a completed upload whose schema was validated. */
    void start(SmapiUpload upload) {
        later(upload, () -> uploaded(upload));
    }

    /** Runs an upload's next step one stepDelay from now, on the ingestion thread. */
    private void later(SmapiUpload upload, Runnable step) {
        ingestion.schedule(
                () -> {
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        // An internal failure (say, the store directory is not writable) shows as a failed
                        // step rather than leaving the upload in progress for ever.
                        synchronized (state.lock) {
                            for (SmapiUpload.StepState state : upload.steps.values()) {
                                if (state.status.equals(SmapiUpload.PENDING)
                                        || state.status.equals(SmapiUpload.IN_PROGRESS)) {
                                    state.status = SmapiUpload.FAILED;
                                    state.errors.add(new Violation("", "INTERNAL_ERROR", String.valueOf(e)));
                                }
                            }
                        }
                    }
                },
                options.stepDelay().toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private void uploaded(SmapiUpload upload) {
        synchronized (state.lock) {
            upload.step(Step.UPLOAD).status = SmapiUpload.SUCCEEDED;
            upload.fileStatus = "AVAILABLE";
            upload.step(Step.SCHEMA_VALIDATION).status = SmapiUpload.IN_PROGRESS;
            upload.lastUpdatedDate = options.clock().instant();
        }
        later(upload, () -> schemaValidated(upload));
    }

    private void schemaValidated(SmapiUpload upload) {
        synchronized (state.lock) {
            upload.lastUpdatedDate = options.clock().instant();
            if (!upload.schema.valid()) {
                fail(upload, Step.SCHEMA_VALIDATION, upload.schema.violations());
                upload.schema = null; // its violations live on in the step; the parsed tree is not needed
                return;
            }
            upload.step(Step.SCHEMA_VALIDATION).status = SmapiUpload.SUCCEEDED;
            upload.step(Step.ER_INGESTION).status = SmapiUpload.IN_PROGRESS;
        }
        later(upload, () -> ingested(upload));
    }

    private void ingested(SmapiUpload upload) {
        synchronized (state.lock) {
            upload.lastUpdatedDate = options.clock().instant();
            SmapiCatalog catalog = upload.catalog;
            CatalogLedger.Plan plan;
            try {
                plan = catalog.ledger.plan(upload.schema.entities(), options.entityCap(), context(catalog));
            } catch (RuntimeException e) {
                plan = new CatalogLedger.Plan(
                        List.of(new Violation("", "INTERNAL_ERROR", String.valueOf(e))), List.of(), List.of());
            }
            // Past ER_INGESTION the parsed entities are only in the ledger (if accepted): free the tree.
            upload.schema = null;
            if (!plan.accepted()) {
                fail(upload, Step.ER_INGESTION, plan.errors());
                return;
            }
            // Stored before it is applied: if the store fails, the catalog is left as it was.
            store(storeDir.resolve(catalog.type.type()), upload, null);
            catalog.ledger.apply(plan);
            catalog.lastUpdatedDate = upload.lastUpdatedDate;
            upload.step(Step.ER_INGESTION).status = SmapiUpload.SUCCEEDED;
            upload.step(Step.ER_INGESTION).errors.addAll(plan.warnings());
            switch (options.sluModeling()) {
                case SUCCEEDS, STAYS_IN_PROGRESS -> upload.step(Step.SLU_MODELING).status = SmapiUpload.IN_PROGRESS;
                case STAYS_PENDING -> {}
            }
        }
        if (options.sluModeling() == SluModeling.SUCCEEDS) {
            later(upload, () -> {
                synchronized (state.lock) {
                    upload.step(Step.SLU_MODELING).status = SmapiUpload.SUCCEEDED;
                    upload.lastUpdatedDate = options.clock().instant();
                }
            });
        }
    }

    /** Fails a step with its errors, cancels the ones after it, and keeps the document under rejected/. */
    private void fail(SmapiUpload upload, Step step, List<Violation> errors) {
        upload.step(step).status = SmapiUpload.FAILED;
        upload.step(step).errors.addAll(errors);
        for (Step later : Step.values()) {
            if (later.ordinal() > step.ordinal()) {
                upload.step(later).status = SmapiUpload.CANCELLED;
            }
        }
        store(storeDir.resolve("rejected").resolve(upload.catalog.type.type()), upload, errors);
    }

    /**
     * The ids an upload's references may resolve to and must not clash with: the live entities of
     * the other catalogs that share a skill with this one, plus the entities of their uploads that
     * passed schema validation and await ingestion (the same batch, in whatever order it completed).
     */
    private CatalogLedger.Context context(SmapiCatalog catalog) {
        Set<String> artists = new HashSet<>();
        Set<String> albums = new HashSet<>();
        Map<String, String> others = new HashMap<>();
        for (SmapiCatalog other : state.catalogs.values()) {
            if (other == catalog || Collections.disjoint(other.skillIds, catalog.skillIds)) {
                continue;
            }
            Set<String> ids = other.ledger.liveIds();
            ids.forEach(id -> others.putIfAbsent(id, other.id));
            for (SmapiUpload pending : other.uploads.values()) {
                if (pending.inFlight()) {
                    pending.schema.entities().stream()
                            .filter(e -> !CatalogLedger.isTombstone(e))
                            .forEach(e -> ids.add(e.get("id").textValue()));
                }
            }
            if (other.type == MusicCatalogType.MUSIC_GROUP) {
                artists.addAll(ids);
            } else if (other.type == MusicCatalogType.MUSIC_ALBUM) {
                albums.addAll(ids);
            }
        }
        return new CatalogLedger.Context(artists, albums, others);
    }

    /** Writes the document as uploaded (and, for a refused one, its errors) atomically. */
    private void store(Path dir, SmapiUpload upload, List<Violation> errors) {
        try {
            Files.createDirectories(dir);
            write(dir.resolve(upload.id + ".json"), upload.document);
            if (errors != null) {
                List<Map<String, String>> list = errors.stream()
                        .map(v -> Map.of("code", v.code(), "path", v.path(), "message", v.message()))
                        .toList();
                write(
                        dir.resolve(upload.id + ".errors.json"),
                        SmallHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(list));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store upload " + upload.id, e);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        ingestion.shutdownNow();
    }
}
