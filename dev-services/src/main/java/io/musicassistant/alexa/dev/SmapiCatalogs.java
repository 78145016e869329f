package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.dev.CatalogValidator.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SMAPI's catalog calls: create and list catalogs, associate them with skills; and the paging all list calls share. */
final class SmapiCatalogs {

    private static final int MAX_PAGE = 50;
    private static final String SKILL_ID_PREFIX = "amzn1.ask.skill.";

    private final SmapiState state;
    private final SmapiStandIn.Options options;

    SmapiCatalogs(SmapiState state, SmapiStandIn.Options options) {
        this.state = state;
        this.options = options;
    }

    SmapiAnswer createCatalog(JsonNode body) throws SmapiRefusal {
        List<Violation> missing = new ArrayList<>();
        for (String field : List.of("title", "type", "usage", "vendorId")) {
            JsonNode value = body.get(field);
            if (value == null || !value.isTextual() || value.textValue().isBlank()) {
                missing.add(new Violation(field, "MISSING_FIELD", "required: a non-empty string"));
            }
        }
        if (!missing.isEmpty()) {
            throw new SmapiRefusal(400, SmapiErrors.badRequest("The request body is invalid.", missing));
        }
        String typeName = body.get("type").textValue();
        MusicCatalogType type = MusicCatalogType.ofType(typeName)
                .orElseThrow(() -> new SmapiRefusal(
                        400,
                        SmapiErrors.badRequest(
                                "INVALID_CATALOG_TYPE",
                                "The catalog type " + typeName
                                        + " is not one of the music catalog types this stand-in knows")));
        if (!type.usage().equals(body.get("usage").textValue())) {
            throw new SmapiRefusal(
                    400,
                    SmapiErrors.badRequest("INVALID_TYPE_USAGE", "The specified type/usage combination is invalid"));
        }
        synchronized (state.lock) {
            String id = "amzn1.ask.catalog." + state.randomHex(16);
            SmapiCatalog catalog = new SmapiCatalog(
                    id,
                    body.get("title").textValue(),
                    type,
                    body.get("vendorId").textValue(),
                    options.clock().instant());
            state.catalogs.put(id, catalog);
            return new SmapiAnswer(201, catalog.details());
        }
    }

    SmapiAnswer listCatalogs(Map<String, String> query) throws SmapiRefusal {
        String vendorId = query.get("vendorId");
        if (vendorId == null || vendorId.isBlank()) {
            throw new SmapiRefusal(400, SmapiErrors.badRequest("MISSING_PARAMETER", "vendorId is required."));
        }
        synchronized (state.lock) {
            return new SmapiAnswer(
                    200,
                    page(
                            "catalogs",
                            state.catalogs.values().stream()
                                    .filter(c -> c.vendorId.equals(vendorId))
                                    .map(SmapiCatalog::details)
                                    .toList(),
                            query));
        }
    }

    SmapiAnswer listSkillCatalogs(String skillId, Map<String, String> query) throws SmapiRefusal {
        synchronized (state.lock) {
            return new SmapiAnswer(
                    200,
                    page(
                            "catalogs",
                            state.catalogs.values().stream()
                                    .filter(c -> c.skillIds.contains(skillId))
                                    .map(SmapiCatalog::details)
                                    .toList(),
                            query));
        }
    }

    SmapiAnswer associate(String skillId, String catalogId) throws SmapiRefusal {
        if (!skillId.startsWith(SKILL_ID_PREFIX) || skillId.length() == SKILL_ID_PREFIX.length()) {
            throw new SmapiRefusal(
                    400,
                    SmapiErrors.badRequest(
                            "INVALID_SKILL_ID", "The skill id " + skillId + " is not a skill id (amzn1.ask.skill.…)."));
        }
        synchronized (state.lock) {
            SmapiCatalog catalog = state.findCatalog(catalogId);
            catalog.skillIds.add(skillId);
            catalog.lastUpdatedDate = options.clock().instant();
            return new SmapiAnswer(201, "");
        }
    }

    /** Not a SMAPI call (ask-smapi-model has none for v0 catalogs): the stand-in's own way to undo an association. */
    SmapiAnswer disassociate(String skillId, String catalogId) throws SmapiRefusal {
        synchronized (state.lock) {
            SmapiCatalog catalog = state.findCatalog(catalogId);
            if (!catalog.skillIds.remove(skillId)) {
                throw new SmapiRefusal(
                        404, SmapiErrors.error("NOT_FOUND", "The catalog is not associated with " + skillId + "."));
            }
            catalog.lastUpdatedDate = options.clock().instant();
            return new SmapiAnswer(204, "");
        }
    }

    /** {@code {<listName>: [...], isTruncated, nextToken?}}, nextToken being an opaque offset. */
    static Map<String, Object> page(String listName, List<?> all, Map<String, String> query) throws SmapiRefusal {
        int max = MAX_PAGE;
        if (query.containsKey("maxResults")) {
            try {
                max = Integer.parseInt(query.get("maxResults"));
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > MAX_PAGE) {
                throw new SmapiRefusal(
                        400, SmapiErrors.badRequest("INVALID_PARAMETER", "maxResults must be 1-" + MAX_PAGE + "."));
            }
        }
        int offset = 0;
        String token = query.get("nextToken");
        if (token != null) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!decoded.startsWith("offset:")) {
                    throw new IllegalArgumentException(decoded);
                }
                offset = Integer.parseInt(decoded.substring("offset:".length()));
                if (offset < 0 || offset > all.size()) {
                    throw new IllegalArgumentException(decoded);
                }
            } catch (IllegalArgumentException e) {
                throw new SmapiRefusal(400, SmapiErrors.badRequest("INVALID_PARAMETER", "nextToken is invalid."));
            }
        }
        int end = Math.min(all.size(), offset + max);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(listName, all.subList(offset, end));
        body.put("isTruncated", end < all.size());
        if (end < all.size()) {
            body.put(
                    "nextToken",
                    Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
        }
        return body;
    }
}
