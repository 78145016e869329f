package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.CatalogValidator.Codes;
import io.musicassistant.alexa.dev.CatalogValidator.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of single values a catalog document is made of (texts, integers, arrays, objects,
 * locales, languages, timestamps), each recording what is wrong with its path; and the violations
 * of one validation so far, with what the document's locales allow.
 */
final class CatalogFieldChecks {

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> LOCALE = Set.of("country", "language");

    final List<Violation> violations = new ArrayList<>();
    /** The languages and locales ("US/en") the document declares, once its locales were checked. */
    final Set<String> languages = new HashSet<>();

    final Set<String> locales = new HashSet<>();
    private boolean truncated;

    /** Whether collecting stopped at {@link CatalogValidator#MAX_VIOLATIONS}. */
    boolean truncated() {
        return truncated;
    }

    void add(String path, String code, String message) {
        if (truncated) {
            return;
        }
        if (violations.size() == CatalogValidator.MAX_VIOLATIONS - 1) {
            violations.add(new Violation(
                    "",
                    Codes.TOO_MANY_VIOLATIONS,
                    "stopped after " + (CatalogValidator.MAX_VIOLATIONS - 1) + " violations"));
            truncated = true;
            return;
        }
        violations.add(new Violation(path, code, message));
    }

    /** A {country, language} pair; its key ("US/en") when well formed, else null after reporting. */
    String locale(JsonNode locale, String path) {
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
            add(
                    path + ".country",
                    Codes.INVALID_COUNTRY,
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
    void language(JsonNode language, String path, boolean mustBeInLocales) {
        if (language == null) {
            add(path, Codes.MISSING_FIELD, "required: a BCP-47 language such as en");
            return;
        }
        // Without one well-formed document locale there is nothing to compare with; that is reported once, above.
        if (wellFormedLanguage(language, path)
                && mustBeInLocales
                && !languages.isEmpty()
                && !languages.contains(language.textValue())) {
            add(
                    path,
                    Codes.LANGUAGE_NOT_IN_LOCALES,
                    "\"" + language.textValue() + "\" is not the language of any of the document's locales "
                            + languages.stream().sorted().toList());
        }
    }

    boolean wellFormedLanguage(JsonNode language, String path) {
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

    void timestamp(JsonNode node, String path) {
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
            add(
                    path,
                    Codes.INVALID_TIMESTAMP,
                    "\"" + value + "\" is not ISO 8601 UTC with milliseconds and Z (e.g. 2026-11-20T09:30:00.000Z)");
        }
    }

    void text(JsonNode node, String path, int max, boolean required) {
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

    void integer(JsonNode node, String path, int min, int max) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            add(
                    path,
                    Codes.INVALID_TYPE,
                    "must be an integer " + min + "-" + (max == Integer.MAX_VALUE ? "" : max) + ", not "
                            + (node.isNumber() ? node.asText() : kind(node)));
        } else if (node.intValue() < min || node.intValue() > max) {
            add(
                    path,
                    Codes.OUT_OF_RANGE,
                    "must be " + (max == Integer.MAX_VALUE ? ">= " + min : min + "-" + max) + ", is "
                            + node.intValue());
        }
    }

    boolean array(JsonNode node, String path, boolean nonEmpty) {
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

    boolean object(JsonNode node, String path, Set<String> fields, String shape) {
        if (!node.isObject()) {
            add(path, Codes.INVALID_TYPE, "must be an object: " + shape);
            return false;
        }
        unknownFields(node, path, fields, shape);
        return true;
    }

    void unknownFields(JsonNode node, String path, Set<String> allowed, String why) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!allowed.contains(field)) {
                add(path.isEmpty() ? field : path + "." + field, Codes.UNKNOWN_FIELD, why);
            }
        }
    }

    static String kind(JsonNode node) {
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
