package io.musicassistant.alexa.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.stack.ContextKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** infrastructure/README.md's context table lists exactly the keys the app reads ({@link ContextKey}). */
class ContextKeysDocumentedTest {

    private static final Pattern KEY = Pattern.compile("`([A-Za-z]+)`");

    @Test
    void theReadmesContextTableListsEveryKeyAndNoOther() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int heading = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("## Context"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ## Context section in infrastructure/README.md")));
        Set<String> documented = new TreeSet<>();
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| `")) {
                Matcher keys = KEY.matcher(line.split("\\|")[1]);
                while (keys.find()) {
                    documented.add(keys.group(1));
                }
            }
        }
        Set<String> read =
                Arrays.stream(ContextKey.values()).map(ContextKey::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(read, documented);
    }
}
