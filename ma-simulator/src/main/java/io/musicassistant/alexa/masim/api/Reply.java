package io.musicassistant.alexa.masim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Iterator;

/**
 * What a handler returns: a single value, or items produced one by one the way MA's async
 * generator handlers produce them (sent in chunks of 500, spec §1.6).
 */
public sealed interface Reply permits Reply.Value, Reply.Items {

    record Value(JsonNode result) implements Reply {}

    record Items(Iterator<JsonNode> items) implements Reply {}

    static Reply of(JsonNode result) {
        return new Value(result == null ? NullNode.getInstance() : result);
    }

    /** Commands that return {@code None} reply {@code "result": null}. */
    static Reply none() {
        return new Value(NullNode.getInstance());
    }
}
