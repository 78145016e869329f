package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Checks one whole catalog document against Amazon's catalog format as the project's reference
 * transcribes it (shared/reference/alexa-catalogs.md, "Document" and the field table), on its own:
 * it shares no code with the catalog builder in the lambda module, so a builder bug is not repeated
 * here. Every violation carries a JSON-pointer-like path ({@code entities[17].names[0].value}) and a
 * code. Where the reference leaves room, this reads it strictly; docs/smapi-stand-in.md lists
 * each such choice.
 *
 * <p>What needs more than the document (references to other catalogs, the cumulative cap, an
 * unchanged {@code lastUpdatedTime}) is checked at ingestion by the SMAPI stand-in, not here.
 */
public final class CatalogValidator {

    /** Collecting stops here so a document of 500,000 broken entities cannot exhaust memory. */
    public static final int MAX_VIOLATIONS = 10_000;

    public static final double VERSION = 2.0;

    static final int ID_MAX = 256;
    static final int NAME_MAX = 512;
    static final int SHORT_TEXT_MAX = 64;

    /** Duplicate keys and trailing content are refused rather than silently resolved. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One broken rule: where ({@code entities[3].popularity.default}), which rule, and what is wrong. */
    public record Violation(String path, String code, String message) {

        /** The path and the message in one line, as SMAPI's {@code {code, message}} error carries it. */
        public String describe() {
            return path.isEmpty() ? message : path + ": " + message;
        }
    }

    /**
     * The outcome: every violation found (at most {@link #MAX_VIOLATIONS}), and the document's
     * entities in document order when there were none (empty otherwise).
     */
    public record Result(List<Violation> violations, List<JsonNode> entities) {

        public Result {
            violations = List.copyOf(violations);
            entities = List.copyOf(entities);
        }

        public boolean valid() {
            return violations.isEmpty();
        }

        public boolean has(String code, String path) {
            return violations.stream()
                    .anyMatch(v -> v.code().equals(code) && v.path().equals(path));
        }
    }

    private CatalogValidator() {}

    /** Validates raw bytes as uploaded: UTF-8 (a leading byte-order mark is skipped), one JSON object. */
    public static Result validate(byte[] document, String expectedType) {
        int start = document.length >= 3
                        && (document[0] & 0xFF) == 0xEF
                        && (document[1] & 0xFF) == 0xBB
                        && (document[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document, start, document.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Result(
                    List.of(new Violation("", Codes.INVALID_ENCODING, "the document is not UTF-8")), List.of());
        }
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JacksonException e) {
            String detail = e.getOriginalMessage();
            return new Result(
                    List.of(new Violation("", Codes.INVALID_JSON, "the document is not one JSON value: " + detail)),
                    List.of());
        }
        if (root == null || root.isMissingNode()) {
            return new Result(List.of(new Violation("", Codes.INVALID_JSON, "the document is empty")), List.of());
        }
        return validate(root, expectedType);
    }

    /** Validates a parsed document that should be of catalog type {@code expectedType}. */
    public static Result validate(JsonNode document, String expectedType) {
        Objects.requireNonNull(expectedType, "expectedType");
        return new CatalogDocumentCheck().document(document, expectedType);
    }

    /** The violation codes, as they appear in SMAPI error objects and in {@link Violation#code()}. */
    public static final class Codes {
        public static final String INVALID_ENCODING = "INVALID_ENCODING";
        public static final String INVALID_JSON = "INVALID_JSON";
        public static final String MISSING_FIELD = "MISSING_FIELD";
        public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
        public static final String INVALID_TYPE = "INVALID_TYPE";
        public static final String INVALID_LENGTH = "INVALID_LENGTH";
        public static final String BLANK_VALUE = "BLANK_VALUE";
        public static final String EMPTY_ARRAY = "EMPTY_ARRAY";
        public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
        public static final String TYPE_MISMATCH = "TYPE_MISMATCH";
        public static final String UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION";
        public static final String INVALID_COUNTRY = "INVALID_COUNTRY";
        public static final String INVALID_LANGUAGE = "INVALID_LANGUAGE";
        public static final String DUPLICATE_LOCALE = "DUPLICATE_LOCALE";
        public static final String LANGUAGE_NOT_IN_LOCALES = "LANGUAGE_NOT_IN_LOCALES";
        public static final String LOCALE_NOT_IN_DOCUMENT = "LOCALE_NOT_IN_DOCUMENT";
        public static final String INVALID_TIMESTAMP = "INVALID_TIMESTAMP";
        public static final String DUPLICATE_ID = "DUPLICATE_ID";
        public static final String DELETED_FALSE = "DELETED_FALSE";
        public static final String TOMBSTONE_FIELD = "TOMBSTONE_FIELD";
        public static final String TOO_MANY_VIOLATIONS = "TOO_MANY_VIOLATIONS";

        private Codes() {}
    }
}
