package io.musicassistant.alexa.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.accounts.SkillLifecycle;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.testing.CloudFixture;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
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
                declared.add(api.path("namespace").asText() + "."
                        + request.path("name").asText());
            }
        }
        Set<String> handled = new TreeSet<>();
        CloudFixture.create().wiring.musicSkill().registry().directives().forEach(d -> handled.add(d.toString()));
        assertEquals(handled, declared);
        Set<String> locales = new HashSet<>();
        manifest.path("manifest")
                .path("apis")
                .path("music")
                .path("locales")
                .fieldNames()
                .forEachRemaining(locales::add);
        assertEquals(Set.of("en-US", "en-GB", "de-DE"), locales);
    }

    /** Both skills: every store locale names its icons, and the files exist at the sizes Alexa requires. */
    @Test
    void everyLocaleHasIconsOfTheRequiredSizes() throws Exception {
        for (String skill : new String[] {"music", "control"}) {
            Path dir = Path.of("../skill-package", skill);
            JsonNode manifest = AlexaJson.mapper().readTree(Files.readString(dir.resolve("skill.json")));
            JsonNode locales =
                    manifest.path("manifest").path("publishingInformation").path("locales");
            Set<String> names = new TreeSet<>();
            locales.fieldNames().forEachRemaining(names::add);
            assertEquals(Set.of("de-DE", "en-GB", "en-US"), names, skill);
            for (String locale : names) {
                assertIcon(dir, locales.path(locale).path("smallIconUri").asText(), 108, skill + " " + locale);
                assertIcon(dir, locales.path(locale).path("largeIconUri").asText(), 512, skill + " " + locale);
            }
        }
    }

    /**
     * Both skills: the same three locales in the store listing, the API's locales, the privacy section
     * and (control) the voice models; every subscribed event is one the Lambdas acknowledge; endpoints
     * are the placeholders the deploy fills in; each skill's category is the one Alexa accepts for it.
     */
    @Test
    void localesEventsEndpointsAndCategoriesAreConsistent() throws Exception {
        Set<String> expected = Set.of("de-DE", "en-GB", "en-US");
        for (String skill : new String[] {"music", "control"}) {
            Path dir = Path.of("../skill-package", skill);
            JsonNode manifest = AlexaJson.mapper()
                    .readTree(Files.readString(dir.resolve("skill.json")))
                    .path("manifest");
            String placeholder = "${" + skill.toUpperCase(Locale.ROOT) + "_SKILL_LAMBDA_ARN}";
            assertEquals(
                    expected, names(manifest.path("privacyAndCompliance").path("locales")), skill + " privacy locales");
            for (String locale : expected) {
                JsonNode listing =
                        manifest.path("publishingInformation").path("locales").path(locale);
                assertTrue(
                        listing.path("examplePhrases").size() >= 1
                                && listing.path("examplePhrases").size() <= 3,
                        skill + " " + locale + ": one to three example phrases");
                assertTrue(!listing.path("summary").asText().isBlank()
                        && !listing.path("description").asText().isBlank());
            }
            Set<String> events = new TreeSet<>();
            manifest.path("events")
                    .path("subscriptions")
                    .forEach(e -> events.add(e.path("eventName").asText()));
            assertTrue(
                    events.containsAll(Set.of("SKILL_ENABLED", "SKILL_DISABLED", "SKILL_ACCOUNT_LINKED")),
                    skill + ": " + events);
            for (String event : events) {
                assertTrue(SkillLifecycle.EVENTS.contains(camel(event)), event + " is one the Lambdas know");
            }
            assertEquals(
                    placeholder,
                    manifest.path("events").path("endpoint").path("uri").asText(),
                    skill + " events endpoint");
            if (skill.equals("music")) {
                assertEquals(expected, names(manifest.path("apis").path("music").path("locales")));
                assertEquals(
                        placeholder,
                        manifest.path("apis")
                                .path("music")
                                .path("endpoint")
                                .path("uri")
                                .asText());
                assertEquals(
                        "STREAMING_SERVICE",
                        manifest.path("publishingInformation").path("category").asText());
            } else {
                assertEquals(
                        placeholder,
                        manifest.path("apis")
                                .path("smartHome")
                                .path("endpoint")
                                .path("uri")
                                .asText());
                assertEquals(
                        placeholder,
                        manifest.path("apis")
                                .path("custom")
                                .path("endpoint")
                                .path("uri")
                                .asText());
                assertEquals(
                        "SMART_HOME",
                        manifest.path("publishingInformation").path("category").asText());
                Set<String> models = new TreeSet<>();
                try (var files = Files.list(dir.resolve("interactionModels/custom"))) {
                    files.forEach(f -> models.add(f.getFileName().toString().replace(".json", "")));
                }
                assertEquals(expected, models, "a voice model per locale");
            }
            String linking = Files.readString(dir.resolve("account-linking.json"));
            JsonNode request = AlexaJson.mapper().readTree(linking).path("accountLinkingRequest");
            assertEquals("AUTH_CODE", request.path("type").asText());
            assertEquals("[\"profile:user_id\"]", request.path("scopes").toString());
            assertEquals("${LWA_CLIENT_SECRET}", request.path("clientSecret").asText(), "no secret is ever committed");
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** SKILL_ACCOUNT_LINKED → SkillAccountLinked, as the event's request type names it. */
    private static String camel(String event) {
        StringBuilder out = new StringBuilder();
        for (String part : event.split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
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
