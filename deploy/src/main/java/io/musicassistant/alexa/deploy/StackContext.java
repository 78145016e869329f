package io.musicassistant.alexa.deploy;

import io.musicassistant.alexa.stack.ContextKey;
import io.musicassistant.alexa.stack.StackRules;
import java.util.LinkedHashMap;
import java.util.Map;

/** The context a deploy gives the CDK app: what infrastructure/'s {@code Settings} reads, by the same keys. */
final class StackContext {

    private StackContext() {}

    /**
     * @param standIns whether placeholders ({@code <…>}, a dry run's) are replaced by values that pass
     *     the stack's checks, so that {@code cdk synth} can run on them
     */
    static Map<ContextKey, String> of(
            DeployConfig config,
            Step.DeployStack deploy,
            String musicSkillId,
            String controlSkillId,
            String alexaClientId,
            boolean standIns) {
        Map<ContextKey, String> context = new LinkedHashMap<>();
        context.put(ContextKey.STACK_NAME, deploy.stackName());
        context.put(ContextKey.REGION, deploy.region().awsRegion());
        context.put(ContextKey.TABLE_PREFIX, config.tablePrefix());
        context.put(
                ContextKey.MUSIC_SKILL_ID,
                standIn(musicSkillId, "amzn1.ask.skill.00000000-0000-4000-8000-000000000001", standIns));
        context.put(
                ContextKey.CONTROL_SKILL_ID,
                standIn(controlSkillId, "amzn1.ask.skill.00000000-0000-4000-8000-000000000002", standIns));
        context.put(
                ContextKey.LWA_CLIENT_ID,
                standIn(config.lwaClientId(), StackRules.LWA_CLIENT_PREFIX + "dryrun", standIns));
        context.put(
                ContextKey.ALEXA_CLIENT_ID,
                standIn(alexaClientId, StackRules.LWA_CLIENT_PREFIX + "dryrunmessaging", standIns));
        if (config.alarmEmail() != null) {
            context.put(ContextKey.ALARM_EMAIL, config.alarmEmail());
        }
        if (config.fallbackArtUrl() != null) {
            context.put(ContextKey.FALLBACK_ART_URL, config.fallbackArtUrl());
        }
        return context;
    }

    private static String standIn(String value, String standIn, boolean use) {
        return use && value.startsWith("<") ? standIn : value;
    }
}
