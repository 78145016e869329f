package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.stack.AlexaLocales;
import io.musicassistant.alexa.stack.AlexaRegion;
import io.musicassistant.alexa.stack.ContextKey;
import io.musicassistant.alexa.stack.StackRules;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Node;

/**
 * What one deployment is told at synthesis, as CDK context ({@code cdk deploy -c key=value}; the
 * deploy script passes them). Only the region and the LWA client id are required: without skill ids
 * the functions have no Alexa trigger (nobody can call them) until the skills exist.
 *
 * @param stackName CloudFormation stack name
 * @param region one of the three regions Alexa's smart-home endpoints live in
 * @param tablePrefix prefix of table, function, secret and API names; several deployments share an account
 * @param lwaClientId the Login-with-Amazon security profile account linking uses
 * @param musicSkillId the music skill's id, or null before it exists
 * @param controlSkillId the control skill's id, or null before it exists
 * @param alexaClientId the control skill's Alexa Skill Messaging client id, or null: no state reports
 * @param alarmEmail where alarms are mailed, or null (the SNS topic is there either way)
 * @param fallbackArtUrl HTTPS art for content without its own, or null for the code's default
 * @param lambdaJar the shaded Lambda jar
 * @param logRetentionDays how long CloudWatch keeps the functions' logs
 * @param catalogLocales the locales the catalog build uploads voice catalogs for, comma-separated
 *     ({@code CATALOG_LOCALES}); null for the Alexa region's default ({@link #DEFAULT_CATALOG_LOCALES})
 * @param catalogEnablementCycleHours how often the catalog build re-binds a skill in development to its
 *     catalogs by cycling its development enablement (observed need on live skills, docs/catalogs.md):
 *     {@value #DEFAULT_ENABLEMENT_CYCLE_HOURS} for the private skills scripts/deploy creates, 0 for a
 *     published (live) skill ({@code CATALOG_ENABLEMENT_CYCLE_H})
 * @param catalogScanLimitGb the most one Athena query of the catalog build may scan, in GiB: the
 *     workgroup cancels a query that reads more (a runaway or a flood of snapshots costs at most this)
 */
public record Settings(
        String stackName,
        String region,
        String tablePrefix,
        String lwaClientId,
        String musicSkillId,
        String controlSkillId,
        String alexaClientId,
        String alarmEmail,
        String fallbackArtUrl,
        String lambdaJar,
        int logRetentionDays,
        String catalogLocales,
        int catalogScanLimitGb,
        int catalogEnablementCycleHours) {

    /** The retention periods offered (CloudWatch allows only fixed ones). */
    static final Map<Integer, RetentionDays> RETENTION = Map.of(
            7,
            RetentionDays.ONE_WEEK,
            14,
            RetentionDays.TWO_WEEKS,
            30,
            RetentionDays.ONE_MONTH,
            90,
            RetentionDays.THREE_MONTHS,
            180,
            RetentionDays.SIX_MONTHS,
            365,
            RetentionDays.ONE_YEAR);

    public static final int DEFAULT_ENABLEMENT_CYCLE_HOURS = 4;

    /**
     * The locales voice catalogs are built for, by Alexa region: the skills' locales Alexa sends to
     * that region (stack-contract's {@link AlexaLocales}), since a region's stack serves only those.
     */
    public static final Map<AlexaRegion, String> DEFAULT_CATALOG_LOCALES = Arrays.stream(AlexaRegion.values())
            .collect(Collectors.toUnmodifiableMap(r -> r, r -> String.join(",", AlexaLocales.servedBy(r))));

    public static final int DEFAULT_CATALOG_SCAN_LIMIT_GB = 10;
    /** Athena refuses a cutoff under 10 MB; above a TiB a limit no longer protects anything. */
    public static final int MAX_CATALOG_SCAN_LIMIT_GB = 1024;

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}-[A-Z]{2}");

    public Settings {
        require(
                stackName != null && stackName.matches("[A-Za-z][A-Za-z0-9-]{0,127}"),
                "stackName must be a CloudFormation stack name");
        require(
                region != null && AlexaRegion.ofAwsRegion(region).isPresent(),
                "region must be one of " + AlexaRegion.choices() + ": Alexa calls smart-home skills only there; got "
                        + region);
        require(
                tablePrefix != null
                        && StackRules.TABLE_PREFIX.matcher(tablePrefix).matches(),
                "tablePrefix must be lower-case letters, digits and dashes, ending in a dash (e.g. ma-alexa-)");
        // It also starts the stack's bucket names, and S3 reserves these beginnings.
        require(
                !tablePrefix.startsWith("xn--")
                        && !tablePrefix.startsWith("sthree-")
                        && !tablePrefix.startsWith("amzn-s3-demo-"),
                "tablePrefix must not start with xn--, sthree- or amzn-s3-demo- (S3 refuses such bucket names)");
        require(
                lwaClientId != null
                        && StackRules.LWA_CLIENT_ID.matcher(lwaClientId).matches(),
                "lwaClientId must be the security profile's client id (amzn1.application-oa2-client.…)");
        require(
                alexaClientId == null
                        || StackRules.LWA_CLIENT_ID.matcher(alexaClientId).matches(),
                "alexaClientId must be the skill-messaging client id (amzn1.application-oa2-client.…)");
        require(
                musicSkillId == null
                        || StackRules.SKILL_ID.matcher(musicSkillId).matches(),
                "musicSkillId must look like amzn1.ask.skill.<uuid>");
        require(
                controlSkillId == null
                        || StackRules.SKILL_ID.matcher(controlSkillId).matches(),
                "controlSkillId must look like amzn1.ask.skill.<uuid>");
        require(fallbackArtUrl == null || fallbackArtUrl.startsWith("https://"), "fallbackArtUrl must be https");
        require(
                alarmEmail == null || StackRules.EMAIL.matcher(alarmEmail).matches(),
                "alarmEmail must be an e-mail address");
        require(lambdaJar != null && !lambdaJar.isBlank(), "lambdaJar must name the Lambda jar");
        require(
                RETENTION.containsKey(logRetentionDays),
                "logRetentionDays must be one of " + new TreeSet<>(RETENTION.keySet()));
        if (catalogLocales == null) {
            catalogLocales =
                    DEFAULT_CATALOG_LOCALES.get(AlexaRegion.ofAwsRegion(region).orElseThrow());
        }
        List<String> locales = List.of(catalogLocales.split(",", -1));
        require(
                locales.stream().allMatch(l -> LOCALE.matcher(l).matches())
                        && new HashSet<>(locales).size() == locales.size(),
                "catalogLocales must be distinct locales like en-US, comma-separated without spaces; got "
                        + catalogLocales);
        require(
                catalogScanLimitGb >= 1 && catalogScanLimitGb <= MAX_CATALOG_SCAN_LIMIT_GB,
                "catalogScanLimitGb must be 1 to " + MAX_CATALOG_SCAN_LIMIT_GB
                        + " (GiB one Athena query may scan); got " + catalogScanLimitGb);
        require(
                catalogEnablementCycleHours >= 0 && catalogEnablementCycleHours <= 168,
                "catalogEnablementCycleHours must be 0 (a published skill) to 168; got " + catalogEnablementCycleHours);
    }

    /** Without the catalog settings: the region's locales and the default scan limit. */
    public Settings(
            String stackName,
            String region,
            String tablePrefix,
            String lwaClientId,
            String musicSkillId,
            String controlSkillId,
            String alexaClientId,
            String alarmEmail,
            String fallbackArtUrl,
            String lambdaJar,
            int logRetentionDays) {
        this(
                stackName,
                region,
                tablePrefix,
                lwaClientId,
                musicSkillId,
                controlSkillId,
                alexaClientId,
                alarmEmail,
                fallbackArtUrl,
                lambdaJar,
                logRetentionDays,
                null,
                DEFAULT_CATALOG_SCAN_LIMIT_GB,
                DEFAULT_ENABLEMENT_CYCLE_HOURS);
    }

    /** From the app's context; the region falls back to the CLI's ({@code CDK_DEFAULT_REGION}). */
    public static Settings from(Node context, Map<String, String> env) {
        return from(key -> context.tryGetContext(key.key()), env);
    }

    /** @param context the value of each key, or null where none was given */
    public static Settings from(Function<ContextKey, Object> context, Map<String, String> env) {
        return new Settings(
                text(context, ContextKey.STACK_NAME, StackRules.DEFAULT_STACK_NAME),
                text(context, ContextKey.REGION, env.get("CDK_DEFAULT_REGION")),
                text(context, ContextKey.TABLE_PREFIX, StackRules.DEFAULT_TABLE_PREFIX),
                text(context, ContextKey.LWA_CLIENT_ID, null),
                text(context, ContextKey.MUSIC_SKILL_ID, null),
                text(context, ContextKey.CONTROL_SKILL_ID, null),
                text(context, ContextKey.ALEXA_CLIENT_ID, null),
                text(context, ContextKey.ALARM_EMAIL, null),
                text(context, ContextKey.FALLBACK_ART_URL, null),
                // the app runs in infrastructure/
                text(context, ContextKey.LAMBDA_JAR, "../" + StackRules.LAMBDA_JAR),
                days(text(context, ContextKey.LOG_RETENTION_DAYS, "30")),
                text(context, ContextKey.CATALOG_LOCALES, null),
                number(
                        ContextKey.CATALOG_SCAN_LIMIT_GB,
                        text(context, ContextKey.CATALOG_SCAN_LIMIT_GB, String.valueOf(DEFAULT_CATALOG_SCAN_LIMIT_GB))),
                number(
                        ContextKey.CATALOG_ENABLEMENT_CYCLE_HOURS,
                        text(
                                context,
                                ContextKey.CATALOG_ENABLEMENT_CYCLE_HOURS,
                                String.valueOf(DEFAULT_ENABLEMENT_CYCLE_HOURS))));
    }

    /** The catalog build's scan limit in bytes, as Athena's BytesScannedCutoffPerQuery takes it. */
    public long catalogScanLimitBytes() {
        return catalogScanLimitGb * 1024L * 1024L * 1024L;
    }

    public AlexaRegion alexaRegion() {
        return AlexaRegion.ofAwsRegion(region).orElseThrow();
    }

    public RetentionDays logRetention() {
        return RETENTION.get(logRetentionDays);
    }

    public boolean reportsState() {
        return alexaClientId != null;
    }

    private static int days(String text) {
        if (!text.matches("\\d{1,4}")) {
            throw new IllegalArgumentException(
                    "logRetentionDays must be one of " + new TreeSet<>(RETENTION.keySet()) + "; got " + text);
        }
        return Integer.parseInt(text);
    }

    private static int number(ContextKey key, String text) {
        if (!text.matches("\\d{1,5}")) {
            throw new IllegalArgumentException(key.key() + " must be a whole number; got " + text);
        }
        return Integer.parseInt(text);
    }

    private static String text(Function<ContextKey, Object> context, ContextKey key, String fallback) {
        Object value = context.apply(key);
        String text = value == null ? null : String.valueOf(value).strip();
        return text == null || text.isEmpty() ? fallback : text;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
