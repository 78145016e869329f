package io.musicassistant.alexa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No orphan fixtures: every file under src/test/resources/{alexa,smarthome} has a row in the fixtures
 * README naming the test class that checks it, and that class names the file as a string literal
 * ({@code "GetItem.request.json"}). Loading a folder by pattern (the fuzz tests' seeds) does not count:
 * a fixture nobody names is asserted by nobody.
 */
class FixtureCoverageTest {

    static final Path RESOURCES = Path.of("src/test/resources");
    static final Path SOURCES = Path.of("src/test/java");
    static final Path README = RESOURCES.resolve("alexa/README.md");
    /** A README row: | `folder/File.json` | basis | `TestClass`, `OtherTest` | */
    static final Pattern ROW = Pattern.compile("^\\| `(\\w+)/([^`]+)` \\|[^|]*\\|(.*)\\|\\s*$");

    static final Pattern CLASS = Pattern.compile("`(\\w+)`");

    @Test
    void everyFixtureIsNamedByTheTestsTheReadmeSaysCheckIt() throws IOException {
        Map<String, Path> tests = testSources();
        Map<String, List<String>> rows = readmeRows();
        List<String> problems = new ArrayList<>();
        for (String folder : Fixtures.FOLDERS) {
            for (String file : Fixtures.files(RESOURCES, folder)) {
                List<String> checkers = rows.remove(folder + "/" + file);
                if (checkers == null || checkers.isEmpty()) {
                    problems.add(folder + "/" + file + ": no README row naming the test that checks it");
                    continue;
                }
                for (String checker : checkers) {
                    Path source = tests.get(checker);
                    if (source == null) {
                        problems.add(
                                folder + "/" + file + ": README names " + checker + ", which is not a test source");
                    } else if (!Files.readString(source).contains("\"" + file + "\"")) {
                        problems.add(
                                folder + "/" + file + ": " + checker + " does not load it (no \"" + file + "\" in it)");
                    }
                }
            }
        }
        rows.keySet().forEach(gone -> problems.add(gone + ": README row for a file that does not exist"));
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** Test classes by simple name (this class excluded: naming a file here checks nothing). */
    static Map<String, Path> testSources() throws IOException {
        Map<String, Path> byName = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> byName.put(f.getFileName().toString().replace(".java", ""), f));
        }
        byName.remove(FixtureCoverageTest.class.getSimpleName());
        return byName;
    }

    /** README rows: {@code folder/file} → the test classes named in its last column. */
    static Map<String, List<String>> readmeRows() throws IOException {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String line : Files.readAllLines(README)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                List<String> classes = new ArrayList<>();
                Matcher c = CLASS.matcher(row.group(3));
                while (c.find()) {
                    classes.add(c.group(1));
                }
                rows.put(row.group(1) + "/" + row.group(2), classes);
            }
        }
        return rows;
    }
}
