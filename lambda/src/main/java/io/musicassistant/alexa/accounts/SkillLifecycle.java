package io.musicassistant.alexa.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Alexa's skill events (manifest {@code events.subscriptions}): enabled, disabled, account linked.
 * They carry the skill-scoped user id, not the Login-with-Amazon one our rows are keyed by: a link
 * ties the two ({@link SkillAccounts}), and a disable then cleans up what the account gave the skill.
 * Every event is logged (user id hashed) so a deployment can count enables, disables and links, and
 * a fresh link's token is resolved at once so the user's first request finds it cached.
 * Alexa ignores the answer to an event; an empty custom-skill response acknowledges it.
 */
public final class SkillLifecycle {

    public static final String PREFIX = "AlexaSkillEvent.";
    /** The request types (after the prefix) of the events the manifests subscribe to. */
    public static final Set<String> EVENTS = Set.of(
            "SkillEnabled", "SkillDisabled", "SkillAccountLinked", "SkillPermissionAccepted", "SkillPermissionChanged");

    private static final byte[] ACK = "{\"version\":\"1.0\",\"response\":{}}".getBytes(StandardCharsets.UTF_8);
    private static final JsonLog LOG = JsonLog.get(SkillLifecycle.class);

    private final IdentityResolver identity;
    private final String skillId;
    private final SkillAccounts accounts;

    /**
     * @param skillId the skill these events must be for ({@code context.System.application}), or
     *     null where the deployment does not know it (the music skill): others are acknowledged and
     *     ignored, as the custom model's requests are
     */
    public SkillLifecycle(IdentityResolver identity, String skillId) {
        this(identity, skillId, null);
    }

    /** @param accounts acts on links and disables (docs/decisions.md, "Issue 12 — accounts"); null: events are only logged */
    public SkillLifecycle(IdentityResolver identity, String skillId, SkillAccounts accounts) {
        this.identity = identity;
        this.skillId = skillId;
        this.accounts = accounts;
    }

    /** Whether this request is a skill event rather than a directive or an utterance. */
    public static boolean isEvent(JsonNode root) {
        return root != null && root.path("request").path("type").asText("").startsWith(PREFIX);
    }

    public byte[] handle(JsonNode root, String skill) {
        JsonNode request = root.path("request");
        String name = request.path("type").asText().substring(PREFIX.length());
        String event = EVENTS.contains(name) ? name : "unknown";
        String user =
                root.path("context").path("System").path("user").path("userId").asText("");
        String application = root.path("context")
                .path("System")
                .path("application")
                .path("applicationId")
                .asText("");
        if (skillId != null && !skillId.equals(application)) {
            LOG.warn("skill.event.foreign_skill", "skill", skill, "event", event);
            return ACK.clone();
        }
        LOG.info(
                "skill.event",
                "skill",
                skill,
                "event",
                event,
                "skill_user",
                user.isEmpty() ? null : Hashes.sha256Hex(user).substring(0, 16));
        if (event.equals("SkillAccountLinked")) {
            String token = request.path("body").path("accessToken").asText("");
            if (!token.isEmpty()) {
                try {
                    String account = identity.userId(token);
                    if (accounts != null && !user.isEmpty()) {
                        accounts.linked(skill, user, account);
                    }
                } catch (RuntimeException e) {
                    // Warming only: the first real request resolves (and reports) it again.
                    LOG.info(
                            "skill.event.token_unresolved",
                            "skill",
                            skill,
                            "reason",
                            e.getClass().getSimpleName());
                }
            }
        }
        if (event.equals("SkillDisabled") && accounts != null && !user.isEmpty()) {
            try {
                accounts.disabled(skill, user);
            } catch (RuntimeException e) {
                // Alexa does not resend events: the daily sweep's retention rules are the fallback.
                LOG.warn(
                        "skill.event.cleanup_failed",
                        "skill",
                        skill,
                        "reason",
                        e.getClass().getSimpleName());
            }
        }
        return ACK.clone();
    }
}
