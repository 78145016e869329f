package io.musicassistant.alexa.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.testing.CloudFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What the manifest declares and what the Lambda answers must be the same list. */
class SkillManifestTest {

    @Test
    void everyHandledDirectiveIsDeclaredAndNothingElse() throws Exception {
        JsonNode manifest = AlexaJson.mapper().readTree(Files.readString(Path.of("../skill-package/music/skill.json")));
        Set<String> declared = new TreeSet<>();
        for (JsonNode api : manifest.path("manifest").path("apis").path("music").path("interfaces")) {
            for (JsonNode request : api.path("requests")) {
                declared.add(api.path("namespace").asText() + "." + request.path("name").asText());
            }
        }
        Set<String> handled = new TreeSet<>();
        CloudFixture.create().wiring.musicSkill().registry().directives().forEach(d -> handled.add(d.toString()));
        assertEquals(handled, declared);
        Set<String> locales = new HashSet<>();
        manifest.path("manifest").path("apis").path("music").path("locales").fieldNames().forEachRemaining(locales::add);
        assertEquals(Set.of("en-US", "en-GB", "de-DE"), locales);
    }
}
