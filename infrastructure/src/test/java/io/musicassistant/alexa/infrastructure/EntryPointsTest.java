package io.musicassistant.alexa.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Lambda handler the stack names ({@code io.musicassistant.alexa.X::handleRequest}) is a class of
 * the lambda jar, a stream handler, and sits in its root package beside the wiring (issue 13): a moved
 * or renamed entry point fails here, not at the first invocation in AWS.
 */
class EntryPointsTest {

    private static final Pattern HANDLER =
            Pattern.compile("\"(io\\.musicassistant\\.alexa\\.[A-Za-z0-9_.]+)::handleRequest\"");

    @Test
    void everyHandlerTheStackNamesIsAStreamHandlerBesideTheWiring() throws Exception {
        Set<String> handlers = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher m = HANDLER.matcher(read(f));
                while (m.find()) {
                    handlers.add(m.group(1));
                }
            });
        }
        assertEquals(
                6, handlers.size(), "music, control, relay API, health sweep, home sweep, catalog build: " + handlers);
        for (String name : handlers) {
            Class<?> handler = Class.forName(name);
            assertEquals("io.musicassistant.alexa", handler.getPackageName(), name + " is beside CloudWiring");
            assertTrue(
                    Arrays.stream(handler.getInterfaces())
                            .anyMatch(i ->
                                    i.getName().equals("com.amazonaws.services.lambda.runtime.RequestStreamHandler")),
                    name + " is a RequestStreamHandler");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
