package io.musicassistant.alexa.dev;

import io.musicassistant.alexa.dev.CatalogValidator.Violation;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** One content upload to a catalog and its ingestion; guarded by the stand-in's lock. */
final class SmapiUpload {

    /** Ingestion steps in the order they run: the SDK's two, then the two real responses show. */
    enum Step {
        UPLOAD,
        SCHEMA_VALIDATION,
        ER_INGESTION,
        SLU_MODELING
    }

    static final String PENDING = "PENDING";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";
    /** Errors shown inline per step; all of them are behind the step's logUrl. */
    static final int INLINE_ERRORS = 1000;

    /** One part as PUT to its presigned URL, with the ETag it was answered with (quotes included). */
    record Part(byte[] bytes, String eTag) {}

    /** A step's status and what it reported: errors when it failed, warnings when it succeeded. */
    static final class StepState {
        String status = PENDING;
        final List<Violation> errors = new ArrayList<>();
    }

    final String id;
    final SmapiCatalog catalog;
    final int partCount;
    final Instant createdDate;
    Instant lastUpdatedDate;
    final Map<Integer, Part> parts = new TreeMap<>();
    /** Set by the first completion call that passed its checks; a second one conflicts. */
    boolean completed;
    /** The parts joined, as uploaded: kept for the file's download URL and written to the store. */
    byte[] document;
    /** The validation result from completion until ER_INGESTION; null after, to free the parsed tree. */
    CatalogValidator.Result schema;

    String fileStatus = PENDING;
    final Map<Step, StepState> steps = new EnumMap<>(Step.class);

    SmapiUpload(String id, SmapiCatalog catalog, int partCount, Instant created) {
        this.id = id;
        this.catalog = catalog;
        this.partCount = partCount;
        this.createdDate = created;
        this.lastUpdatedDate = created;
        for (Step step : Step.values()) {
            steps.put(step, new StepState());
        }
    }

    StepState step(Step step) {
        return steps.get(step);
    }

    /**
     * The top-level status follows the steps: PENDING until the upload is completed, FAILED as soon
     * as a step failed, SUCCEEDED only when every step did, and otherwise in progress. So a
     * SLU_MODELING step that stays pending pins the upload in progress after ER_INGESTION succeeded,
     * as observed on live skills.
     */
    String status(String inProgressName) {
        if (!completed) {
            return PENDING;
        }
        if (steps.values().stream().anyMatch(s -> s.status.equals(FAILED))) {
            return FAILED;
        }
        if (steps.values().stream().allMatch(s -> s.status.equals(SUCCEEDED))) {
            return SUCCEEDED;
        }
        return inProgressName;
    }

    /** Schema-valid and not yet through ER_INGESTION: its entities count as "the same batch". */
    boolean inFlight() {
        String er = step(Step.ER_INGESTION).status;
        return completed && schema != null && schema.valid() && (er.equals(PENDING) || er.equals(IN_PROGRESS));
    }

    /** SMAPI's ContentUploadSummary. */
    Map<String, Object> summary(String inProgressName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("catalogId", catalog.id);
        body.put("status", status(inProgressName));
        body.put("createdDate", date(createdDate));
        body.put("lastUpdatedDate", date(lastUpdatedDate));
        return body;
    }

    /**
     * SMAPI's GetContentUploadResponse: the summary, {@code file} and {@code ingestionSteps}.
     * {@code links} presigns a download URL for the file and a log URL per step with errors.
     */
    Map<String, Object> details(String inProgressName, Function<String, String> links) {
        Map<String, Object> body = summary(inProgressName);
        Map<String, Object> file = new LinkedHashMap<>();
        if (fileStatus.equals("AVAILABLE")) {
            file.put("presignedDownloadUrl", links.apply("/_files/" + id));
        }
        file.put("status", fileStatus);
        body.put("file", file);
        body.put("ingestionSteps", ingestionSteps(links));
        return body;
    }

    List<Map<String, Object>> ingestionSteps(Function<String, String> links) {
        List<Map<String, Object>> list = new ArrayList<>();
        steps.forEach((step, state) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", step.name());
            item.put("status", state.status);
            item.put("logUrl", state.errors.isEmpty() ? null : links.apply("/_logs/" + id + "/" + step.name()));
            item.put(
                    "errors",
                    state.errors.stream()
                            .limit(INLINE_ERRORS)
                            .map(SmapiErrors::error)
                            .toList());
            list.add(item);
        });
        return list;
    }

    static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
