package io.musicassistant.alexa.deploy;

/** Wrong flags or values that no run can work with; the tool exits 2 with the message and its usage. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
