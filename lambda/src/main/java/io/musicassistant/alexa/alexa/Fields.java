package io.musicassistant.alexa.alexa;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading fields of Alexa's requests strictly: a field is either absent (or JSON null) or of the
 * type Amazon documents. {@code JsonNode.asText()} and {@code asBoolean()} would coerce
 * ({@code 42} to {@code "42"}, {@code "false"} and {@code 0} to false); a directive that needs
 * that is malformed and answered INVALID_DIRECTIVE.
 */
public final class Fields {

    private Fields() {}

    /** The text of {@code field}, or {@code fallback} when absent or null. */
    public static String text(JsonNode parent, String field, String fallback) {
        JsonNode v = present(parent, field);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw AlexaException.invalidDirective(field + " must be text");
        }
        return v.textValue();
    }

    /** The boolean of {@code field}, or {@code fallback} when absent or null. */
    public static boolean bool(JsonNode parent, String field, boolean fallback) {
        JsonNode v = present(parent, field);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw AlexaException.invalidDirective(field + " must be true or false");
        }
        return v.booleanValue();
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode v = parent == null || !parent.isObject() ? null : parent.get(field);
        return v == null || v.isNull() ? null : v;
    }
}
