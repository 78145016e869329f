package io.musicassistant.alexa.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A newcomer follows the docs literally: every script they name must exist and know the options
 * they are told to pass, every file a link points at must exist, every example file must be there.
 */
class DocsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern SCRIPT = Pattern.compile("scripts/([a-z][a-z-]*)((?:[ \\t]+[^\\s`|)#]+)*)");
    static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--[a-z][a-z-]*)");
    static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)\\s]*)?\\)");

    static List<Path> documents() {
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT, 2)) {
            files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !ROOT.relativize(p).toString().startsWith("."))
                    .filter(p ->
                            !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    @Test
    void everyScriptTheDocsNameExistsWithTheOptionsTheyPass() throws IOException {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (Path doc : documents()) {
            for (String line : Files.readAllLines(doc)) {
                Matcher m = SCRIPT.matcher(line);
                while (m.find()) {
                    String name = m.group(1);
                    if (name.equals("lib")) {
                        continue; // scripts/lib.sh, the scripts' shared helpers
                    }
                    seen++;
                    Path script = ROOT.resolve("scripts").resolve(name);
                    if (!Files.isRegularFile(script)) {
                        problems.add(ROOT.relativize(doc) + ": scripts/" + name + " does not exist");
                        continue;
                    }
                    String known = knownOptions(name, script);
                    Matcher option = OPTION.matcher(m.group(2));
                    while (option.find()) {
                        if (!known.contains(option.group(1))) {
                            problems.add(
                                    ROOT.relativize(doc) + ": scripts/" + name + " has no option " + option.group(1));
                        }
                    }
                    for (String word : m.group(2).strip().split("\\s+")) {
                        if (word.startsWith("scripts/examples/") && !Files.isRegularFile(ROOT.resolve(word))) {
                            problems.add(ROOT.relativize(doc) + ": " + word + " does not exist");
                        }
                    }
                }
            }
        }
        assertTrue(seen > 30, "the docs name the scripts: " + seen);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyRelativeLinkPointsAtAFileThatExists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                if (!Files.exists(doc.getParent().resolve(target).normalize())) {
                    problems.add(ROOT.relativize(doc) + " → " + target);
                }
            }
        }
        assertTrue(problems.isEmpty(), "broken links:\n" + String.join("\n", problems));
    }

    /** The options a script accepts: named in the script itself, or (Java-backed scripts) in the tool's option parser. */
    private static String knownOptions(String name, Path script) throws IOException {
        StringBuilder known = new StringBuilder(Files.readString(script));
        Path tool = ROOT.resolve(
                name.equals("deploy") || name.equals("localstack-deploy")
                        ? "deploy/src/main/java"
                        : "local-stack/src/main/java");
        if (Files.isDirectory(tool)) {
            try (Stream<Path> files = Files.walk(tool)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    known.append(Files.readString(file));
                }
            }
        }
        return known.toString();
    }
}
