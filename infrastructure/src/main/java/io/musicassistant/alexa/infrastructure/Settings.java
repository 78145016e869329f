package io.musicassistant.alexa.infrastructure;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
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
 */
public record Settings(String stackName, String region, String tablePrefix, String lwaClientId, String musicSkillId,
                       String controlSkillId, String alexaClientId, String alarmEmail, String fallbackArtUrl,
                       String lambdaJar, int logRetentionDays) {

    /** One of Alexa's endpoint regions: its name in the manifest and the event gateway it reports to. */
    public record AlexaRegion(String name, String eventGateway) {
    }

    /** The AWS regions Alexa calls smart-home skills in (Amazon's rules), by AWS region. */
    public static final Map<String, AlexaRegion> ALEXA_REGIONS = Map.of(
            "us-east-1", new AlexaRegion("NA", "https://api.amazonalexa.com/v3/events"),
            "eu-west-1", new AlexaRegion("EU", "https://api.eu.amazonalexa.com/v3/events"),
            "us-west-2", new AlexaRegion("FE", "https://api.fe.amazonalexa.com/v3/events"));

    /** The retention periods offered (CloudWatch allows only fixed ones). */
    static final Map<Integer, RetentionDays> RETENTION = Map.of(7, RetentionDays.ONE_WEEK, 14, RetentionDays.TWO_WEEKS,
            30, RetentionDays.ONE_MONTH, 90, RetentionDays.THREE_MONTHS, 180, RetentionDays.SIX_MONTHS, 365, RetentionDays.ONE_YEAR);

    private static final Pattern SKILL_ID = Pattern.compile("amzn1\\.ask\\.skill\\.[0-9a-f-]{36}");
    private static final Pattern LWA_CLIENT = Pattern.compile("amzn1\\.application-oa2-client\\.[0-9a-zA-Z]{1,64}");
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,23}-");

    public Settings {
        require(stackName != null && stackName.matches("[A-Za-z][A-Za-z0-9-]{0,127}"), "stackName must be a CloudFormation stack name");
        require(region != null && ALEXA_REGIONS.containsKey(region),
                "region must be us-east-1 (NA), eu-west-1 (EU) or us-west-2 (FE): Alexa calls smart-home skills only there; got " + region);
        require(tablePrefix != null && PREFIX.matcher(tablePrefix).matches(),
                "tablePrefix must be lower-case letters, digits and dashes, ending in a dash (e.g. ma-alexa-)");
        // It also starts the stack's bucket names, and S3 reserves these beginnings.
        require(!tablePrefix.startsWith("xn--") && !tablePrefix.startsWith("sthree-") && !tablePrefix.startsWith("amzn-s3-demo-"),
                "tablePrefix must not start with xn--, sthree- or amzn-s3-demo- (S3 refuses such bucket names)");
        require(lwaClientId != null && LWA_CLIENT.matcher(lwaClientId).matches(),
                "lwaClientId must be the security profile's client id (amzn1.application-oa2-client.…)");
        require(alexaClientId == null || LWA_CLIENT.matcher(alexaClientId).matches(),
                "alexaClientId must be the skill-messaging client id (amzn1.application-oa2-client.…)");
        require(musicSkillId == null || SKILL_ID.matcher(musicSkillId).matches(), "musicSkillId must look like amzn1.ask.skill.<uuid>");
        require(controlSkillId == null || SKILL_ID.matcher(controlSkillId).matches(), "controlSkillId must look like amzn1.ask.skill.<uuid>");
        require(fallbackArtUrl == null || fallbackArtUrl.startsWith("https://"), "fallbackArtUrl must be https");
        require(alarmEmail == null || alarmEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "alarmEmail must be an e-mail address");
        require(lambdaJar != null && !lambdaJar.isBlank(), "lambdaJar must name the Lambda jar");
        require(RETENTION.containsKey(logRetentionDays), "logRetentionDays must be one of " + new TreeSet<>(RETENTION.keySet()));
    }

    /** From the app's context; the region falls back to the CLI's ({@code CDK_DEFAULT_REGION}). */
    public static Settings from(Node context, Map<String, String> env) {
        return new Settings(
                text(context, "stackName", "MusicAssistantAlexa"),
                text(context, "region", env.get("CDK_DEFAULT_REGION")),
                text(context, "tablePrefix", "ma-alexa-"),
                text(context, "lwaClientId", null),
                text(context, "musicSkillId", null),
                text(context, "controlSkillId", null),
                text(context, "alexaClientId", null),
                text(context, "alarmEmail", null),
                text(context, "fallbackArtUrl", null),
                text(context, "lambdaJar", "../lambda/target/ma-alexa-lambda.jar"),
                days(text(context, "logRetentionDays", "30")));
    }

    public AlexaRegion alexaRegion() {
        return ALEXA_REGIONS.get(region);
    }

    public RetentionDays logRetention() {
        return RETENTION.get(logRetentionDays);
    }

    public boolean reportsState() {
        return alexaClientId != null;
    }

    private static int days(String text) {
        if (!text.matches("\\d{1,4}")) {
            throw new IllegalArgumentException("logRetentionDays must be one of " + new TreeSet<>(RETENTION.keySet()) + "; got " + text);
        }
        return Integer.parseInt(text);
    }

    private static String text(Node context, String key, String fallback) {
        Object value = context.tryGetContext(key);
        String text = value == null ? null : String.valueOf(value).strip();
        return text == null || text.isEmpty() ? fallback : text;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
