package io.musicassistant.alexa.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one build did: how many homes it read, and per catalog type what it sent and what Amazon
 * answered. Kept in the bucket ({@code catalogs/builds/…}) and logged, so that a failed ingestion
 * can be read with Amazon's own reasons.
 */
public final class BuildReport {

    /** The outcome of one catalog type in this build. */
    public record TypeResult(
            CatalogType type,
            String catalogId,
            String uploadId,
            long kept,
            long added,
            long changed,
            long unchanged,
            long deleted,
            String outcome,
            List<String> errors) {
        public TypeResult {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    public static final String UNCHANGED = "unchanged";
    public static final String NOTHING_TO_SEND = "nothing to send";
    public static final String ACCEPTED = "accepted";
    public static final String PENDING = "pending";
    public static final String FAILED = "failed";

    private final Instant startedAt;
    private final List<TypeResult> types = new ArrayList<>();
    private int homes;
    private long mergedRows;
    private boolean skipped;

    public BuildReport(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    void homes(int count) {
        this.homes = count;
    }

    void mergedRows(long count) {
        this.mergedRows = count;
    }

    void skipped() {
        this.skipped = true;
    }

    void add(TypeResult result) {
        types.add(result);
    }

    public int homes() {
        return homes;
    }

    public boolean wasSkipped() {
        return skipped;
    }

    public List<TypeResult> types() {
        return List.copyOf(types);
    }

    public TypeResult type(CatalogType type) {
        return types.stream().filter(t -> t.type() == type).findFirst().orElseThrow();
    }

    public boolean failed() {
        return types.stream().anyMatch(t -> FAILED.equals(t.outcome()));
    }

    public String toJson() {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("started_at", startedAt.toString())
                .put("homes", homes)
                .put("merged_rows", mergedRows)
                .put("skipped", skipped);
        ArrayNode list = json.putArray("types");
        for (TypeResult t : types) {
            ObjectNode n = list.addObject()
                    .put("type", t.type().amazonType())
                    .put("catalog_id", t.catalogId())
                    .put("upload_id", t.uploadId())
                    .put("kept", t.kept())
                    .put("added", t.added())
                    .put("changed", t.changed())
                    .put("unchanged", t.unchanged())
                    .put("deleted", t.deleted())
                    .put("outcome", t.outcome());
            t.errors().forEach(n.putArray("errors")::add);
        }
        return json.toString();
    }
}
