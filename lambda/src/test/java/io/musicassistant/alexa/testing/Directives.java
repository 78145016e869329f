package io.musicassistant.alexa.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Builds directives from the fixtures in src/test/resources/alexa (written from Amazon's documented shapes). */
public final class Directives {

    /** Fields Amazon documents as optional that a documented example happens to include. */
    private static final java.util.Set<String> OPTIONAL = java.util.Set.of(
            "feedback",
            "actions",
            "contentDescription",
            "size",
            "widthPixels",
            "heightPixels",
            // Voice model and manifest: entity synonyms; per-region endpoints and the HTTPS-only certificate type.
            "synonyms",
            "regions",
            "sslCertificateType",
            // Login with Amazon: an id it adds to some errors only.
            "error_index");

    private Directives() {}

    public static ObjectNode fixture(String name) {
        try (InputStream in = Directives.class.getResourceAsStream("/alexa/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) AlexaJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request fixture with our user's token and a fresh message id. */
    public static ObjectNode request(String fixture, String token) {
        ObjectNode request = fixture(fixture);
        ((ObjectNode) request.get("header")).put("messageId", UUID.randomUUID().toString());
        ObjectNode user =
                (ObjectNode) request.with("payload").with("requestContext").with("user");
        if (token == null) {
            user.remove("accessToken");
        } else {
            user.put("accessToken", token);
        }
        return request;
    }

    /** Points every item reference of a queue directive at our queue. */
    public static ObjectNode withReference(ObjectNode request, String itemId, String queueId, String contentId) {
        ObjectNode payload = (ObjectNode) request.get("payload");
        for (String field : new String[] {"currentItemReference", "targetItemReference"}) {
            JsonNode ref = payload.get(field);
            if (ref instanceof ObjectNode node) {
                ObjectNode target = node.get("value") instanceof ObjectNode value ? value : node;
                target.put("id", itemId).put("queueId", queueId).put("contentId", contentId);
            }
        }
        return request;
    }

    /** The documented element of the same kind (same "type", or any when elements carry no type). */
    private static JsonNode sameKind(JsonNode documented, JsonNode item) {
        boolean property = item.has("namespace") && item.has("name");
        for (JsonNode element : documented) {
            if (property) {
                // Smart-home properties: the documented one with the same namespace and name, if shown.
                if (element.path("namespace").equals(item.path("namespace"))
                        && element.path("name").equals(item.path("name"))) {
                    return element;
                }
                continue;
            }
            if (!element.isObject() || !item.isObject()) {
                return element.getNodeType() == item.getNodeType() ? element : null;
            }
            if (!element.has("type") || element.path("type").equals(item.path("type"))) {
                return element;
            }
        }
        return null;
    }

    /**
     * Checks that {@code actual} has every field {@code documented} has, with the same JSON type,
     * recursively (arrays: every element against the documented first element). Values may differ.
     */
    public static void assertShape(JsonNode documented, JsonNode actual, String path) {
        if (path.isEmpty()) {
            // Music answers carry the header at the top, smart-home ones under "event".
            String at = documented.has("header") ? "" : documented.path("event").has("header") ? "event." : null;
            JsonNode expectedHeader = at == null
                    ? null
                    : at.isEmpty()
                            ? documented.path("header")
                            : documented.path("event").path("header");
            JsonNode actualHeader = at == null
                    ? null
                    : at.isEmpty()
                            ? actual.path("header")
                            : actual.path("event").path("header");
            for (String field : at == null ? new String[0] : new String[] {"namespace", "name", "payloadVersion"}) {
                String expected = expectedHeader.path(field).asText();
                String got = actualHeader.path(field).asText();
                if (!expected.equals(got)) {
                    throw new AssertionError(at + "header." + field + " should be " + expected + " but is " + got);
                }
            }
        }
        if (documented.isObject()) {
            if (!actual.isObject()) {
                throw new AssertionError(path + " should be an object but is " + actual.getNodeType());
            }
            documented.fieldNames().forEachRemaining(field -> {
                JsonNode a = actual.get(field);
                if (a == null && OPTIONAL.contains(field)) {
                    return;
                }
                if (a == null) {
                    throw new AssertionError(path + "." + field + " is missing in " + actual);
                }
                assertShape(documented.get(field), a, path + "." + field);
            });
        } else if (documented.isArray()) {
            if (!actual.isArray()) {
                throw new AssertionError(path + " should be an array");
            }
            if (!documented.isEmpty()) {
                for (int i = 0; i < actual.size(); i++) {
                    JsonNode item = actual.get(i);
                    JsonNode sameKind = sameKind(documented, item);
                    if (sameKind != null) {
                        assertShape(sameKind, item, path + "[" + i + "]");
                        continue;
                    }
                    // A kind the example does not show (an ADJUST among TOGGLE controls): compare shared fields.
                    JsonNode element = documented.get(0);
                    String at = path + "[" + i + "].";
                    if (element.isObject() && item.isObject()) {
                        element.fieldNames().forEachRemaining(f -> {
                            // A property the example does not show has its own kind of value.
                            if (item.has(f) && !(f.equals("value") && item.has("namespace"))) {
                                assertShape(element.get(f), item.get(f), at + f);
                            }
                        });
                    }
                }
            }
        } else if (documented.isTextual() && !actual.isTextual()
                || documented.isNumber() && !actual.isNumber()
                || documented.isBoolean() && !actual.isBoolean()) {
            throw new AssertionError(
                    path + " should be " + documented.getNodeType() + " but is " + actual.getNodeType());
        }
    }
}
