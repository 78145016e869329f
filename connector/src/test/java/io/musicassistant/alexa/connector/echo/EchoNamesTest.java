package io.musicassistant.alexa.connector.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status page's names file as a user may leave it: a bad one never stops the connector starting. */
class EchoNamesTest {

    @Test
    void aBrokenOrForeignNamesFileMeansNoNamesAndStaysEditable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(EchoNames.FILE);
        for (String content : List.of(
                "[\"Kitchen Echo\"",
                "{}",
                "null",
                "[null]",
                "[[\"Kitchen Echo\"]]",
                "",
                "[\"\"]",
                "\"Kitchen Echo\"")) {
            Files.writeString(file, content);
            EchoNames names = EchoNames.open(dir, EchoSettings.none());
            assertEquals(List.of(), names.initial(), content);
            assertTrue(names.editable(), content);
        }
        Files.writeString(file, "[\"Kitchen Echo\",\"Hall Echo\"]");
        assertEquals(
                List.of("Kitchen Echo", "Hall Echo"),
                EchoNames.open(dir, EchoSettings.none()).initial());
        names(dir).save(List.of("Hall Echo"));
        assertEquals(
                List.of("Hall Echo"), EchoNames.open(dir, EchoSettings.none()).initial());
    }

    private static EchoNames names(Path dir) {
        return EchoNames.open(dir, EchoSettings.none());
    }
}
