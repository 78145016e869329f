package io.musicassistant.alexa.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhereIsTest {

    @TempDir
    Path dir;

    private Path readme(String text) throws Exception {
        return Files.writeString(dir.resolve("README.md"), text);
    }

    @Test
    void readsTheRowsUnderTheHeadingOnly() throws Exception {
        Path readme = readme("""
                # Module
                ### Music directives
                | Directive | Class |
                |---|---|
                | `Alexa.Media.Playback Initiate` | `InitiateHandler` |
                | Alexa.Media.Playback GetNextItem | GetNextItemHandler |

                ### Other
                | `x` | `Y` |
                """);
        assertEquals(
                Map.of(
                        "Alexa.Media.Playback Initiate",
                        "InitiateHandler",
                        "Alexa.Media.Playback GetNextItem",
                        "GetNextItemHandler"),
                WhereIs.table(readme, "Music directives"));
    }

    @Test
    void aMissingHeadingOrADuplicateRowFails() throws Exception {
        Path readme = readme("""
                ### T
                | K | C |
                |---|---|
                | a | A |
                | a | B |
                """);
        assertThrows(AssertionError.class, () -> WhereIs.table(readme, "T"));
        assertThrows(AssertionError.class, () -> WhereIs.table(readme, "Missing"));
    }
}
