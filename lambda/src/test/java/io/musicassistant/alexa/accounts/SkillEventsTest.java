package io.musicassistant.alexa.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.testing.CloudFixture;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Skill events as Alexa sends them to both skills' Lambdas: a link ties the skill-scoped id to the
 * account, a disable then removes what that skill holds (the control skill's grant) and, with the
 * last of our skills, the account's home link.
 */
class SkillEventsTest {

    static final String CONTROL_SKILL = "amzn1.ask.skill.66666666-7777-8888-9999-000000000000";
    static CloudFixture cloud;
    static HomeDirectory directory;

    @BeforeAll
    static void setUp() {
        cloud = CloudFixture.create(Map.of("CONTROL_SKILL_ID", CONTROL_SKILL));
        directory = new HomeDirectory(cloud.wiring.aws().dynamoDb(), cloud.wiring.tables());
    }

    /** A skill-scoped id, new for every enablement as Alexa makes them. */
    static String skillUser() {
        return "amzn1.ask.account."
                + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }

    static ObjectNode event(String type, String skillUser, String accessToken) {
        ObjectNode root = AlexaJson.mapper().createObjectNode().put("version", "1.0");
        ObjectNode system = root.putObject("context").putObject("System");
        system.putObject("user").put("userId", skillUser);
        system.putObject("application").put("applicationId", CONTROL_SKILL);
        ObjectNode request = root.putObject("request")
                .put("type", SkillLifecycle.PREFIX + type)
                .put("requestId", "r-1")
                .put("timestamp", "2026-12-06T08:00:00Z");
        ObjectNode body = request.putObject("body");
        if (accessToken != null) {
            body.put("accessToken", accessToken);
        } else if (type.equals("SkillDisabled")) {
            body.put("userInformationPersistenceStatus", "NOT_PERSISTED");
        }
        return root;
    }

    static JsonNode control(ObjectNode event) throws Exception {
        return AlexaJson.mapper()
                .readTree(cloud.wiring.controlSkill().handle(event.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode music(ObjectNode event) {
        return cloud.music(event.toString());
    }

    @Test
    void disablingTheControlSkillDropsItsGrantAndKeepsTheHomeForTheMusicSkill() throws Exception {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(user);
        String controlUser = skillUser();
        String musicUser = skillUser();
        assertTrue(control(event("SkillAccountLinked", controlUser, user.token()))
                .path("response")
                .isObject());
        assertTrue(music(event("SkillAccountLinked", musicUser, user.token()))
                .path("response")
                .isObject());
        cloud.putGrantRow(user);

        assertTrue(control(event("SkillDisabled", controlUser, null))
                .path("response")
                .isObject());
        assertFalse(cloud.hasGrant(user), "the control skill's grant went");
        assertEquals(
                Optional.of(home.instanceId()),
                directory.linkedInstance(user.userId()),
                "the music skill still plays from the home");

        assertTrue(
                music(event("SkillDisabled", musicUser, null)).path("response").isObject());
        assertEquals(
                Optional.empty(),
                directory.linkedInstance(user.userId()),
                "no skill of ours left: the home link went too");
        assertEquals(java.util.List.of(), directory.linkedUsers(home.instanceId()));
    }

    @Test
    void disablingTheOnlyLinkedSkillUnlinksTheHomeAndItsGrant() throws Exception {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.User stays = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(user);
        cloud.pair(home, stays);
        String controlUser = skillUser();
        control(event("SkillAccountLinked", controlUser, user.token()));
        cloud.putGrantRow(user);
        cloud.putGrantRow(stays);
        control(event("SkillDisabled", controlUser, null));
        assertEquals(Optional.empty(), directory.linkedInstance(user.userId()));
        assertFalse(cloud.hasGrant(user));
        assertEquals(
                Optional.of(home.instanceId()),
                directory.linkedInstance(stays.userId()),
                "other accounts of the home stay");
        assertTrue(cloud.hasGrant(stays));
    }

    @Test
    void aDisableOfAnUnknownOrOldEnablementChangesNothing() throws Exception {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(user);
        cloud.putGrantRow(user);
        String first = skillUser();
        control(event("SkillAccountLinked", first, user.token()));
        String second = skillUser();
        control(event("SkillAccountLinked", second, user.token())); // re-enabled: a new skill-scoped id

        control(event("SkillDisabled", skillUser(), null)); // never linked
        assertTrue(cloud.hasGrant(user));
        control(event("SkillDisabled", first, null)); // late: the skill is linked again under the new id
        assertTrue(cloud.hasGrant(user), "the grant belongs to the live enablement");
        assertEquals(Optional.of(home.instanceId()), directory.linkedInstance(user.userId()));
    }

    @Test
    void theMappingKeepsNoSkillScopedIdInTheClear() throws Exception {
        CloudFixture.User user = cloud.newUser();
        String controlUser = skillUser();
        control(event("SkillAccountLinked", controlUser, user.token()));
        var rows = cloud.wiring
                .aws()
                .dynamoDb()
                .scan(b -> b.tableName(cloud.wiring.tables().name(Tables.SKILL_USERS)))
                .items();
        assertFalse(rows.isEmpty());
        assertFalse(rows.toString().contains(controlUser), "skill-scoped ids are stored hashed");
    }

    @Test
    void aDisableForAnotherSkillIsIgnored() throws Exception {
        CloudFixture.User user = cloud.newUser();
        CloudFixture.Home home = cloud.pairedHome(user);
        String controlUser = skillUser();
        control(event("SkillAccountLinked", controlUser, user.token()));
        ObjectNode foreign = event("SkillDisabled", controlUser, null);
        foreign.with("context")
                .with("System")
                .with("application")
                .put("applicationId", "amzn1.ask.skill.00000000-0000-0000-0000-000000000bad");
        control(foreign);
        assertEquals(Optional.of(home.instanceId()), directory.linkedInstance(user.userId()));
    }
}
