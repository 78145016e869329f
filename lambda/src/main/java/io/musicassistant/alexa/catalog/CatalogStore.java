package io.musicassistant.alexa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The catalog bucket as the build sees it: the homes' snapshots, and what the build keeps between
 * runs under {@code catalogs/} — a ledger per catalog type, the state of the last build, and a
 * report per build (what was sent, what Amazon answered).
 */
public final class CatalogStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String STATE_KEY = CatalogSnapshot.CATALOGS_PREFIX + "state.json";
    static final String LOCK_KEY = CatalogSnapshot.CATALOGS_PREFIX + "build.lock";

    private final S3Client s3;
    private final String bucket;

    /** One home's snapshot object; its ETag changes whenever its content does. */
    public record Snapshot(String key, String instanceId, Instant lastModified, long bytes, String eTag) {}

    /**
     * What the last complete build read: a digest of every snapshot's key and ETag (times alone
     * would miss a snapshot replaced within the same second), and when it ran.
     */
    public record State(String snapshotsDigest, Instant builtAt, Instant enablementCycledAt) {}

    /** The digest {@link State} compares: the same set of snapshot versions gives the same digest. */
    public static String digest(List<Snapshot> snapshots) {
        StringBuilder all = new StringBuilder();
        snapshots.stream()
                .map(s -> s.key() + "@" + s.eTag())
                .sorted()
                .forEach(v -> all.append(v).append('\n'));
        return io.musicassistant.alexa.platform.Hashes.sha256Hex(all.toString());
    }

    public CatalogStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Every well-named snapshot in the bucket; anything else under the prefix is ignored. */
    public List<Snapshot> snapshots() {
        List<Snapshot> found = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(CatalogSnapshot.SNAPSHOTS_PREFIX))
                .contents()) {
            var key = CatalogSnapshot.KEY.matcher(object.key());
            if (key.matches()) {
                found.add(
                        new Snapshot(object.key(), key.group(1), object.lastModified(), object.size(), object.eTag()));
            }
        }
        return found;
    }

    public InputStream open(String key) {
        return s3.getObject(b -> b.bucket(bucket).key(key));
    }

    public Ledger ledger(CatalogType type) {
        if (!exists(ledgerKey(type))) {
            return Ledger.empty();
        }
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(ledgerKey(type)))) {
            return Ledger.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether an object exists, by listing: the builder may list only its own prefixes, and without
     * a bucket-wide list right S3 answers a missing object with 403, not 404.
     */
    boolean exists(String key) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(key).maxKeys(1)).contents().stream()
                .anyMatch(o -> o.key().equals(key));
    }

    /**
     * Takes the build lock (an object written only if absent), so that two runs never interleave
     * their uploads and ledgers; a lock older than {@code staleAfter} is a run that died and is
     * broken. False when another run holds it.
     */
    public boolean lock(Instant now, java.time.Duration staleAfter) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                s3.putObject(
                        b -> b.bucket(bucket).key(LOCK_KEY).ifNoneMatch("*").contentType("text/plain"),
                        RequestBody.fromString(Long.toString(now.toEpochMilli())));
                return true;
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() != 412 && e.statusCode() != 409) {
                    throw e;
                }
                long taken;
                try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(LOCK_KEY))) {
                    taken = Long.parseLong(
                            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip());
                } catch (IOException | NumberFormatException | NoSuchKeyException unreadable) {
                    taken = 0;
                }
                if (now.toEpochMilli() - taken < staleAfter.toMillis()) {
                    return false;
                }
                unlock();
            }
        }
        return false;
    }

    public void unlock() {
        s3.deleteObject(b -> b.bucket(bucket).key(LOCK_KEY));
    }

    public void saveLedger(CatalogType type, Ledger ledger) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ledger.write(out);
        s3.putObject(
                b -> b.bucket(bucket).key(ledgerKey(type)).contentType("application/gzip"),
                RequestBody.fromBytes(out.toByteArray()));
    }

    public Optional<State> state() {
        if (!exists(STATE_KEY)) {
            return Optional.empty();
        }
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(STATE_KEY))) {
            JsonNode state = JSON.readTree(in);
            return Optional.of(new State(
                    state.path("snapshots_digest").asText(""),
                    Instant.ofEpochMilli(state.path("built_at_ms").asLong()),
                    Instant.ofEpochMilli(state.path("enablement_cycled_at_ms").asLong())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void saveState(State state) {
        String json = JSON.createObjectNode()
                .put("snapshots_digest", state.snapshotsDigest())
                .put("built_at_ms", state.builtAt().toEpochMilli())
                .put("enablement_cycled_at_ms", state.enablementCycledAt().toEpochMilli())
                .toString();
        s3.putObject(
                b -> b.bucket(bucket).key(STATE_KEY).contentType("application/json"), RequestBody.fromString(json));
    }

    /** Keeps the build's report, named by its time so that they list in order. */
    public String saveReport(BuildReport report) {
        String key = CatalogSnapshot.CATALOGS_PREFIX + "builds/"
                + CatalogDocument.TIME.format(report.startedAt()).replace(':', '-') + ".json";
        s3.putObject(
                b -> b.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromString(report.toJson()));
        return key;
    }

    static String ledgerKey(CatalogType type) {
        return CatalogSnapshot.CATALOGS_PREFIX + type.key() + "/ledger.ndjson.gz";
    }
}
