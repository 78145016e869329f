package io.musicassistant.alexa.relay.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of the relay protocol: snake_case names, nulls omitted, unknown fields
 * ignored so that a newer peer can add fields without breaking an older one (the protocol version
 * field, not the field set, signals incompatible changes). Otherwise strict ({@link StrictScalars}):
 * nothing after the one JSON value, no {@code 42} read as {@code "42"}, no {@code "true"} as
 * {@code true}, no {@code 1.5} as {@code 1}; both peers write with this mapper, so only a broken
 * or hostile peer sends anything else.
 */
public final class RelayJson {

    /** Far above any legitimate message; stops a hostile peer from making us parse megabytes of nesting. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = StrictScalars.apply(JsonMapper.builder())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * SQS refuses a message holding U+FFFE or U+FFFF (it accepts only #x9, #xA, #xD, #x20-#xD7FF,
     * #xE000-#xFFFD and #x10000-#x10FFFF); JSON escapes control characters already, so escaping these
     * two keeps any text a user or Alexa sends from failing the send. ElasticMQ refuses them as SQS does.
     */
    private static final class SqsSafeEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0xFFFE || ch == 0xFFFF ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    static {
        MAPPER.getFactory().setCharacterEscapes(new SqsSafeEscapes());
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(4_000_000)
                        .build());
    }

    private RelayJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new ProtocolException("empty " + type.getSimpleName());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ProtocolException("malformed " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new ProtocolException("missing " + type.getSimpleName());
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException("malformed " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
