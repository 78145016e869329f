package io.musicassistant.alexa.connector.catalog;

import io.musicassistant.alexa.connector.platform.Digests;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * What the last successful upload held, one short hash per entity: 64 bits of the id's SHA-256 and
 * 64 bits of the SHA-256 of what the catalogs care about. 16 bytes an entity (800 KB for a 50,000
 * entity library) instead of the snapshot itself, and enough to tell whether a new snapshot differs
 * and how (added, changed, removed). Two ids colliding in 64 bits is a chance of about one in
 * 10^8 at the 500,000-line limit; the cost would be one entity left out.
 *
 * <p>Play counts and last-played days go in as coarse buckets: they drift every day (every played
 * track is one day further from its last play tomorrow), and a snapshot re-sent for that alone would
 * upload the whole library daily for nothing Alexa would rank differently. The snapshot still carries
 * exact values; they are as of its upload.
 */
public final class Fingerprints {

    private static final int MAGIC = 0x4D414650; // "MAFP"
    private static final int VERSION = 1;

    private final String instanceId;
    private final long[] ids;
    private final long[] values;

    private Fingerprints(String instanceId, long[] ids, long[] values) {
        this.instanceId = instanceId;
        this.ids = ids;
        this.values = values;
    }

    /** Nothing uploaded yet. */
    public static Fingerprints none() {
        return new Fingerprints("", new long[0], new long[0]);
    }

    /** How a new snapshot differs from the last uploaded one. */
    public record Diff(int added, int changed, int removed) {
        public boolean none() {
            return added == 0 && changed == 0 && removed == 0;
        }
    }

    public int size() {
        return ids.length;
    }

    /** The home the fingerprints were uploaded for: another home (re-registered) starts from nothing. */
    public String instanceId() {
        return instanceId;
    }

    /** What changed from {@code previous} to these. */
    public Diff diff(Fingerprints previous) {
        int added = 0;
        int changed = 0;
        int removed = 0;
        int i = 0;
        int j = 0;
        while (i < ids.length || j < previous.ids.length) {
            if (j >= previous.ids.length || i < ids.length && ids[i] < previous.ids[j]) {
                added++;
                i++;
            } else if (i >= ids.length || previous.ids[j] < ids[i]) {
                removed++;
                j++;
            } else {
                if (values[i] != previous.values[j]) {
                    changed++;
                }
                i++;
                j++;
            }
        }
        return new Diff(added, changed, removed);
    }

    static long idHash(String id) {
        return ByteBuffer.wrap(Digests.sha256(id)).getLong();
    }

    /** The fingerprint of what the catalogs use of an entity, with plays and recency bucketed. */
    static long of(SnapshotEntity e) {
        String canonical = String.join(
                "\u0000",
                e.kind().wireName(),
                e.id(),
                e.name(),
                String.join("\u0001", e.altNames()),
                String.valueOf(e.artistId()),
                String.valueOf(e.artist()),
                String.valueOf(e.albumId()),
                String.valueOf(e.album()),
                Boolean.toString(e.favorite()),
                Integer.toString(playsBucket(e.plays())),
                Integer.toString(recencyBucket(e.lastPlayedDays())));
        return ByteBuffer.wrap(Digests.sha256(canonical)).getLong();
    }

    static int playsBucket(int plays) {
        if (plays <= 0) {
            return 0;
        }
        return plays < 3 ? 1 : plays < 10 ? 2 : plays < 50 ? 3 : plays < 200 ? 4 : 5;
    }

    static int recencyBucket(Integer days) {
        if (days == null) {
            return -1;
        }
        return days <= 7 ? 0 : days <= 30 ? 1 : days <= 90 ? 2 : days <= 365 ? 3 : 4;
    }

    /** Reads what {@link #write} wrote; a missing or unreadable file means nothing was uploaded. */
    public static Fingerprints read(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return none();
            }
            String instanceId = in.readUTF();
            int count = in.readInt();
            if (count < 0 || count > io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot.MAX_ENTITIES) {
                return none();
            }
            long[] ids = new long[count];
            long[] values = new long[count];
            for (int i = 0; i < count; i++) {
                ids[i] = in.readLong();
                values[i] = in.readLong();
                if (i > 0 && ids[i] <= ids[i - 1]) {
                    return none(); // not what we write: sorted, unique
                }
            }
            return new Fingerprints(instanceId, ids, values);
        } catch (IOException e) {
            return none(); // a damaged file costs one full upload, nothing more
        }
    }

    /** Writes atomically: a crash leaves the previous file or this one, never half of one. */
    public void write(Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(instanceId);
                out.writeInt(ids.length);
                for (int i = 0; i < ids.length; i++) {
                    out.writeLong(ids[i]);
                    out.writeLong(values[i]);
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Collects fingerprints while a snapshot is written: an open-addressing map of id hash to
     * fingerprint in two primitive arrays, so that it also answers "was this id written already"
     * without boxing half a million Longs.
     */
    static final class Builder {
        private long[] keys = new long[1024];
        private long[] vals = new long[1024];
        private int size;

        /** Adds an entity's fingerprint; false (and nothing changes) when its id is there already. */
        boolean add(String id, long fingerprint) {
            return put(nonZero(idHash(id)), fingerprint);
        }

        boolean contains(String id) {
            long key = nonZero(idHash(id));
            int mask = keys.length - 1;
            for (int slot = (int) mix(key) & mask; keys[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return true;
                }
            }
            return false;
        }

        int size() {
            return size;
        }

        Fingerprints build(String instanceId) {
            long[] ids = new long[size];
            int n = 0;
            for (long key : keys) {
                if (key != 0) {
                    ids[n++] = key;
                }
            }
            Arrays.sort(ids);
            long[] values = new long[size];
            for (int i = 0; i < size; i++) {
                values[i] = vals[slotOf(ids[i])];
            }
            return new Fingerprints(instanceId, ids, values);
        }

        private int slotOf(long key) {
            int mask = keys.length - 1;
            int slot = (int) mix(key) & mask;
            while (keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private boolean put(long key, long value) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int slot = (int) mix(key) & mask;
            while (keys[slot] != 0) {
                if (keys[slot] == key) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            vals[slot] = value;
            size++;
            return true;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldVals = vals;
            keys = new long[oldKeys.length * 2];
            vals = new long[oldVals.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    put(oldKeys[i], oldVals[i]);
                }
            }
        }

        /** 0 marks an empty slot; the one id hash in 2^64 that is 0 shares 1's slot. */
        private static long nonZero(long key) {
            return key == 0 ? 1 : key;
        }

        private static long mix(long key) {
            return key ^ (key >>> 32);
        }
    }
}
