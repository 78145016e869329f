package io.musicassistant.alexa.connector.catalog;

import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUploadRequest;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One export of the home's library (docs/catalogs.md): reads every library item from Music
 * Assistant page by page into a gzip snapshot in the state directory, compares its fingerprints with
 * those of the last successful upload, and uploads only when they differ. The last uploaded snapshot
 * stays in {@code $STATE_DIR/catalog/library.ndjson.gz}: exactly what left the home, for anyone who
 * wants to read it ({@code zcat}).
 */
public final class CatalogExport {

    private static final JsonLog LOG = JsonLog.get(CatalogExport.class);
    static final String DIR = "catalog";
    static final String NEW_FILE = CatalogSnapshot.FILE_NAME + ".new";
    static final String FINGERPRINTS_FILE = "fingerprints.bin";
    static final int PROGRESS_EVERY = 5000;
    /** Albums whose ids tracks can look up: a few MB at most, and far more albums than a home has. */
    static final int MAX_ALBUM_INDEX = 100_000;

    /** Puts a finished snapshot file where the cloud reads it. */
    @FunctionalInterface
    public interface Uploader {
        void upload(Path file, SnapshotUploadRequest request);
    }

    /** What an export did: uploaded, or found nothing changed since the last upload. */
    public record Outcome(boolean uploaded, int entities, long bytes, Fingerprints.Diff diff) {}

    private final LibraryReader reader;
    private final CatalogSettings settings;
    private final Path dir;
    private final String instanceId;
    private final Uploader uploader;
    private final Clock clock;
    private final Supplier<List<String>> echoNames;

    public CatalogExport(
            MaClient ma, CatalogSettings settings, Path stateDir, String instanceId, Uploader uploader, Clock clock) {
        this(ma, settings, stateDir, instanceId, uploader, clock, List::of);
    }

    /**
     * @param echoNames the names of the home's Echo players (issue 16): each is an entity of kind
     *     {@code echo}, whatever the settings say of the library's kinds, so that Alexa recognises
     *     the Echo's name in its routine
     */
    public CatalogExport(
            MaClient ma,
            CatalogSettings settings,
            Path stateDir,
            String instanceId,
            Uploader uploader,
            Clock clock,
            Supplier<List<String>> echoNames) {
        this.echoNames = echoNames;
        this.reader = new LibraryReader(ma);
        this.settings = settings;
        this.dir = stateDir.resolve(DIR);
        this.instanceId = instanceId;
        this.uploader = uploader;
        this.clock = clock;
    }

    /** The kinds this home sends, in reading order: albums before tracks, whose album ids they give. */
    public List<ContentKind> kinds() {
        List<ContentKind> kinds = new ArrayList<>(List.of(ContentKind.ARTIST, ContentKind.ALBUM, ContentKind.TRACK));
        if (settings.playlists()) {
            kinds.add(ContentKind.PLAYLIST);
        }
        if (settings.radios()) {
            kinds.add(ContentKind.RADIO);
        }
        kinds.add(ContentKind.GENRE);
        return List.copyOf(kinds);
    }

    /** The snapshot last uploaded from this home (absent before the first upload). */
    public Path lastUploaded() {
        return dir.resolve(CatalogSnapshot.FILE_NAME);
    }

    /** Exports: writes a snapshot and uploads it if it differs from the last upload. */
    public synchronized Outcome run() {
        SnapshotWriter.Written snapshot = write();
        Path fingerprintsFile = dir.resolve(FINGERPRINTS_FILE);
        Fingerprints previous = Fingerprints.read(fingerprintsFile);
        if (!previous.instanceId().equals(instanceId)) {
            previous = Fingerprints.none(); // uploaded as another home (re-registered): this one has nothing yet
        }
        Fingerprints.Diff diff = snapshot.fingerprints().diff(previous);
        if (diff.none()) {
            delete(snapshot.file());
            LOG.info("catalog.export_unchanged", "entities", snapshot.entities());
            return new Outcome(false, snapshot.entities(), snapshot.bytes(), diff);
        }
        long started = System.nanoTime();
        uploader.upload(
                snapshot.file(), new SnapshotUploadRequest(snapshot.bytes(), snapshot.sha256(), snapshot.entities()));
        try {
            Files.move(
                    snapshot.file(),
                    lastUploaded(),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + lastUploaded(), e);
        }
        // Last: a crash before this line only costs one more upload of the same snapshot.
        snapshot.fingerprints().write(fingerprintsFile);
        LOG.info(
                "catalog.exported",
                "entities",
                snapshot.entities(),
                "bytes",
                snapshot.bytes(),
                "added",
                diff.added(),
                "changed",
                diff.changed(),
                "removed",
                diff.removed(),
                "upload_ms",
                (System.nanoTime() - started) / 1_000_000);
        return new Outcome(true, snapshot.entities(), snapshot.bytes(), diff);
    }

    /** Reads the library into a new snapshot file, not uploaded yet. */
    SnapshotWriter.Written write() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        long started = System.nanoTime();
        SnapshotEntities entities = new SnapshotEntities(clock);
        Map<String, String> albumIds = new HashMap<>();
        Map<ContentKind, Integer> counts = new EnumMap<>(ContentKind.class);
        int[] items = {0};
        try (SnapshotWriter writer = new SnapshotWriter(dir.resolve(NEW_FILE))) {
            for (ContentKind kind : kinds()) {
                int read = reader.read(
                        kind,
                        item -> {
                            entities.of(kind, item, albumIds::get).ifPresent(entity -> {
                                if (kind == ContentKind.ALBUM
                                        && albumIds.size() < MAX_ALBUM_INDEX
                                        && "library"
                                                .equals(item.path("provider").asText())) {
                                    albumIds.put(item.path("item_id").asText(), entity.id());
                                }
                                writer.add(entity);
                            });
                            if (++items[0] % PROGRESS_EVERY == 0) {
                                LOG.info("catalog.export_progress", "items", items[0], "kind", kind.wireName());
                            }
                        },
                        () -> !writer.full());
                if (read < 0) {
                    LOG.info("catalog.kind_unsupported", "kind", kind.wireName());
                }
                counts.put(kind, Math.max(read, 0));
            }
            List<String> echoes = echoNames.get();
            echoes.forEach(name -> entities.echo(name).ifPresent(writer::add));
            SnapshotWriter.Written written = writer.finish(instanceId);
            LOG.info(
                    "catalog.export_written",
                    "items",
                    items[0],
                    "artists",
                    counts.get(ContentKind.ARTIST),
                    "albums",
                    counts.get(ContentKind.ALBUM),
                    "tracks",
                    counts.get(ContentKind.TRACK),
                    "playlists",
                    counts.getOrDefault(ContentKind.PLAYLIST, 0),
                    "radios",
                    counts.getOrDefault(ContentKind.RADIO, 0),
                    "genres",
                    counts.get(ContentKind.GENRE),
                    "echo_players",
                    echoes.size(),
                    "entities",
                    written.entities(),
                    "merged",
                    written.merged(),
                    "dropped",
                    written.dropped(),
                    "bytes",
                    written.bytes(),
                    "ms",
                    (System.nanoTime() - started) / 1_000_000);
            return written;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // overwritten by the next export
        }
    }
}
