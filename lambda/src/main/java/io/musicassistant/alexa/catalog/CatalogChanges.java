package io.musicassistant.alexa.catalog;

import io.musicassistant.alexa.platform.Hashes;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compares one catalog type's merged entities, as they arrive in rank order, with what its ledger
 * says Amazon already has, and writes only the differences into the upload's document: new and
 * changed entities with this build's {@code lastUpdatedTime}, and a deletion, once, for each entity
 * no home holds any more. Unchanged entities keep their old {@code lastUpdatedTime} and are not sent
 * (Amazon reprocesses whatever carries a new time).
 */
public final class CatalogChanges {

    private final CatalogType type;
    private final Ledger ledger;
    private final Instant now;
    private final CatalogDocument document;
    private final Set<String> seen = new HashSet<>();
    private double maxScore = -1;
    private long added;
    private long changed;
    private long unchanged;
    private long deleted;

    /** @param ledger a copy this run may change; it becomes the new ledger once Amazon accepted the upload */
    public CatalogChanges(CatalogType type, Ledger ledger, Instant now, CatalogDocument document) {
        this.type = type;
        this.ledger = ledger;
        this.now = now;
        this.document = document;
    }

    public void accept(MergedEntity entity) {
        if (entity.kind() != type.kind() || !seen.add(entity.id())) {
            return;
        }
        if (maxScore < 0) {
            maxScore = entity.score(); // rows come in rank order: the first has the highest score
        }
        int popularity = popularity(entity.score(), maxScore);
        String fingerprint = fingerprint(entity, popularity);
        LedgerEntry before = ledger.get(entity.id());
        if (before != null && !before.deleted() && before.fingerprint().equals(fingerprint)) {
            unchanged++;
            return;
        }
        if (before == null || before.deleted()) {
            added++;
        } else {
            changed++;
        }
        document.upsert(entity, popularity, now);
        ledger.record(entity.id(), new LedgerEntry(fingerprint, now.toEpochMilli(), false));
    }

    /** Deletions for everything Amazon has that no home holds any more. */
    public void finish() {
        // record() only replaces entries of ids already there, so the live map can be walked as it changes
        for (Map.Entry<String, LedgerEntry> entry : ledger.entries().entrySet()) {
            if (!entry.getValue().deleted() && !seen.contains(entry.getKey())) {
                document.delete(entry.getKey(), now);
                ledger.record(entry.getKey(), new LedgerEntry("", now.toEpochMilli(), true));
                deleted++;
            }
        }
    }

    /**
     * Amazon's popularity, 10 to 100 in steps of ten: the log of the entity's score against the
     * highest of its type. Coarse on purpose, so that a play more or less does not change an entity
     * (which would make Amazon reprocess it).
     */
    static int popularity(double score, double maxScore) {
        if (maxScore <= 0) {
            return 10;
        }
        double ratio = Math.log1p(Math.max(0, score)) / Math.log1p(maxScore);
        return (int) Math.max(10, Math.min(100, Math.round(ratio * 10) * 10));
    }

    /** What Amazon would see of the entity; a change in any of it means sending the entity again. */
    static String fingerprint(MergedEntity e, int popularity) {
        String seenByAmazon = String.join(
                "\u0000",
                e.name(),
                String.join("\u0001", e.altNames()),
                String.valueOf(e.artistId()),
                String.valueOf(e.artist()),
                String.valueOf(e.albumId()),
                String.valueOf(e.album()),
                Integer.toString(popularity));
        return Hashes.sha256Hex(seenByAmazon).substring(0, 16);
    }

    public Ledger ledger() {
        return ledger;
    }

    public long added() {
        return added;
    }

    public long changed() {
        return changed;
    }

    public long unchanged() {
        return unchanged;
    }

    public long deleted() {
        return deleted;
    }

    public boolean any() {
        return added + changed + deleted > 0;
    }
}
