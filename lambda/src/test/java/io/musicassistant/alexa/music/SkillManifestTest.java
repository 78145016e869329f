package io.musicassistant.alexa.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.accounts.SkillLifecycle;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.testing.CloudFixture;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
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
            for (String locale : names) {
                assertIcon(dir, locales.path(locale).path("smallIconUri").asText(), 108, skill + " " + locale);
                assertIcon(dir, locales.path(locale).path("largeIconUri").asText(), 512, skill + " " + locale);
            }
        }
    }

    /**
     * Both skills: every subscribed event is one the Lambdas acknowledge; endpoints are the
     * placeholders the deploy fills in, with no regions (the deploy adds those per stack); each
     * skill's category is the one Alexa accepts for it. The locales: control/voice/LocalesTest.
     */
    @Test
    void eventsEndpointsAndCategoriesAreConsistent() throws Exception {
        for (String skill : new String[] {"music", "control"}) {
            Path dir = Path.of("../skill-package", skill);
            JsonNode manifest = AlexaJson.mapper()
                    .readTree(Files.readString(dir.resolve("skill.json")))
                    .path("manifest");
            String placeholder = "${" + skill.toUpperCase(Locale.ROOT) + "_SKILL_LAMBDA_ARN}";
            assertFalse(manifest.toString().contains("\"regions\""), skill + ": regions come from the deploy");
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
            }
            String linking = Files.readString(dir.resolve("account-linking.json"));
            JsonNode request = AlexaJson.mapper().readTree(linking).path("accountLinkingRequest");
            assertEquals("AUTH_CODE", request.path("type").asText());
            assertEquals("[\"profile:user_id\"]", request.path("scopes").toString());
            assertEquals("${LWA_CLIENT_SECRET}", request.path("clientSecret").asText(), "no secret is ever committed");
        }
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
