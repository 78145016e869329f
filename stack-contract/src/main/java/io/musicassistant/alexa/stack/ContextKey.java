package io.musicassistant.alexa.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CDK app's inputs: scripts/deploy passes them as {@code --context key=value} and the app's
 * {@code Settings} reads them (infrastructure/README.md lists what each means and its default).
 */
public enum ContextKey {
    STACK_NAME("stackName"),
    REGION("region"),
    TABLE_PREFIX("tablePrefix"),
    LWA_CLIENT_ID("lwaClientId"),
    MUSIC_SKILL_ID("musicSkillId"),
    CONTROL_SKILL_ID("controlSkillId"),
    ALEXA_CLIENT_ID("alexaClientId"),
    ALARM_EMAIL("alarmEmail"),
    FALLBACK_ART_URL("fallbackArtUrl"),
    LAMBDA_JAR("lambdaJar"),
    LOG_RETENTION_DAYS("logRetentionDays"),
    CATALOG_LOCALES("catalogLocales"),
    CATALOG_SCAN_LIMIT_GB("catalogScanLimitGb"),
    CATALOG_ENABLEMENT_CYCLE_HOURS("catalogEnablementCycleHours");

    private final String key;

    ContextKey(String key) {
        this.key = key;
    }

    /** The name on the command line and in cdk.json. */
    public String key() {
        return key;
    }

    public static Optional<ContextKey> ofKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** {@code --context key=value} for each entry, in the map's order. */
    public static List<String> arguments(Map<ContextKey, String> context) {
        List<String> args = new ArrayList<>();
        context.forEach((key, value) -> args.addAll(List.of("--context", key.key + "=" + value)));
        return args;
    }
}
