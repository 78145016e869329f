package io.musicassistant.alexa.connector.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The status as JSON: snake_case, nulls kept (the page tells "none" from "not known"), and the time it was read. */
final class StatusJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private StatusJson() {}

    static String write(StatusFeed.Version version) {
        return text(tree(version));
    }

    static ObjectNode tree(StatusFeed.Version version) {
        ObjectNode node = MAPPER.valueToTree(version.status());
        // The page measures the code's validity against this, not against a phone's clock.
        node.put("generated_at_ms", System.currentTimeMillis());
        return node;
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
