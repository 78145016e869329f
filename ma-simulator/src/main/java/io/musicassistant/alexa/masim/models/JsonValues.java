package io.musicassistant.alexa.masim.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How MA's models print values: Python's plain float notation, ISO dates with {@code +00:00}, lists as arrays. */
final class JsonValues {

    static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private JsonValues() {}

    // ---------------------------------------------------------------- helpers

    static ArrayNode strings(List<String> values) {
        ArrayNode list = F.arrayNode();
        values.forEach(list::add);
        return list;
    }

    static void putNullable(ObjectNode n, String key, Object value) {
        switch (value) {
            case null -> n.putNull(key);
            case Integer i -> n.put(key, i);
            case Long l -> n.put(key, l);
            // Python prints floats in plain notation; Jackson would switch to 1.7E9 for doubles
            case Double d -> n.set(key, DecimalNode.valueOf(new BigDecimal(Double.toString(d))));
            case Boolean b -> n.put(key, b);
            case String s -> n.put(key, s);
            default -> throw new IllegalArgumentException("unsupported value " + value.getClass());
        }
    }

    static String iso(Instant instant) {
        return ISO_SECONDS.format(instant) + "+00:00";
    }

    static String isoMicros(Instant instant) {
        return (instant.getNano() == 0 ? ISO_SECONDS.format(instant) : ISO_MICROS.format(instant)) + "+00:00";
    }
}
