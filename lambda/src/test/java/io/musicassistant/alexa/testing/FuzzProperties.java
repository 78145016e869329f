package io.musicassistant.alexa.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** What the fuzz properties of every Alexa entry point share: the generators, and calling a Lambda handler. */
public abstract class FuzzProperties {

    /** Often none or one, so that much of the generated input is valid enough to get past the envelope. */
    @Provide
    protected Arbitrary<List<Fuzz.Mutation>> mutations() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Fuzz.mutations().list().ofSize(0)),
                Tuple.of(3, Fuzz.mutations().list().ofSize(1)),
                Tuple.of(2, Fuzz.mutations().list().ofMinSize(2).ofMaxSize(3)));
    }

    @Provide
    protected Arbitrary<Fuzz.Bytes> bytes() {
        return Fuzz.bytes();
    }

    @Provide
    protected Arbitrary<JsonNode> json() {
        return Fuzz.json();
    }

    @Provide
    protected Arbitrary<String> text() {
        return Fuzz.hostileText();
    }

    /**
     * Calls {@code handler} as AWS does, with the log captured: fails on any ERROR line or an answer
     * that is not one strict JSON value; returns the answer.
     */
    protected static JsonNode invoke(RequestStreamHandler handler, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String shown = shown(input);
        byte[] answer = Fuzz.logged(() -> {
                    try {
                        handler.handleRequest(new ByteArrayInputStream(input), out, null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return out.toByteArray();
                })
                .withoutErrors(shown);
        try {
            return AlexaJson.mapper().readTree(answer);
        } catch (IOException e) {
            throw new AssertionError("not JSON for input " + shown, e);
        }
    }

    protected static String shown(byte[] input) {
        return new String(input, 0, Math.min(input.length, 600), StandardCharsets.UTF_8);
    }
}
