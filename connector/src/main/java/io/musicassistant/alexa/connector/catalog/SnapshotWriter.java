package io.musicassistant.alexa.connector.catalog;

import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a snapshot as it is read: each entity goes through a small window and then straight into
 * the gzip file, whose SHA-256 is computed on the way, so memory holds a window and the
 * fingerprints, never the library. One line per id: items that share an id (two artists called
 * Nirvana, a song on its album and on a compilation) are one entity, since an id means the same to
 * every user. Listings come sorted by name, so such items mostly arrive close together and are merged
 * in the window (a favourite on either makes the entity a favourite); a late one is dropped.
 */
final class SnapshotWriter implements AutoCloseable {

    /** Items of one name sort together; this many pending lines cover any realistic run of them. */
    static final int WINDOW = 256;

    /** A finished snapshot file and what the upload needs to know about it. */
    record Written(
            Path file, long bytes, String sha256, int entities, int merged, int dropped, Fingerprints fingerprints) {}

    private final Path file;
    private final MessageDigest digest;
    private final CountingStream counted;
    private final GZIPOutputStream gzip;
    private final Map<String, SnapshotEntity> window = new LinkedHashMap<>();
    private final Fingerprints.Builder fingerprints = new Fingerprints.Builder();
    private int written;
    private int merged;
    private int dropped;
    private boolean finished;

    SnapshotWriter(Path file) {
        this.file = file;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
            OutputStream fileOut = Files.newOutputStream(file);
            this.counted =
                    new CountingStream(new DigestOutputStream(new BufferedOutputStream(fileOut, 64 * 1024), digest));
            this.gzip = new GZIPOutputStream(counted, 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    /** Whether the snapshot holds as many lines as one may: further entities are left out. */
    boolean full() {
        return written + window.size() >= CatalogSnapshot.MAX_ENTITIES;
    }

    void add(SnapshotEntity entity) {
        SnapshotEntity pending = window.get(entity.id());
        if (pending != null) {
            window.put(entity.id(), merge(pending, entity));
            merged++;
            return;
        }
        if (fingerprints.contains(entity.id()) || full()) {
            dropped++;
            return;
        }
        window.put(entity.id(), entity);
        if (window.size() > WINDOW) {
            Iterator<SnapshotEntity> eldest = window.values().iterator();
            SnapshotEntity out = eldest.next();
            eldest.remove();
            write(out);
        }
    }

    /** Writes what is pending and closes the file. */
    Written finish(String instanceId) {
        window.values().forEach(this::write);
        window.clear();
        try {
            gzip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        finished = true;
        return new Written(
                file,
                counted.count,
                Base64.getEncoder().encodeToString(digest.digest()),
                written,
                merged,
                dropped,
                fingerprints.build(instanceId));
    }

    private void write(SnapshotEntity entity) {
        try {
            gzip.write(RelayJson.write(entity).getBytes(StandardCharsets.UTF_8));
            gzip.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        fingerprints.add(entity.id(), Fingerprints.of(entity));
        written++;
    }

    /** Two items with one id as one entity: favourite if either is, plays added up, the latest play. */
    static SnapshotEntity merge(SnapshotEntity a, SnapshotEntity b) {
        Set<String> alternates = new LinkedHashSet<>(a.altNames());
        alternates.addAll(b.altNames());
        List<String> altNames =
                new ArrayList<>(alternates).subList(0, Math.min(alternates.size(), CatalogSnapshot.MAX_ALT_NAMES));
        Integer lastPlayed = a.lastPlayedDays();
        if (lastPlayed == null || b.lastPlayedDays() != null && b.lastPlayedDays() < lastPlayed) {
            lastPlayed = b.lastPlayedDays();
        }
        boolean aHasAlbum = a.albumId() != null;
        return new SnapshotEntity(
                a.kind(),
                a.id(),
                a.name(),
                altNames,
                a.artistId() != null ? a.artistId() : b.artistId(),
                a.artistId() != null ? a.artist() : b.artist(),
                aHasAlbum ? a.albumId() : b.albumId(),
                aHasAlbum ? a.album() : b.album(),
                a.favorite() || b.favorite(),
                (int) Math.min((long) a.plays() + b.plays(), CatalogSnapshot.MAX_PLAYS),
                lastPlayed);
    }

    /** Closes without finishing: an aborted snapshot is deleted. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            gzip.close();
        } catch (IOException ignored) {
            // deleting it anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale partial file is overwritten by the next export
        }
    }

    /** Counts the compressed bytes: the size the upload announces. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
