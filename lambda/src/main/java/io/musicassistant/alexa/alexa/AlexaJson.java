package io.musicassistant.alexa.alexa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * JSON for Alexa's messages: camelCase as Amazon writes it, nulls left out, and reading bounded so
 * that hostile input (deep nesting, huge numbers or strings) fails fast as a malformed directive.
 */
public final class AlexaJson {

    /** Alexa's directives are a few kilobytes; anything beyond this is not one. */
    public static final int MAX_REQUEST_BYTES = 128 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(40)
                .maxStringLength(64 * 1024)
                .maxNumberLength(40)
                .build());
    }

    private AlexaJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a directive; malformed input is an INVALID_DIRECTIVE, never an exception of another kind. */
    public static JsonNode parse(byte[] input) {
        try {
            JsonNode root = MAPPER.readTree(input);
            if (root == null || !root.isObject()) {
                throw AlexaException.invalidDirective("request is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw AlexaException.invalidDirective("request is not valid JSON");
        }
    }

    public static byte[] write(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }
}
