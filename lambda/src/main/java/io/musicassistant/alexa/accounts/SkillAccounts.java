package io.musicassistant.alexa.accounts;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.platform.Tables;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * What skill events need to act on: Alexa's SkillDisabled carries only the skill-scoped user id (a
 * new one for every enablement), never a token, so the id is tied to the Login-with-Amazon account
 * when the account is linked (SkillAccountLinked carries both). Two kinds of row in
 * {@code skill_users}: {@code skill#<h>} → the account, and {@code account#<account>} → the set of
 * its live enablements {@code <skill>:<h>}, where {@code h = sha256(skill:skill user id)}. Keeping
 * enablements rather than skills makes a late disable of an old enablement (events may arrive out
 * of order after a re-enable) harmless.
 *
 * <p>Disabling a skill forgets what that skill holds for the account (the control skill: its
 * event-gateway grant); once no skill of this deployment is left linked, the account also leaves
 * its home. A disable whose link was never seen (linked before this table existed) changes nothing.
 */
public final class SkillAccounts {

    private static final JsonLog LOG = JsonLog.get(SkillAccounts.class);
    public static final String CONTROL = "control";
    public static final String MUSIC = "music";

    private final DynamoDbClient dynamo;
    private final String table;
    private final HomeAccounts accounts;
    private final Clock clock;

    public SkillAccounts(DynamoDbClient dynamo, Tables tables, HomeAccounts accounts, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.SKILL_USERS);
        this.accounts = accounts;
        this.clock = clock;
    }

    private static String hash(String skill, String skillUserId) {
        return Hashes.sha256Hex(skill + ":" + skillUserId);
    }

    private static String enablement(String skill, String skillUserId) {
        return skill + ":" + hash(skill, skillUserId);
    }

    private static String skillKey(String skill, String skillUserId) {
        return "skill#" + hash(skill, skillUserId);
    }

    private static String accountKey(String userId) {
        return "account#" + userId;
    }

    /** SkillAccountLinked: this skill user is that account. */
    public void linked(String skill, String skillUserId, String userId) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        Tables.SKILL_USERS.key(),
                        Attrs.s(skillKey(skill, skillUserId)),
                        "user_id",
                        Attrs.s(userId),
                        "skill",
                        Attrs.s(skill),
                        "linked_at_ms",
                        Attrs.n(clock.millis()))));
        dynamo.updateItem(b -> b.tableName(table)
                .key(Attrs.key(Tables.SKILL_USERS.key(), accountKey(userId)))
                .updateExpression("ADD enablements :e")
                .expressionAttributeValues(
                        Map.of(":e", AttributeValue.fromSs(List.of(enablement(skill, skillUserId))))));
        LOG.info("accounts.skill_linked", "skill", skill);
    }

    /** SkillDisabled: what the skill held for the account goes; with the last of our skills, its home link too. */
    public void disabled(String skill, String skillUserId) {
        String key = skillKey(skill, skillUserId);
        Map<String, AttributeValue> row = dynamo.getItem(
                        b -> b.tableName(table).consistentRead(true).key(Attrs.key(Tables.SKILL_USERS.key(), key)))
                .item();
        if (row == null || row.isEmpty()) {
            LOG.info("accounts.skill_disabled_unknown", "skill", skill);
            return;
        }
        String userId = Attrs.str(row, "user_id");
        dynamo.deleteItem(b -> b.tableName(table).key(Attrs.key(Tables.SKILL_USERS.key(), key)));
        Map<String, AttributeValue> left = dynamo.updateItem(b -> b.tableName(table)
                        .key(Attrs.key(Tables.SKILL_USERS.key(), accountKey(userId)))
                        .updateExpression("DELETE enablements :e")
                        .expressionAttributeValues(
                                Map.of(":e", AttributeValue.fromSs(List.of(enablement(skill, skillUserId)))))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        AttributeValue live = left == null ? null : left.get("enablements");
        List<String> remaining = live == null || !live.hasSs() ? List.of() : live.ss();
        boolean lastSkill = remaining.isEmpty();
        if (CONTROL.equals(skill) && remaining.stream().noneMatch(e -> e.startsWith(CONTROL + ":"))) {
            accounts.forgetGrant(userId);
        }
        if (lastSkill) {
            dynamo.deleteItem(b -> b.tableName(table).key(Attrs.key(Tables.SKILL_USERS.key(), accountKey(userId))));
            accounts.unlinkHome(userId); // a grant went above, with the last control enablement
        }
        LOG.info("accounts.skill_disabled", "skill", skill, "left_home", lastSkill);
    }
}
