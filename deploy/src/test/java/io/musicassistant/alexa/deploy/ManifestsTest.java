package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering the real skill.json templates of skill-package/. */
class ManifestsTest {

    private static final String PRIVACY = "https://example.org/privacy";
    private static final String TERMS = "https://example.org/terms";

    @Test
    void aSkillCreatedBeforeItsLambdasHasNoEndpointAndNoEventSubscription() throws IOException {
        for (Skill skill : Skill.values()) {
            JsonNode rendered = Manifests.render(template(skill), skill, null, PRIVACY, TERMS);

            for (String pointer : skill.endpointHolders()) {
                assertTrue(rendered.path("manifest").at(pointer + "/endpoint").isMissingNode(), skill + " " + pointer);
            }
            assertTrue(rendered.at("/manifest/events").isMissingNode(), "events need an endpoint");
            assertEquals(
                    template(skill).at("/manifest/publishingInformation"),
                    rendered.at("/manifest/publishingInformation"),
                    "the rest is untouched");
        }
    }

    @Test
    void northAmericaIsTheDefaultEndpointAndEveryRegionGetsItsOwn() throws IOException {
        Map<String, StackOutputs> stacks = new LinkedHashMap<>();
        stacks.put("eu-west-1", outputs("eu-west-1"));
        stacks.put("us-east-1", outputs("us-east-1"));
        stacks.put("us-west-2", outputs("us-west-2"));

        JsonNode control = Manifests.render(
                template(Skill.CONTROL),
                Skill.CONTROL,
                Manifests.Endpoints.of(stacks, StackOutputs::controlSkillEndpoint),
                PRIVACY,
                TERMS);

        for (String api : List.of("/apis/custom", "/apis/smartHome", "/events")) {
            JsonNode holder = control.path("manifest").at(api);
            assertEquals(arn("us-east-1", "control"), holder.at("/endpoint/uri").asText(), api);
            assertEquals(
                    arn("eu-west-1", "control"),
                    holder.at("/regions/EU/endpoint/uri").asText(),
                    api);
            assertEquals(
                    arn("us-west-2", "control"),
                    holder.at("/regions/FE/endpoint/uri").asText(),
                    api);
            assertEquals(
                    arn("us-east-1", "control"),
                    holder.at("/regions/NA/endpoint/uri").asText(),
                    api + ": every deployed region has its own entry, NA too");
        }
        assertEquals("3", control.at("/manifest/apis/smartHome/protocolVersion").asText(), "other keys stay");
    }

    @Test
    void withoutNorthAmericaTheFirstRegionDeployedIsAlsoTheDefault() throws IOException {
        Map<String, StackOutputs> stacks = new LinkedHashMap<>();
        stacks.put("us-west-2", outputs("us-west-2"));
        stacks.put("eu-west-1", outputs("eu-west-1"));

        JsonNode music = Manifests.render(
                template(Skill.MUSIC),
                Skill.MUSIC,
                Manifests.Endpoints.of(stacks, StackOutputs::musicSkillEndpoint),
                PRIVACY,
                TERMS);

        assertEquals(
                arn("us-west-2", "music"),
                music.at("/manifest/apis/music/endpoint/uri").asText());
        assertEquals(
                arn("us-west-2", "music"),
                music.at("/manifest/apis/music/regions/FE/endpoint/uri").asText());
        assertEquals(
                arn("eu-west-1", "music"),
                music.at("/manifest/apis/music/regions/EU/endpoint/uri").asText());
        assertTrue(music.at("/manifest/apis/music/regions/NA").isMissingNode(), "no stack in NA, no NA entry");
        assertFalse(music.at("/manifest/apis/music/interfaces").isEmpty(), "the interfaces stay");
    }

    @Test
    void privacyAndTermsUrlsAreFilledOrTheirKeysRemoved() throws IOException {
        Map<String, StackOutputs> stacks = Map.of("us-east-1", outputs("us-east-1"));
        Manifests.Endpoints endpoints = Manifests.Endpoints.of(stacks, StackOutputs::musicSkillEndpoint);

        JsonNode both = Manifests.render(template(Skill.MUSIC), Skill.MUSIC, endpoints, PRIVACY, TERMS);
        JsonNode privacyOnly = Manifests.render(template(Skill.MUSIC), Skill.MUSIC, endpoints, PRIVACY, null);
        JsonNode none = Manifests.render(template(Skill.MUSIC), Skill.MUSIC, endpoints, null, null);

        assertEquals(
                TERMS,
                both.at("/manifest/privacyAndCompliance/locales/de-DE/termsOfUseUrl")
                        .asText());
        assertEquals(
                PRIVACY,
                privacyOnly
                        .at("/manifest/privacyAndCompliance/locales/en-GB/privacyPolicyUrl")
                        .asText());
        assertTrue(privacyOnly
                .at("/manifest/privacyAndCompliance/locales/en-GB/termsOfUseUrl")
                .isMissingNode());
        assertTrue(none.at("/manifest/privacyAndCompliance/locales").isMissingNode(), "empty locales are removed");
        assertEquals(
                false, none.at("/manifest/privacyAndCompliance/containsAds").asBoolean(true), "the flags stay");
    }

    @Test
    void everyPlaceholderIsReplacedAndTheResultIsValidJson() throws IOException {
        Map<String, StackOutputs> stacks = Map.of("eu-west-1", outputs("eu-west-1"));
        for (Skill skill : Skill.values()) {
            for (Manifests.Endpoints endpoints :
                    Arrays.asList(null, Manifests.Endpoints.of(stacks, StackOutputs::controlSkillEndpoint))) {
                String json = Manifests.JSON.writeValueAsString(
                        Manifests.render(template(skill), skill, endpoints, null, TERMS));

                assertFalse(json.contains("${"), skill + ": " + json);
                assertEquals(
                        json,
                        Manifests.JSON.writeValueAsString(Manifests.JSON.readTree(json)),
                        "parses back unchanged");
            }
        }
    }

    @Test
    void anUnknownPlaceholderFailsLoudly() throws IOException {
        JsonNode template = Manifests.JSON.readTree("""
                {"manifest": {"apis": {"music": {"endpoint": {"uri": "${MUSIC_SKILL_LAMBDA_ARN}"}}},
                 "publishingInformation": {"locales": {"en-US": {"name": "${SKILL_NAME}"}}}}}""");

        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> Manifests.render(template, Skill.MUSIC, null, null, null));

        assertTrue(e.getMessage().contains("${SKILL_NAME}"), e.getMessage());
    }

    static JsonNode template(Skill skill) throws IOException {
        return Manifests.JSON.readTree(
                Files.readString(skill.source(Fixture.repositoryRoot()).resolve("skill.json")));
    }

    static StackOutputs outputs(String region) {
        return new StackOutputs(
                "MusicAssistantAlexa",
                arn(region, "music"),
                arn(region, "control"),
                "https://relay." + region + ".example",
                "arn:aws:sns:" + region + ":1:alarms");
    }

    static String arn(String region, String skill) {
        return "arn:aws:lambda:" + region + ":123456789012:function:ma-alexa-" + skill + "-skill:live";
    }
}
