package io.musicassistant.alexa.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.testing.CloudFixture;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
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

    /** Both skills: every store locale names its icons, and the files exist at the sizes Alexa requires. */
    @Test
    void everyLocaleHasIconsOfTheRequiredSizes() throws Exception {
        for (String skill : new String[] {"music", "control"}) {
            Path dir = Path.of("../skill-package", skill);
            JsonNode manifest = AlexaJson.mapper().readTree(Files.readString(dir.resolve("skill.json")));
            JsonNode locales = manifest.path("manifest").path("publishingInformation").path("locales");
            Set<String> names = new TreeSet<>();
            locales.fieldNames().forEachRemaining(names::add);
            assertEquals(Set.of("de-DE", "en-GB", "en-US"), names, skill);
            for (String locale : names) {
                assertIcon(dir, locales.path(locale).path("smallIconUri").asText(), 108, skill + " " + locale);
                assertIcon(dir, locales.path(locale).path("largeIconUri").asText(), 512, skill + " " + locale);
            }
        }
    }

    private static void assertIcon(Path skillDir, String uri, int size, String where) throws Exception {
        assertTrue(uri.startsWith("file://"), where + ": icons ship in the skill package: " + uri);
        Path file = skillDir.resolve(uri.substring("file://".length()));
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, where + ": " + file + " is a PNG");
        assertEquals(size, image.getWidth(), where);
        assertEquals(size, image.getHeight(), where);
    }
}
