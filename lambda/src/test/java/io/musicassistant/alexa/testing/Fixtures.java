package io.musicassistant.alexa.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What "checked against the fixture" means in the fixture tests: the answer has the documented
 * shape ({@link Directives#assertShape}: every documented field, same JSON type, recursively, array
 * elements against the documented element of their kind; header namespace, name and payloadVersion
 * equal) and, for an error, the documented error type.
 */
public final class Fixtures {

    /** The folders under src/test/resources that hold Amazon's documented messages. */
    public static final List<String> FOLDERS = List.of("alexa", "smarthome");

    private Fixtures() {}

    /** Fails unless {@code actual} has the shape of {@code documented} and, for an error, its type. */
    public static void assertDocumented(JsonNode documented, JsonNode actual) {
        try {
            Directives.assertShape(documented, actual, "");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nanswer: " + actual, e);
        }
        JsonNode expected = errorType(documented);
        if (expected != null && !expected.equals(errorType(actual))) {
            throw new AssertionError("error type should be " + expected + " but the answer is " + actual);
        }
    }

    /** The error type of a music ({@code payload.type}) or smart-home ({@code event.payload.type}) ErrorResponse. */
    private static JsonNode errorType(JsonNode message) {
        JsonNode envelope = message.has("event") ? message.path("event") : message;
        if (!envelope.path("header").path("name").asText().endsWith("ErrorResponse")) {
            return null;
        }
        return envelope.path("payload").path("type");
    }

    /** The fixture files of one folder (every file but the README), by name. */
    public static List<String> files(Path resources, String folder) {
        try (Stream<Path> files = Files.list(resources.resolve(folder))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.equals("README.md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
