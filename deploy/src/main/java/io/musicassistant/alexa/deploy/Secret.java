package io.musicassistant.alexa.deploy;

import java.util.Objects;

/**
 * A value that must never be shown. Its {@code toString} is the mask, so a secret that ends up in a
 * record's text, a message or an exception still prints as {@code ****}; only {@link #value()}
 * reveals it, and only where it is handed to a child process or a temporary file.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return Redactor.MASK;
    }
}
