package io.musicassistant.alexa.deploy;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks every secret it knows in any text: echoed commands, child processes' output, failure
 * reports. Secrets are added as they become known (the LWA secret at start, the skill-messaging
 * secret and the presigned upload URLs when SMAPI hands them over), so a child that prints one back
 * still shows {@link #MASK}. The JSON-escaped spelling is masked too: SMAPI and the CLIs print JSON.
 */
final class Redactor {

    static final String MASK = "****";
    // Shorter values would mask ordinary words; no real secret or token is this short.
    private static final int MIN_LENGTH = 6;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    void add(Secret secret) {
        if (secret != null) {
            add(secret.value());
        }
    }

    void add(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            return;
        }
        for (String form : List.of(value, jsonEscaped(value))) {
            if (!secrets.contains(form)) {
                secrets.add(form);
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
