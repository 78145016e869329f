package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.CatalogValidator.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the stand-in's Amazon holds of one catalog: the last accepted form of every entity id ever
 * sent to it, tombstones included (a deletion is remembered, not forgotten: it still counts against
 * the cumulative cap and still has a {@code lastUpdatedTime} a later upload is compared with). This
 * is the ER_INGESTION step: it plans an upload against that state and applies it all or nothing.
 */
final class CatalogLedger {

    static final String UNRESOLVED_REFERENCE = "UNRESOLVED_REFERENCE";
    static final String ID_IN_OTHER_CATALOG = "ID_IN_OTHER_CATALOG";
    static final String ENTITY_LIMIT_EXCEEDED = "ENTITY_LIMIT_EXCEEDED";
    static final String CHANGE_IGNORED = "CHANGE_IGNORED_SAME_LAST_UPDATED_TIME";
    static final String STALE_ENTITY = "STALE_ENTITY_IGNORED";
    private static final int SUMMARY_IDS = 20;

    private final Map<String, JsonNode> latest = new LinkedHashMap<>();

    /** The ids other catalogs of the same skills resolve to: what a reference or a clash is checked against. */
    record Context(Set<String> artistIds, Set<String> albumIds, Map<String, String> idsInOtherCatalogs) {}

    /**
     * An upload's outcome at ER_INGESTION: errors fail it (nothing is applied); warnings are reported
     * on a succeeded step; {@code changes} are the entities that replace what the catalog held.
     */
    record Plan(List<Violation> errors, List<Violation> warnings, List<JsonNode> changes) {

        boolean accepted() {
            return errors.isEmpty();
        }
    }

    /** Distinct entity ids ever accepted, tombstones included: what the cumulative cap counts. */
    int cumulativeIds() {
        return latest.size();
    }

    boolean isLive(String id) {
        JsonNode entity = latest.get(id);
        return entity != null && !isTombstone(entity);
    }

    /** The live entities, id → entity as last accepted, in first-accepted order; copies. */
    Map<String, JsonNode> live() {
        Map<String, JsonNode> live = new LinkedHashMap<>();
        latest.forEach((id, entity) -> {
            if (!isTombstone(entity)) {
                live.put(id, entity.deepCopy());
            }
        });
        return Collections.unmodifiableMap(live);
    }

    Plan plan(List<JsonNode> incoming, int cap, Context context) {
        List<Violation> errors = new ArrayList<>();
        List<Violation> warnings = new ArrayList<>();
        List<JsonNode> changes = new ArrayList<>();
        Set<String> unresolved = new TreeSet<>();
        int newIds = 0;
        for (int i = 0; i < incoming.size(); i++) {
            JsonNode entity = incoming.get(i);
            String path = "entities[" + i + "]";
            String id = entity.get("id").textValue();
            JsonNode previous = latest.get(id);
            if (previous == null) {
                newIds++;
            }
            if (!isTombstone(entity)) {
                references(
                        entity.path("artists"),
                        path + ".artists",
                        context.artistIds(),
                        "AMAZON.MusicGroup",
                        errors,
                        unresolved);
                references(
                        entity.path("albums"),
                        path + ".albums",
                        context.albumIds(),
                        "AMAZON.MusicAlbum",
                        errors,
                        unresolved);
                String other = context.idsInOtherCatalogs().get(id);
                if (other != null) {
                    errors.add(new Violation(
                            path + ".id",
                            ID_IN_OTHER_CATALOG,
                            "\"" + id + "\" is already an entity of catalog " + other
                                    + " of the same skill; ids are unique across a skill's catalogs"));
                }
            }
            if (previous != null) {
                Instant before = Instant.parse(previous.get("lastUpdatedTime").textValue());
                Instant now = Instant.parse(entity.get("lastUpdatedTime").textValue());
                if (now.equals(before)) {
                    if (!previous.equals(entity)) {
                        warnings.add(new Violation(
                                path,
                                CHANGE_IGNORED,
                                "\"" + id + "\" changed but its lastUpdatedTime " + now
                                        + " did not; kept in its earlier form (Amazon: the changes might be ignored)"));
                    }
                    continue;
                }
                if (now.isBefore(before)) {
                    warnings.add(new Violation(
                            path,
                            STALE_ENTITY,
                            "\"" + id + "\" has lastUpdatedTime " + now + ", older than the accepted " + before
                                    + "; ignored"));
                    continue;
                }
            }
            changes.add(entity);
        }
        if (!unresolved.isEmpty()) {
            List<String> shown = unresolved.stream().limit(SUMMARY_IDS).toList();
            errors.addFirst(new Violation(
                    "entities",
                    UNRESOLVED_REFERENCE,
                    unresolved.size()
                            + " referenced id(s) are no entity of the skill's catalogs: " + String.join(", ", shown)
                            + (unresolved.size() > shown.size() ? ", …" : "")));
        }
        long total = (long) latest.size() + newIds;
        if (total > cap) {
            errors.add(new Violation(
                    "entities",
                    ENTITY_LIMIT_EXCEEDED,
                    "the catalog would hold " + total
                            + " distinct entity ids, over its cap of " + cap
                            + " (cumulative: every id ever accepted counts, deletions included)"));
        }
        return new Plan(errors, warnings, changes);
    }

    void apply(Plan plan) {
        if (!plan.accepted()) {
            throw new IllegalStateException("a failed plan is not applied");
        }
        for (JsonNode entity : plan.changes()) {
            latest.put(entity.get("id").textValue(), entity.deepCopy());
        }
    }

    /** The ids this catalog would offer to references from other catalogs: its live entities. */
    Set<String> liveIds() {
        Set<String> ids = new java.util.HashSet<>();
        latest.forEach((id, entity) -> {
            if (!isTombstone(entity)) {
                ids.add(id);
            }
        });
        return ids;
    }

    static boolean isTombstone(JsonNode entity) {
        return entity.path("deleted").asBoolean(false);
    }

    private static void references(
            JsonNode refs,
            String path,
            Set<String> known,
            String type,
            List<Violation> errors,
            Set<String> unresolved) {
        for (int j = 0; j < refs.size(); j++) {
            String id = refs.get(j).get("id").textValue();
            if (!known.contains(id)) {
                unresolved.add(id);
                errors.add(new Violation(
                        path + "[" + j + "].id",
                        UNRESOLVED_REFERENCE,
                        "\"" + id + "\" is no entity of the skill's " + type
                                + " catalogs (accepted, or in the same batch)"));
            }
        }
    }
}
