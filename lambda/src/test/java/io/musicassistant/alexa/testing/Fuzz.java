package io.musicassistant.alexa.testing;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.log.JsonLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated hostile input for the Alexa entry points (jqwik): hostile text, random JSON, and
 * mutations of the documented request fixtures (a field replaced by a value of another type,
 * removed, added, wrapped, nulled), then of their bytes (trailing garbage, truncation, a byte
 * changed). Also the log capture that tells an escaped failure (an ERROR line) from a refusal.
 */
public final class Fuzz {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes every non-ASCII character as an escape, so that lone surrogates survive into the bytes sent. */
    private static final ObjectMapper ESCAPING =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private Fuzz() {}

    /** Text an attacker or a broken client would send. */
    public static Arbitrary<String> hostileText() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(30);
        Arbitrary<String> nasty = Arbitraries.of(
                        "\uD800",
                        "\uDFFF",
                        "\uDC00\uD800",
                        "\uFFFE",
                        "\uFFFF",
                        "\u0000",
                        "\u0007",
                        "\u001F",
                        "\u202E",
                        "\u200B",
                        "\uFEFF",
                        "\uD83C\uDFB5",
                        "坂本",
                        "é",
                        "ma1:album:",
                        "ma1:track:x:y",
                        "%EF%BF%BF",
                        "%00",
                        "*",
                        "<speak>",
                        "</speak>",
                        "&amp;",
                        "${jndi:ldap://x}",
                        "Atza|",
                        "' OR 1=1 --",
                        "\\",
                        "\"",
                        "NaN",
                        "-0",
                        "1e999",
                        "0.0.deadbeef",
                        "x=",
                        "RINCON_",
                        "amzn1.ask.skill.",
                        "\r\n",
                        " ")
                .list()
                .ofMaxSize(6)
                .map(l -> String.join("", l));
        Arbitrary<String> huge = Arbitraries.integers()
                .between(200, 140_000)
                .flatMap(n ->
                        Arbitraries.of("x", "é", "\uD83C\uDFB5", "a:").map(unit -> unit.repeat(n / unit.length())));
        return Arbitraries.frequencyOf(Tuple.of(5, any), Tuple.of(5, nasty), Tuple.of(1, huge));
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of(
                        "", "\uD800", "\uFFFF", "\u0000", "header", "payload", "directive", "request", "__proto__"));
    }

    /** Any JSON value, a few levels deep, with hostile text and numbers at the edges of every type. */
    public static Arbitrary<JsonNode> json() {
        return Arbitraries.recursive(
                Fuzz::scalars,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(values -> {
                            ArrayNode array = NODES.arrayNode();
                            values.forEach(array::add);
                            return (JsonNode) array;
                        }),
                        Combinators.combine(keys(), inner)
                                .as(Map::entry)
                                .list()
                                .ofMaxSize(4)
                                .map(entries -> {
                                    ObjectNode object = NODES.objectNode();
                                    entries.forEach(e -> object.set(e.getKey(), e.getValue()));
                                    return (JsonNode) object;
                                })),
                0,
                3);
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.of(
                                0L,
                                -1L,
                                1L,
                                3L,
                                100L,
                                101L,
                                -101L,
                                Integer.MAX_VALUE + 1L,
                                Long.MIN_VALUE,
                                Long.MAX_VALUE)
                        .map(NODES::numberNode),
                Arbitraries.of(0.5, -0.0, 1e308, -1e-308, 2.5).map(NODES::numberNode),
                Arbitraries.just(NODES.numberNode(new java.math.BigInteger("9".repeat(39)))),
                hostileText().map(NODES::textNode));
    }

    /** One change to a request tree. */
    public record Mutation(Op op, int at, JsonNode value, String key) {}

    public enum Op {
        REPLACE,
        REMOVE,
        ADD,
        WRAP,
        STRINGIFY,
        NUMBER,
        NULL,
        EMPTY
    }

    public static Arbitrary<Mutation> mutations() {
        return Combinators.combine(
                        Arbitraries.of(Op.class),
                        Arbitraries.integers().between(0, 10_000),
                        json(),
                        Arbitraries.frequencyOf(
                                Tuple.of(
                                        3,
                                        Arbitraries.of(
                                                "header",
                                                "payload",
                                                "directive",
                                                "endpoint",
                                                "scope",
                                                "token",
                                                "namespace",
                                                "name",
                                                "payloadVersion",
                                                "messageId",
                                                "correlationToken",
                                                "request",
                                                "intent",
                                                "slots",
                                                "value",
                                                "contentId",
                                                "currentItemReference",
                                                "selectionCriteria",
                                                "attributes",
                                                "type",
                                                "entityId",
                                                "locale",
                                                "version",
                                                "session",
                                                "context",
                                                "volume",
                                                "mute",
                                                "enable")),
                                Tuple.of(1, keys())))
                .as(Mutation::new);
    }

    /** What happens to the serialised request. */
    public record Bytes(BytesOp op, int at, String garbage) {}

    public enum BytesOp {
        NONE,
        NONE_ESCAPED,
        TRAILING,
        TRUNCATE,
        FLIP
    }

    public static Arbitrary<Bytes> bytes() {
        return Combinators.combine(
                        Arbitraries.frequencyOf(
                                Tuple.of(4, Arbitraries.of(BytesOp.NONE, BytesOp.NONE_ESCAPED)),
                                Tuple.of(1, Arbitraries.of(BytesOp.TRAILING, BytesOp.TRUNCATE, BytesOp.FLIP))),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.of(" x", "{}", "]", "}", "\"", ",", "1", "null", "\u0000", "{\"a\":1}"))
                .as(Bytes::new);
    }

    /** Applies the mutations to a copy of {@code request} and serialises it, then changes the bytes. */
    public static byte[] mutate(JsonNode request, List<Mutation> mutations, Bytes bytes) {
        JsonNode tree = request.deepCopy();
        for (Mutation m : mutations) {
            tree = apply(tree, m);
        }
        byte[] raw;
        try {
            raw = bytes.op() == BytesOp.NONE
                    ? tree.toString().getBytes(StandardCharsets.UTF_8)
                    : ESCAPING.writeValueAsBytes(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return switch (bytes.op()) {
            case NONE, NONE_ESCAPED -> raw;
            case TRAILING -> concat(raw, bytes.garbage().getBytes(StandardCharsets.UTF_8));
            case TRUNCATE -> Arrays.copyOf(raw, bytes.at() % Math.max(1, raw.length));
            case FLIP -> {
                byte[] flipped = raw.clone();
                if (flipped.length > 0) {
                    flipped[bytes.at() % flipped.length] ^= (byte) (1 + bytes.at() % 255);
                }
                yield flipped;
            }
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {}

    private static JsonNode apply(JsonNode root, Mutation m) {
        List<Slot> slots = new ArrayList<>();
        List<JsonNode> containers = new ArrayList<>();
        collect(root, slots, containers);
        if (m.op() == Op.ADD) {
            if (containers.isEmpty()) {
                return root;
            }
            JsonNode target = containers.get(m.at() % containers.size());
            if (target instanceof ObjectNode o) {
                o.set(m.key(), m.value());
            } else {
                ((ArrayNode) target).add(m.value());
            }
            return root;
        }
        if (slots.isEmpty()) {
            return m.op() == Op.REPLACE ? m.value() : root;
        }
        Slot slot = slots.get(m.at() % slots.size());
        JsonNode old = slot.field() != null
                ? slot.parent().get(slot.field())
                : slot.parent().get(slot.index());
        JsonNode replacement = switch (m.op()) {
            case REPLACE -> m.value();
            case WRAP -> NODES.arrayNode().add(old);
            case STRINGIFY -> NODES.textNode(old.isTextual() ? old.textValue() + m.key() : old.toString());
            case NUMBER -> NODES.numberNode(old.isTextual() ? old.textValue().length() : 42);
            case NULL -> NODES.nullNode();
            case EMPTY -> old.isObject() ? NODES.objectNode() : old.isArray() ? NODES.arrayNode() : NODES.textNode("");
            default -> null; // REMOVE
        };
        if (slot.field() != null) {
            ObjectNode parent = (ObjectNode) slot.parent();
            if (replacement == null) {
                parent.remove(slot.field());
            } else {
                parent.set(slot.field(), replacement);
            }
        } else {
            ArrayNode parent = (ArrayNode) slot.parent();
            if (replacement == null) {
                parent.remove(slot.index());
            } else {
                parent.set(slot.index(), replacement);
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<Slot> slots, List<JsonNode> containers) {
        if (node.isObject()) {
            containers.add(node);
            node.fieldNames().forEachRemaining(f -> {
                slots.add(new Slot(node, f, -1));
                collect(node.get(f), slots, containers);
            });
        } else if (node.isArray()) {
            containers.add(node);
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.get(i), slots, containers);
            }
        }
    }

    /** The names of the request fixtures under {@code src/test/resources/<folder>} ({@code *.request*.json}). */
    public static List<String> requestFixtures(String folder) {
        try (var files = java.nio.file.Files.list(
                java.nio.file.Path.of(Fuzz.class.getResource("/" + folder).toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.contains(".request") && n.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list " + folder, e);
        }
    }

    /** Runs {@code call} with the log captured; returns its result and every line logged meanwhile. */
    public static <T> Logged<T> logged(Supplier<T> call) {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Consumer<String> previous = JsonLog.setSink(lines::add);
        try {
            return new Logged<>(call.get(), lines);
        } finally {
            JsonLog.setSink(previous);
        }
    }

    public record Logged<T>(T value, List<String> lines) {

        /** Fails when anything was logged as ERROR: the entry point met a failure it did not expect. */
        public T withoutErrors(Object input) {
            for (String line : lines) {
                if (line.contains("\"level\":\"ERROR\"")) {
                    throw new AssertionError("logged an error for input " + input + ":\n" + line);
                }
            }
            return value;
        }
    }
}
