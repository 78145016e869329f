package io.musicassistant.alexa.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class over 400 lines unless docs/decisions.md says why: a longer class must be named (as
 * {@code `Name.java`}) in its section "Main classes over 400 lines". Runs once for the whole repository.
 */
class MainClassSizeTest {

    static final int MAX_LINES = 400;
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyMainClassIsSmallOrExplained() throws IOException {
        String explained = section(Files.readString(REPO.resolve("docs/decisions.md")));
        // Only the modules' main source trees: walking the whole repository reads .git, node_modules, target.
        List<Path> roots;
        try (Stream<Path> modules = Files.list(REPO)) {
            roots = modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList();
        }
        List<String> unexplained = new java.util.ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> lines(p) > MAX_LINES)
                        .filter(p -> !explained.contains("`" + p.getFileName() + "`"))
                        .map(p -> REPO.relativize(p) + " (" + lines(p) + " lines)")
                        .forEach(unexplained::add);
            }
        }
        unexplained.sort(null);
        assertTrue(
                unexplained.isEmpty(),
                "main classes over " + MAX_LINES
                        + " lines that docs/decisions.md ('Main classes over 400 lines') does not explain:\n  "
                        + String.join("\n  ", unexplained));
    }

    private static String section(String decisions) {
        int at = decisions.indexOf("## Main classes over 400 lines");
        if (at < 0) {
            return "";
        }
        int next = decisions.indexOf("\n## ", at + 3);
        return next < 0 ? decisions.substring(at) : decisions.substring(at, next);
    }

    private static long lines(Path p) {
        try (Stream<String> s = Files.lines(p)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
