package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.CatalogValidator.Codes;
import io.musicassistant.alexa.dev.CatalogValidator.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validation pass over a parsed catalog document: its top level, each entity by its catalog
 * type's fields, and the structures inside (names, alternate names, popularity, references); the
 * single values go to {@link CatalogFieldChecks}.
 */
final class CatalogDocumentCheck {

    private static final Set<String> TOP_LEVEL = Set.of("type", "version", "locales", "entities");
    private static final Set<String> TOMBSTONE = Set.of("id", "lastUpdatedTime", "deleted");
    private static final Set<String> NAME = Set.of("language", "value");
    private static final Set<String> ALTERNATE_NAMES = Set.of("language", "values");
    private static final Set<String> POPULARITY = Set.of("default", "overrides");
    private static final Set<String> OVERRIDE = Set.of("locale", "value");
    private static final Set<String> ARTIST_REF = Set.of("id", "names", "alternateNames");
    private static final Set<String> ALBUM_REF = Set.of("id", "names", "alternateNames", "releaseType");

    private final CatalogFieldChecks checks = new CatalogFieldChecks();

    Result document(JsonNode root, String expectedType) {
        if (!root.isObject()) {
            checks.add("", Codes.INVALID_TYPE, "the document must be a JSON object");
            return result(List.of());
        }
        checks.unknownFields(root, "", TOP_LEVEL, "a catalog document has only type, version, locales and entities");
        JsonNode type = root.get("type");
        if (type == null) {
            checks.add("type", Codes.MISSING_FIELD, "required");
        } else if (!type.isTextual()) {
            checks.add("type", Codes.INVALID_TYPE, "must be a string");
        } else if (!type.textValue().equals(expectedType)) {
            checks.add("type", Codes.TYPE_MISMATCH, "is " + type.textValue() + " but the catalog is " + expectedType);
        }
        JsonNode version = root.get("version");
        if (version == null) {
            checks.add("version", Codes.MISSING_FIELD, "required (the number 2.0)");
        } else if (!version.isNumber()) {
            checks.add("version", Codes.INVALID_TYPE, "must be a number (2.0), not " + checks.kind(version));
        } else if (version.doubleValue() != CatalogValidator.VERSION) {
            checks.add("version", Codes.UNSUPPORTED_VERSION, "must be 2.0, is " + version.asText());
        }
        JsonNode docLocales = root.get("locales");
        if (docLocales == null) {
            checks.add("locales", Codes.MISSING_FIELD, "required: [{country, language}]");
        } else if (checks.array(docLocales, "locales", true)) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < docLocales.size(); i++) {
                String key = checks.locale(docLocales.get(i), "locales[" + i + "]");
                if (key != null) {
                    if (!seen.add(key)) {
                        checks.add("locales[" + i + "]", Codes.DUPLICATE_LOCALE, "listed twice: " + key);
                    }
                    checks.locales.add(key);
                    checks.languages.add(docLocales.get(i).get("language").textValue());
                }
            }
        }
        MusicCatalogType catalogType = MusicCatalogType.ofType(expectedType).orElse(null);
        JsonNode entities = root.get("entities");
        List<JsonNode> accepted = new ArrayList<>();
        if (entities == null) {
            checks.add("entities", Codes.MISSING_FIELD, "required (an array, empty if there is nothing to send)");
        } else if (checks.array(entities, "entities", false)) {
            Map<String, Integer> firstIndex = new HashMap<>();
            for (int i = 0; i < entities.size() && !checks.truncated(); i++) {
                JsonNode entity = entities.get(i);
                String path = "entities[" + i + "]";
                entity(entity, path, catalogType);
                JsonNode id = entity.path("id");
                if (id.isTextual()) {
                    Integer first = firstIndex.putIfAbsent(id.textValue(), i);
                    if (first != null) {
                        checks.add(
                                path + ".id",
                                Codes.DUPLICATE_ID,
                                "\"" + id.textValue() + "\" is also entities[" + first + "].id");
                    }
                }
                accepted.add(entity);
            }
        }
        return result(accepted);
    }

    private Result result(List<JsonNode> entities) {
        return checks.violations.isEmpty() ? new Result(List.of(), entities) : new Result(checks.violations, List.of());
    }

    private void entity(JsonNode entity, String path, MusicCatalogType type) {
        if (!entity.isObject()) {
            checks.add(path, Codes.INVALID_TYPE, "an entity must be an object, not " + checks.kind(entity));
            return;
        }
        checks.text(entity.get("id"), path + ".id", CatalogValidator.ID_MAX, true);
        JsonNode deleted = entity.get("deleted");
        boolean tombstone = false;
        if (deleted != null) {
            if (!deleted.isBoolean()) {
                checks.add(
                        path + ".deleted",
                        Codes.INVALID_TYPE,
                        "must be true (a deletion) or absent, not " + checks.kind(deleted));
            } else if (!deleted.booleanValue()) {
                checks.add(
                        path + ".deleted",
                        Codes.DELETED_FALSE,
                        "\"deleted\": false is refused by the API (observed); leave the field out of a live entity");
            } else {
                tombstone = true;
            }
        }
        checks.timestamp(entity.get("lastUpdatedTime"), path + ".lastUpdatedTime");
        if (tombstone) {
            for (Iterator<String> names = entity.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!TOMBSTONE.contains(field)) {
                    checks.add(
                            path + "." + field,
                            Codes.TOMBSTONE_FIELD,
                            "a deletion is exactly {id, lastUpdatedTime, deleted}");
                }
            }
            return;
        }
        Set<String> allowed = type == null ? MusicCatalogType.Common.FIELDS : type.entityFields();
        checks.unknownFields(
                entity,
                path,
                allowed,
                "not a field of " + (type == null ? "this catalog type" : type.type()) + " entities");
        JsonNode names = entity.get("names");
        if (names == null) {
            checks.add(path + ".names", Codes.MISSING_FIELD, "required: [{language, value}]");
        } else {
            names(names, path + ".names");
        }
        JsonNode popularity = entity.get("popularity");
        if (popularity == null) {
            checks.add(path + ".popularity", Codes.MISSING_FIELD, "required: {default: 0-100}");
        } else {
            popularity(popularity, path + ".popularity");
        }
        optional(entity, path, "locales", allowed, (node, p) -> entityLocales(node, p));
        optional(entity, path, "alternateNames", allowed, this::alternateNames);
        optional(entity, path, "languageOfContent", allowed, this::languageOfContent);
        optional(
                entity,
                path,
                "releaseType",
                allowed,
                (node, p) -> checks.text(node, p, CatalogValidator.SHORT_TEXT_MAX, true));
        optional(entity, path, "artists", allowed, (node, p) -> references(node, p, ARTIST_REF));
        optional(entity, path, "albums", allowed, (node, p) -> references(node, p, ALBUM_REF));
        optional(entity, path, "channelId", allowed, (node, p) -> checks.integer(node, p, 0, Integer.MAX_VALUE));
        optional(
                entity,
                path,
                "callSign",
                allowed,
                (node, p) -> checks.text(node, p, CatalogValidator.SHORT_TEXT_MAX, true));
        optional(
                entity,
                path,
                "frequency",
                allowed,
                (node, p) -> checks.text(node, p, CatalogValidator.SHORT_TEXT_MAX, true));
        optional(
                entity,
                path,
                "ownedAndOperated",
                allowed,
                (node, p) -> checks.text(node, p, CatalogValidator.SHORT_TEXT_MAX, true));
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
        if (!checks.array(names, path, true)) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            JsonNode name = names.get(i);
            String p = path + "[" + i + "]";
            if (!checks.object(name, p, NAME, "a name is {language, value}")) {
                continue;
            }
            checks.language(name.get("language"), p + ".language", true);
            checks.text(name.get("value"), p + ".value", CatalogValidator.NAME_MAX, true);
        }
    }

    private void alternateNames(JsonNode groups, String path) {
        if (!checks.array(groups, path, false)) {
            return;
        }
        for (int i = 0; i < groups.size(); i++) {
            JsonNode group = groups.get(i);
            String p = path + "[" + i + "]";
            if (!checks.object(group, p, ALTERNATE_NAMES, "alternate names are {language, values}")) {
                continue;
            }
            checks.language(group.get("language"), p + ".language", true);
            JsonNode values = group.get("values");
            if (values == null) {
                checks.add(p + ".values", Codes.MISSING_FIELD, "required: [string]");
            } else if (checks.array(values, p + ".values", true)) {
                for (int j = 0; j < values.size(); j++) {
                    checks.text(values.get(j), p + ".values[" + j + "]", CatalogValidator.NAME_MAX, true);
                }
            }
        }
    }

    private void popularity(JsonNode popularity, String path) {
        if (!checks.object(popularity, path, POPULARITY, "popularity is {default, overrides?}")) {
            return;
        }
        JsonNode base = popularity.get("default");
        if (base == null) {
            checks.add(path + ".default", Codes.MISSING_FIELD, "required: an integer 0-100");
        } else {
            checks.integer(base, path + ".default", 0, 100);
        }
        JsonNode overrides = popularity.get("overrides");
        if (overrides == null || !checks.array(overrides, path + ".overrides", false)) {
            return;
        }
        for (int i = 0; i < overrides.size(); i++) {
            JsonNode override = overrides.get(i);
            String p = path + ".overrides[" + i + "]";
            if (!checks.object(override, p, OVERRIDE, "an override is {locale, value}")) {
                continue;
            }
            JsonNode locale = override.get("locale");
            if (locale == null) {
                checks.add(p + ".locale", Codes.MISSING_FIELD, "required: {country, language}");
            } else {
                String key = checks.locale(locale, p + ".locale");
                if (key != null && !checks.locales.contains(key)) {
                    checks.add(
                            p + ".locale", Codes.LOCALE_NOT_IN_DOCUMENT, key + " is not among the document's locales");
                }
            }
            JsonNode value = override.get("value");
            if (value == null) {
                checks.add(p + ".value", Codes.MISSING_FIELD, "required: an integer 0-100");
            } else {
                checks.integer(value, p + ".value", 0, 100);
            }
        }
    }

    private void entityLocales(JsonNode list, String path) {
        if (!checks.array(list, path, true)) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String key = checks.locale(list.get(i), path + "[" + i + "]");
            if (key != null && !checks.locales.contains(key)) {
                checks.add(
                        path + "[" + i + "]",
                        Codes.LOCALE_NOT_IN_DOCUMENT,
                        key + " is not among the document's locales");
            }
        }
    }

    private void languageOfContent(JsonNode list, String path) {
        if (!checks.array(list, path, true)) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            checks.language(list.get(i), path + "[" + i + "]", false);
        }
    }

    /** An entity's {@code artists} or a track's {@code albums}: [{id, names, alternateNames?, …}]. */
    private void references(JsonNode list, String path, Set<String> fields) {
        if (!checks.array(list, path, true)) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode ref = list.get(i);
            String p = path + "[" + i + "]";
            if (!checks.object(
                    ref,
                    p,
                    fields,
                    "a reference has only "
                            + String.join(", ", fields.stream().sorted().toList()))) {
                continue;
            }
            checks.text(ref.get("id"), p + ".id", CatalogValidator.ID_MAX, true);
            JsonNode names = ref.get("names");
            if (names == null) {
                checks.add(p + ".names", Codes.MISSING_FIELD, "required: [{language, value}]");
            } else {
                names(names, p + ".names");
            }
            if (ref.has("alternateNames")) {
                alternateNames(ref.get("alternateNames"), p + ".alternateNames");
            }
            if (ref.has("releaseType")) {
                checks.text(ref.get("releaseType"), p + ".releaseType", CatalogValidator.SHORT_TEXT_MAX, true);
            }
        }
    }
}
