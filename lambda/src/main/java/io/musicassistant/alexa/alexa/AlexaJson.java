package io.musicassistant.alexa.alexa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.musicassistant.alexa.relay.protocol.SqsText;
import io.musicassistant.alexa.relay.protocol.StrictScalars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON for Alexa's messages: camelCase as Amazon writes it, nulls left out, and reading bounded so
 * that hostile input (deep nesting, huge numbers or strings) fails fast as a malformed directive.
 * Reading is strict ({@link StrictScalars}: nothing after the request's one JSON value), and a
 * request holding text SQS would refuse ({@link SqsText}: lone surrogates, U+FFFE, U+FFFF, most
 * control characters) is malformed too: no legitimate request carries such text, and refusing it
 * here keeps it from reaching a home's queue from any of the three skills.
 */
public final class AlexaJson {

    /** Alexa's directives are a few kilobytes; anything beyond this is not one. */
    public static final int MAX_REQUEST_BYTES = 128 * 1024;

    private static final ObjectMapper MAPPER = StrictScalars.apply(JsonMapper.builder())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(40)
                        .maxStringLength(64 * 1024)
                        .maxNumberLength(40)
                        .build());
    }

    private AlexaJson() {}

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
            if (!sqsSafe(root)) {
                throw AlexaException.invalidDirective("request holds characters outside the allowed set");
            }
            return root;
        } catch (IOException e) {
            throw AlexaException.invalidDirective("request is not valid JSON");
        }
    }

    /** Whether every field name and text in {@code node} may travel in an SQS message. */
    static boolean sqsSafe(JsonNode node) {
        if (node.isTextual()) {
            return SqsText.allowed(node.textValue());
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (!SqsText.allowed(field.getKey()) || !sqsSafe(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!sqsSafe(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Serialises an answer. Through a String: Jackson's byte writer throws on a lone surrogate (text
     * a home sent, say), where the String's UTF-8 encoding replaces it, so that every answer is written.
     */
    public static byte[] write(Object message) {
        try {
            return MAPPER.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }
}
