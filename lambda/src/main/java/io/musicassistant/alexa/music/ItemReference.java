package io.musicassistant.alexa.music;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaException;

/**
 * The position Alexa echoes back on every queue directive. Alexa sends it in three shapes:
 * bare {@code {id, queueId, contentId}} (GetNextItem, GetPreviousItem, JumpToItem), wrapped as a
 * MediaReference {@code {namespace, name: "item", value: {…}}} (GetItem, GetView, Set*), and in an
 * old documented example with {@code content: {id}} instead of {@code contentId}. All three are read here.
 */
public record ItemReference(String id, String queueId, String contentId) {

    private static final int MAX_FIELD = 1024;

    public static ItemReference from(JsonNode reference) {
        if (reference == null || !reference.isObject()) {
            throw AlexaException.invalidDirective("missing item reference");
        }
        JsonNode value =
                reference.has("value") && reference.get("value").isObject() ? reference.get("value") : reference;
        String contentId = text(value, "contentId");
        if (contentId == null) {
            contentId = text(value.path("content"), "id");
        }
        String id = text(value, "id");
        String queueId = text(value, "queueId");
        if (id == null || queueId == null || contentId == null) {
            throw AlexaException.invalidDirective("item reference needs id, queueId and contentId");
        }
        return new ItemReference(id, queueId, contentId);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            return null;
        }
        if (v.asText().length() > MAX_FIELD) {
            throw AlexaException.invalidDirective(field + " too long");
        }
        return v.asText();
    }
}
