package io.musicassistant.alexa.dev;

import io.musicassistant.alexa.dev.CatalogValidator.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SMAPI's error bodies, as ask-smapi-model declares them per status for the v0 catalog calls:
 * 400 and 403 carry a {@code BadRequestError} {@code {message, violations: [{code, message}]}};
 * 401, 404, 409 and 5xx carry an {@code Error} {@code {code, message}}. A catalog violation's path
 * leads its message, since SMAPI's error object has no field of its own for it.
 */
final class SmapiErrors {

    private SmapiErrors() {}

    static Map<String, Object> badRequest(String message, List<Violation> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("violations", violations.stream().map(SmapiErrors::error).toList());
        return body;
    }

    static Map<String, Object> badRequest(String code, String message) {
        return badRequest(message, List.of(new Violation("", code, message)));
    }

    static Map<String, Object> error(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return body;
    }

    static Map<String, Object> error(Violation violation) {
        return error(violation.code(), violation.describe());
    }

    /** S3's XML error body, for the presigned part and file URLs, which S3 itself would answer. */
    static String s3(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
    }
}
