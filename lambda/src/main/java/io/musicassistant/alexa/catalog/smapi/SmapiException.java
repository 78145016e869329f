package io.musicassistant.alexa.catalog.smapi;

import java.util.List;

/** SMAPI refused a call; {@code violations} are Amazon's reasons as it gave them. */
public final class SmapiException extends RuntimeException {

    private final int status;
    private final List<String> violations;

    public SmapiException(int status, String message, List<String> violations) {
        super(message + (violations.isEmpty() ? "" : " " + violations), null, false, false);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public List<String> violations() {
        return violations;
    }
}
