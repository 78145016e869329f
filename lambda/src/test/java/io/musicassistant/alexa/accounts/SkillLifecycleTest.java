package io.musicassistant.alexa.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.testing.CloudFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Skill events (the manifests' events.subscriptions) reach both skills' Lambdas and are acknowledged;
 * what a link and a disable change is in {@code accounts.SkillEventsTest}.
 */
class SkillLifecycleTest {

    static CloudFixture cloud;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create(Map.of("CONTROL_SKILL_ID", CONTROL_SKILL));
    }

    static final String CONTROL_SKILL = "amzn1.ask.skill.66666666-7777-8888-9999-000000000000";

    static ObjectNode event(String type, String accessToken) {
        return event(type, accessToken, CONTROL_SKILL);
    }

    static ObjectNode event(String type, String accessToken, String applicationId) {
        ObjectNode root = AlexaJson.mapper().createObjectNode().put("version", "1.0");
        ObjectNode system = root.putObject("context").putObject("System");
        system.putObject("user").put("userId", "amzn1.ask.account.SKILLSCOPEDUSER");
        system.putObject("application").put("applicationId", applicationId);
        ObjectNode request = root.putObject("request")
                .put("type", SkillLifecycle.PREFIX + type)
                .put("requestId", "r-1");
        if (accessToken != null) {
            request.putObject("body").put("accessToken", accessToken);
        }
        return root;
    }

    @Test
    void aLinkIsAcknowledgedAndItsTokenResolvedBeforeTheFirstRequest() {
        CloudFixture.User user = cloud.newUser();
        int before = cloud.services.lwa().profileCalls();
        JsonNode ack = cloud.music(event("SkillAccountLinked", user.token()).toString());
        assertEquals("1.0", ack.path("version").asText());
        assertTrue(ack.path("response").isObject());
        assertEquals(before + 1, cloud.services.lwa().profileCalls(), "the token was resolved at link time");
        cloud.music(event("SkillAccountLinked", user.token()).toString());
        assertEquals(before + 1, cloud.services.lwa().profileCalls(), "and is cached now");
    }

    @Test
    void theControlSkillIgnoresEventsOfAnotherSkill() throws Exception {
        CloudFixture.User user = cloud.newUser();
        int before = cloud.services.lwa().profileCalls();
        JsonNode ack = AlexaJson.mapper()
                .readTree(cloud.wiring
                        .controlSkill()
                        .handle(event(
                                        "SkillAccountLinked",
                                        user.token(),
                                        "amzn1.ask.skill.00000000-0000-0000-0000-000000000bad")
                                .toString()
                                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(ack.path("response").isObject(), "acknowledged all the same");
        assertEquals(before, cloud.services.lwa().profileCalls(), "but nothing is looked up for a foreign skill");
        cloud.wiring
                .controlSkill()
                .handle(event("SkillAccountLinked", user.token()).toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(before + 1, cloud.services.lwa().profileCalls(), "its own skill's link is resolved");
    }

    @Test
    void enableAndDisableReachBothSkillsAndAreLoggedWithoutTheUserId() throws Exception {
        List<String> lines = new ArrayList<>();
        Consumer<String> previous = JsonLog.setSink(lines::add);
        try {
            JsonNode music = cloud.music(event("SkillDisabled", null).toString());
            JsonNode control = AlexaJson.mapper()
                    .readTree(cloud.wiring
                            .controlSkill()
                            .handle(event("SkillEnabled", null).toString().getBytes(StandardCharsets.UTF_8)));
            assertTrue(music.path("response").isObject());
            assertTrue(control.path("response").isObject(), "not a smart-home error: " + control);
            JsonNode bogus =
                    cloud.music(event("SomethingNew", "Atza|not-a-token").toString());
            assertTrue(bogus.path("response").isObject(), "an unknown event is acknowledged too");
        } finally {
            JsonLog.setSink(previous);
        }
        assertTrue(lines.stream()
                .anyMatch(l ->
                        l.contains("\"skill.event\"") && l.contains("\"SkillDisabled\"") && l.contains("\"music\"")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"SkillEnabled\"") && l.contains("\"control\"")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"unknown\"")));
        assertFalse(lines.stream().anyMatch(l -> l.contains("SKILLSCOPEDUSER")), "the skill-scoped user id is hashed");
    }
}
