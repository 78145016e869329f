package io.musicassistant.alexa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.control.smarthome.capabilities.Capabilities;
import io.musicassistant.alexa.control.smarthome.capabilities.Capability;
import io.musicassistant.alexa.testing.CloudFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The control skill's manifest, its interfaces and its handlers must tell the same story. */
class ControlSkillManifestTest {

    static final Path PACKAGE = Path.of("../skill-package/control");

    @Test
    void oneLambdaServesTheSmartHomeAndTheCustomModelWithEventPermission() throws Exception {
        JsonNode manifest = AlexaJson.mapper()
                .readTree(Files.readString(PACKAGE.resolve("skill.json")))
                .path("manifest");
        JsonNode apis = manifest.path("apis");
        assertEquals("3", apis.path("smartHome").path("protocolVersion").asText());
        assertEquals(
                apis.path("smartHome").path("endpoint").path("uri"),
                apis.path("custom").path("endpoint").path("uri"));
        assertEquals(Set.of("custom", "smartHome"), names(apis));
        assertTrue(
                manifest.path("permissions").toString().contains("alexa::async_event:write"),
                "ChangeReports need the permission to send events");
        // The locales, their voice models, store texts and privacy entries: voice/LocalesTest.
        JsonNode linking = AlexaJson.mapper().readTree(Files.readString(PACKAGE.resolve("account-linking.json")));
        assertEquals(
                "AUTH_CODE", linking.path("accountLinkingRequest").path("type").asText());
        assertEquals(
                "[\"profile:user_id\"]",
                linking.path("accountLinkingRequest").path("scopes").toString());
    }

    @Test
    void everyDeclaredOperationHasAHandlerAndEveryHandlerAnInterface() {
        Set<String> handled = CloudFixture.create().wiring.controlSkill().smartHome().directives().stream()
                .map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(Set.of(
                "Alexa.Discovery.Discover",
                "Alexa.Authorization.AcceptGrant",
                "Alexa.ReportState",
                "Alexa.PlaybackController.Play",
                "Alexa.PlaybackController.Pause",
                "Alexa.PlaybackController.Stop",
                "Alexa.PlaybackController.Next",
                "Alexa.PlaybackController.Previous",
                "Alexa.Speaker.SetVolume",
                "Alexa.Speaker.AdjustVolume",
                "Alexa.Speaker.SetMute",
                "Alexa.PowerController.TurnOn",
                "Alexa.PowerController.TurnOff"));
        assertEquals(expected, handled);
        Set<String> interfaces =
                Capabilities.ALL.stream().map(Capability::namespace).collect(Collectors.toSet());
        for (String directive : handled) {
            String namespace = directive.substring(0, directive.lastIndexOf('.'));
            assertTrue(
                    interfaces.contains(namespace)
                            || namespace.equals("Alexa.Discovery")
                            || namespace.equals("Alexa.Authorization"),
                    directive + " belongs to no declared interface");
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
