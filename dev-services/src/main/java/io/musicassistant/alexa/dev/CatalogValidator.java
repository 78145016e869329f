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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> TOP_LEVEL = Set.of("type", "version", "locales", "entities");
    private static final Set<String> TOMBSTONE = Set.of("id", "lastUpdatedTime", "deleted");
    private static final Set<String> LOCALE = Set.of("country", "language");
    private static final Set<String> NAME = Set.of("language", "value");
    private static final Set<String> ALTERNATE_NAMES = Set.of("language", "values");
    private static final Set<String> POPULARITY = Set.of("default", "overrides");
    private static final Set<String> OVERRIDE = Set.of("locale", "value");
    private static final Set<String> ARTIST_REF = Set.of("id", "names", "alternateNames");
    private static final Set<String> ALBUM_REF = Set.of("id", "names", "alternateNames", "releaseType");

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
            return violations.stream().anyMatch(v -> v.code().equals(code) && v.path().equals(path));
        }
    }

    private CatalogValidator() {
    }

    /** Validates raw bytes as uploaded: UTF-8 (a leading byte-order mark is skipped), one JSON object. */
    public static Result validate(byte[] document, String expectedType) {
        int start = document.length >= 3 && (document[0] & 0xFF) == 0xEF && (document[1] & 0xFF) == 0xBB
                && (document[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document, start, document.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Result(List.of(new Violation("", Codes.INVALID_ENCODING, "the document is not UTF-8")), List.of());
        }
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JacksonException e) {
            String detail = e.getOriginalMessage();
            return new Result(List.of(new Violation("", Codes.INVALID_JSON, "the document is not one JSON value: " + detail)),
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
        return new Run().document(document, expectedType);
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

        private Codes() {
        }
    }

    /** One validation pass: the violations so far and what the document's locales allow. */
    private static final class Run {
        private final List<Violation> violations = new ArrayList<>();
        private final Set<String> languages = new HashSet<>();
        private final Set<String> locales = new HashSet<>();
        private boolean truncated;

        Result document(JsonNode root, String expectedType) {
            if (!root.isObject()) {
                add("", Codes.INVALID_TYPE, "the document must be a JSON object");
                return result(List.of());
            }
            unknownFields(root, "", TOP_LEVEL, "a catalog document has only type, version, locales and entities");
            JsonNode type = root.get("type");
            if (type == null) {
                add("type", Codes.MISSING_FIELD, "required");
            } else if (!type.isTextual()) {
                add("type", Codes.INVALID_TYPE, "must be a string");
            } else if (!type.textValue().equals(expectedType)) {
                add("type", Codes.TYPE_MISMATCH, "is " + type.textValue() + " but the catalog is " + expectedType);
            }
            JsonNode version = root.get("version");
            if (version == null) {
                add("version", Codes.MISSING_FIELD, "required (the number 2.0)");
            } else if (!version.isNumber()) {
                add("version", Codes.INVALID_TYPE, "must be a number (2.0), not " + kind(version));
            } else if (version.doubleValue() != VERSION) {
                add("version", Codes.UNSUPPORTED_VERSION, "must be 2.0, is " + version.asText());
            }
            JsonNode docLocales = root.get("locales");
            if (docLocales == null) {
                add("locales", Codes.MISSING_FIELD, "required: [{country, language}]");
            } else if (array(docLocales, "locales", true)) {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < docLocales.size(); i++) {
                    String key = locale(docLocales.get(i), "locales[" + i + "]");
                    if (key != null) {
                        if (!seen.add(key)) {
                            add("locales[" + i + "]", Codes.DUPLICATE_LOCALE, "listed twice: " + key);
                        }
                        locales.add(key);
                        languages.add(docLocales.get(i).get("language").textValue());
                    }
                }
            }
            MusicCatalogType catalogType = MusicCatalogType.ofType(expectedType).orElse(null);
            JsonNode entities = root.get("entities");
            List<JsonNode> accepted = new ArrayList<>();
            if (entities == null) {
                add("entities", Codes.MISSING_FIELD, "required (an array, empty if there is nothing to send)");
            } else if (array(entities, "entities", false)) {
                Map<String, Integer> firstIndex = new HashMap<>();
                for (int i = 0; i < entities.size() && !truncated; i++) {
                    JsonNode entity = entities.get(i);
                    String path = "entities[" + i + "]";
                    entity(entity, path, catalogType);
                    JsonNode id = entity.path("id");
                    if (id.isTextual()) {
                        Integer first = firstIndex.putIfAbsent(id.textValue(), i);
                        if (first != null) {
                            add(path + ".id", Codes.DUPLICATE_ID, "\"" + id.textValue() + "\" is also entities[" + first + "].id");
                        }
                    }
                    accepted.add(entity);
                }
            }
            return result(accepted);
        }

        private Result result(List<JsonNode> entities) {
            return violations.isEmpty() ? new Result(List.of(), entities) : new Result(violations, List.of());
        }

        private void entity(JsonNode entity, String path, MusicCatalogType type) {
            if (!entity.isObject()) {
                add(path, Codes.INVALID_TYPE, "an entity must be an object, not " + kind(entity));
                return;
            }
            text(entity.get("id"), path + ".id", ID_MAX, true);
            JsonNode deleted = entity.get("deleted");
            boolean tombstone = false;
            if (deleted != null) {
                if (!deleted.isBoolean()) {
                    add(path + ".deleted", Codes.INVALID_TYPE, "must be true (a deletion) or absent, not " + kind(deleted));
                } else if (!deleted.booleanValue()) {
                    add(path + ".deleted", Codes.DELETED_FALSE,
                            "\"deleted\": false is refused by the API (observed); leave the field out of a live entity");
                } else {
                    tombstone = true;
                }
            }
            timestamp(entity.get("lastUpdatedTime"), path + ".lastUpdatedTime");
            if (tombstone) {
                for (Iterator<String> names = entity.fieldNames(); names.hasNext(); ) {
                    String field = names.next();
                    if (!TOMBSTONE.contains(field)) {
                        add(path + "." + field, Codes.TOMBSTONE_FIELD,
                                "a deletion is exactly {id, lastUpdatedTime, deleted}");
                    }
                }
                return;
            }
            Set<String> allowed = type == null ? MusicCatalogType.Common.FIELDS : type.entityFields();
            unknownFields(entity, path, allowed, "not a field of " + (type == null ? "this catalog type" : type.type()) + " entities");
            JsonNode names = entity.get("names");
            if (names == null) {
                add(path + ".names", Codes.MISSING_FIELD, "required: [{language, value}]");
            } else {
                names(names, path + ".names");
            }
            JsonNode popularity = entity.get("popularity");
            if (popularity == null) {
                add(path + ".popularity", Codes.MISSING_FIELD, "required: {default: 0-100}");
            } else {
                popularity(popularity, path + ".popularity");
            }
            optional(entity, path, "locales", allowed, (node, p) -> entityLocales(node, p));
            optional(entity, path, "alternateNames", allowed, this::alternateNames);
            optional(entity, path, "languageOfContent", allowed, this::languageOfContent);
            optional(entity, path, "releaseType", allowed, (node, p) -> text(node, p, SHORT_TEXT_MAX, true));
            optional(entity, path, "artists", allowed, (node, p) -> references(node, p, ARTIST_REF));
            optional(entity, path, "albums", allowed, (node, p) -> references(node, p, ALBUM_REF));
            optional(entity, path, "channelId", allowed, (node, p) -> integer(node, p, 0, Integer.MAX_VALUE));
            optional(entity, path, "callSign", allowed, (node, p) -> text(node, p, SHORT_TEXT_MAX, true));
            optional(entity, path, "frequency", allowed, (node, p) -> text(node, p, SHORT_TEXT_MAX, true));
            optional(entity, path, "ownedAndOperated", allowed, (node, p) -> text(node, p, SHORT_TEXT_MAX, true));
        }

        private interface FieldCheck {
            void check(JsonNode node, String path);
        }

        /** Checks a field only where the type allows it; elsewhere it was already reported as unknown. */
        private void optional(JsonNode entity, String path, String field, Set<String> allowed, FieldCheck check) {
            JsonNode node = entity.get(field);
            if (node != null && allowed.contains(field)) {
                check.check(node, path + "." + field);
            }
        }

        private void names(JsonNode names, String path) {
            if (!array(names, path, true)) {
                return;
            }
            for (int i = 0; i < names.size(); i++) {
                JsonNode name = names.get(i);
                String p = path + "[" + i + "]";
                if (!object(name, p, NAME, "a name is {language, value}")) {
                    continue;
                }
                language(name.get("language"), p + ".language", true);
                text(name.get("value"), p + ".value", NAME_MAX, true);
            }
        }

        private void alternateNames(JsonNode groups, String path) {
            if (!array(groups, path, false)) {
                return;
            }
            for (int i = 0; i < groups.size(); i++) {
                JsonNode group = groups.get(i);
                String p = path + "[" + i + "]";
                if (!object(group, p, ALTERNATE_NAMES, "alternate names are {language, values}")) {
                    continue;
                }
                language(group.get("language"), p + ".language", true);
                JsonNode values = group.get("values");
                if (values == null) {
                    add(p + ".values", Codes.MISSING_FIELD, "required: [string]");
                } else if (array(values, p + ".values", true)) {
                    for (int j = 0; j < values.size(); j++) {
                        text(values.get(j), p + ".values[" + j + "]", NAME_MAX, true);
                    }
                }
            }
        }

        private void popularity(JsonNode popularity, String path) {
            if (!object(popularity, path, POPULARITY, "popularity is {default, overrides?}")) {
                return;
            }
            JsonNode base = popularity.get("default");
            if (base == null) {
                add(path + ".default", Codes.MISSING_FIELD, "required: an integer 0-100");
            } else {
                integer(base, path + ".default", 0, 100);
            }
            JsonNode overrides = popularity.get("overrides");
            if (overrides == null || !array(overrides, path + ".overrides", false)) {
                return;
            }
            for (int i = 0; i < overrides.size(); i++) {
                JsonNode override = overrides.get(i);
                String p = path + ".overrides[" + i + "]";
                if (!object(override, p, OVERRIDE, "an override is {locale, value}")) {
                    continue;
                }
                JsonNode locale = override.get("locale");
                if (locale == null) {
                    add(p + ".locale", Codes.MISSING_FIELD, "required: {country, language}");
                } else {
                    String key = locale(locale, p + ".locale");
                    if (key != null && !locales.contains(key)) {
                        add(p + ".locale", Codes.LOCALE_NOT_IN_DOCUMENT, key + " is not among the document's locales");
                    }
                }
                JsonNode value = override.get("value");
                if (value == null) {
                    add(p + ".value", Codes.MISSING_FIELD, "required: an integer 0-100");
                } else {
                    integer(value, p + ".value", 0, 100);
                }
            }
        }

        private void entityLocales(JsonNode list, String path) {
            if (!array(list, path, true)) {
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                String key = locale(list.get(i), path + "[" + i + "]");
                if (key != null && !locales.contains(key)) {
                    add(path + "[" + i + "]", Codes.LOCALE_NOT_IN_DOCUMENT, key + " is not among the document's locales");
                }
            }
        }

        private void languageOfContent(JsonNode list, String path) {
            if (!array(list, path, true)) {
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                language(list.get(i), path + "[" + i + "]", false);
            }
        }

        /** An entity's {@code artists} or a track's {@code albums}: [{id, names, alternateNames?, …}]. */
        private void references(JsonNode list, String path, Set<String> fields) {
            if (!array(list, path, true)) {
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode ref = list.get(i);
                String p = path + "[" + i + "]";
                if (!object(ref, p, fields, "a reference has only " + String.join(", ", fields.stream().sorted().toList()))) {
                    continue;
                }
                text(ref.get("id"), p + ".id", ID_MAX, true);
                JsonNode names = ref.get("names");
                if (names == null) {
                    add(p + ".names", Codes.MISSING_FIELD, "required: [{language, value}]");
                } else {
                    names(names, p + ".names");
                }
                if (ref.has("alternateNames")) {
                    alternateNames(ref.get("alternateNames"), p + ".alternateNames");
                }
                if (ref.has("releaseType")) {
                    text(ref.get("releaseType"), p + ".releaseType", SHORT_TEXT_MAX, true);
                }
            }
        }

        /** A {country, language} pair; its key ("US/en") when well formed, else null after reporting. */
        private String locale(JsonNode locale, String path) {
            if (!object(locale, path, LOCALE, "a locale is {country, language}")) {
                return null;
            }
            boolean ok = true;
            JsonNode country = locale.get("country");
            if (country == null) {
                add(path + ".country", Codes.MISSING_FIELD, "required: an ISO 3166 alpha-2 code such as US");
                ok = false;
            } else if (!country.isTextual()) {
                add(path + ".country", Codes.INVALID_TYPE, "must be a string");
                ok = false;
            } else if (!COUNTRIES.contains(country.textValue())) {
                add(path + ".country", Codes.INVALID_COUNTRY,
                        "\"" + country.textValue() + "\" is not an ISO 3166 alpha-2 country code (upper case, e.g. US)");
                ok = false;
            }
            JsonNode language = locale.get("language");
            if (language == null) {
                add(path + ".language", Codes.MISSING_FIELD, "required: a BCP-47 language such as en");
                ok = false;
            } else if (!wellFormedLanguage(language, path + ".language")) {
                ok = false;
            }
            return ok ? country.textValue() + "/" + language.textValue() : null;
        }

        /** A BCP-47 tag; {@code mustBeInLocales} for names, whose language must be one the document declares. */
        private void language(JsonNode language, String path, boolean mustBeInLocales) {
            if (language == null) {
                add(path, Codes.MISSING_FIELD, "required: a BCP-47 language such as en");
                return;
            }
            // Without one well-formed document locale there is nothing to compare with; that is reported once, above.
            if (wellFormedLanguage(language, path) && mustBeInLocales && !languages.isEmpty()
                    && !languages.contains(language.textValue())) {
                add(path, Codes.LANGUAGE_NOT_IN_LOCALES, "\"" + language.textValue()
                        + "\" is not the language of any of the document's locales " + languages.stream().sorted().toList());
            }
        }

        private boolean wellFormedLanguage(JsonNode language, String path) {
            if (!language.isTextual()) {
                add(path, Codes.INVALID_TYPE, "must be a string");
                return false;
            }
            String tag = language.textValue();
            try {
                Locale parsed = new Locale.Builder().setLanguageTag(tag).build();
                String primary = parsed.getLanguage();
                boolean known = primary.length() == 3 || LANGUAGES.contains(primary);
                if (!primary.isEmpty() && known && tag.equals(parsed.toLanguageTag())) {
                    return true;
                }
            } catch (IllformedLocaleException e) {
                // reported below
            }
            add(path, Codes.INVALID_LANGUAGE, "\"" + tag + "\" is not a well-formed BCP-47 language tag (e.g. en, en-US)");
            return false;
        }

        private void timestamp(JsonNode node, String path) {
            if (node == null) {
                add(path, Codes.MISSING_FIELD, "required: ISO 8601 UTC with milliseconds, e.g. 2026-11-20T09:30:00.000Z");
                return;
            }
            if (!node.isTextual()) {
                add(path, Codes.INVALID_TYPE, "must be a string such as 2026-11-20T09:30:00.000Z");
                return;
            }
            String value = node.textValue();
            boolean ok = TIMESTAMP.matcher(value).matches();
            if (ok) {
                try {
                    Instant.parse(value);
                } catch (DateTimeParseException e) {
                    ok = false;
                }
            }
            if (!ok) {
                add(path, Codes.INVALID_TIMESTAMP,
                        "\"" + value + "\" is not ISO 8601 UTC with milliseconds and Z (e.g. 2026-11-20T09:30:00.000Z)");
            }
        }

        private void text(JsonNode node, String path, int max, boolean required) {
            if (node == null) {
                if (required) {
                    add(path, Codes.MISSING_FIELD, "required: a string of 1-" + max + " characters");
                }
                return;
            }
            if (!node.isTextual()) {
                add(path, Codes.INVALID_TYPE, "must be a string, not " + kind(node));
                return;
            }
            String value = node.textValue();
            int length = value.codePointCount(0, value.length());
            if (length < 1 || length > max) {
                add(path, Codes.INVALID_LENGTH, "must be 1-" + max + " characters, is " + length);
            } else if (value.isBlank()) {
                add(path, Codes.BLANK_VALUE, "is only whitespace");
            }
        }

        private void integer(JsonNode node, String path, int min, int max) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                add(path, Codes.INVALID_TYPE, "must be an integer " + min + "-" + (max == Integer.MAX_VALUE ? "" : max)
                        + ", not " + (node.isNumber() ? node.asText() : kind(node)));
            } else if (node.intValue() < min || node.intValue() > max) {
                add(path, Codes.OUT_OF_RANGE, "must be " + (max == Integer.MAX_VALUE ? ">= " + min : min + "-" + max)
                        + ", is " + node.intValue());
            }
        }

        private boolean array(JsonNode node, String path, boolean nonEmpty) {
            if (!node.isArray()) {
                add(path, Codes.INVALID_TYPE, "must be an array, not " + kind(node));
                return false;
            }
            if (nonEmpty && node.isEmpty()) {
                add(path, Codes.EMPTY_ARRAY, "must not be empty");
                return false;
            }
            return true;
        }

        private boolean object(JsonNode node, String path, Set<String> fields, String shape) {
            if (!node.isObject()) {
                add(path, Codes.INVALID_TYPE, "must be an object: " + shape);
                return false;
            }
            unknownFields(node, path, fields, shape);
            return true;
        }

        private void unknownFields(JsonNode node, String path, Set<String> allowed, String why) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!allowed.contains(field)) {
                    add(path.isEmpty() ? field : path + "." + field, Codes.UNKNOWN_FIELD, why);
                }
            }
        }

        private void add(String path, String code, String message) {
            if (truncated) {
                return;
            }
            if (violations.size() == MAX_VIOLATIONS - 1) {
                violations.add(new Violation("", Codes.TOO_MANY_VIOLATIONS, "stopped after " + (MAX_VIOLATIONS - 1) + " violations"));
                truncated = true;
                return;
            }
            violations.add(new Violation(path, code, message));
        }

        private static String kind(JsonNode node) {
            return switch (node.getNodeType()) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
