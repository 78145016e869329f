package io.musicassistant.alexa.catalog.smapi;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v0/catalogs/{id}/uploads/{uploadId}}: the upload's status and its ingestion steps.
 * Entity resolution ({@code ER_INGESTION}) is what gates voice; language modelling
 * ({@code SLU_MODELING}) may stay pending for weeks on a live skill and keep the overall status
 * from ever reading SUCCEEDED (docs/catalogs.md).
 */
public record UploadStatus(String status, List<Step> steps) {

    public record Step(String name, String status, List<String> errors) {}

    public static final String GATING_STEP = "ER_INGESTION";

    public Optional<Step> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Voice can use the upload: entity resolution succeeded (or the whole upload did). */
    public boolean usableByVoice() {
        return "SUCCEEDED".equals(status)
                || step(GATING_STEP).map(s -> "SUCCEEDED".equals(s.status())).orElse(false);
    }

    public boolean failed() {
        return "FAILED".equals(status) || steps.stream().anyMatch(s -> "FAILED".equals(s.status()));
    }

    /** Every error any step reported, prefixed with the step's name. */
    public List<String> errors() {
        return steps.stream()
                .flatMap(s -> s.errors().stream().map(e -> s.name() + ": " + e))
                .toList();
    }
}
