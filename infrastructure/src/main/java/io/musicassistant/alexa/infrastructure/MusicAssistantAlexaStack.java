package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.stack.StackOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * One deployment of the cloud side in one of Alexa's regions: the tables and buckets, the three
 * request-serving functions and the catalog builder from the one Lambda jar, the relay API with the
 * connector role, the catalog pipeline (Glue, Athena, schedule, SMAPI secret), the reporting secrets
 * and the alarms.
 * Every function gets exactly the table actions {@link Access} lists. The deploy script reads the
 * outputs: the skills' endpoints are the aliases, connectors are given the relay URL.
 */
public final class MusicAssistantAlexaStack extends Stack {

    static final String MUSIC_HANDLER = "io.musicassistant.alexa.MusicSkillHandler::handleRequest";
    static final String CONTROL_HANDLER = "io.musicassistant.alexa.ControlSkillHandler::handleRequest";
    static final String RELAY_HANDLER = "io.musicassistant.alexa.RelayApiHandler::handleRequest";
    /** The voice-catalog build (docs/catalogs.md); the class lives in lambda/, the stack only names it. */
    static final String CATALOG_HANDLER = "io.musicassistant.alexa.CatalogBuilderHandler::handleRequest";
    /** Offline homes in the Alexa app: tells Alexa which homes' players went unreachable or came back, every minute. */
    static final String HEALTH_HANDLER = "io.musicassistant.alexa.HealthSweepHandler::handleRequest";

    static final String HEALTH_SCHEDULE = "rate(1 minute)";
    /** Alexa's principals: custom and music skills, and smart-home skills. */
    static final String ALEXA_SKILLS = "alexa-appkit.amazon.com";

    static final String ALEXA_SMART_HOME = "alexa-connectedhome.amazon.com";

    // Alexa waits 8 s; the code's own budget (RELAY_TIMEOUT_MS, at most 6.5 s) ends first, so a timeout here is a hang.
    private static final Duration SKILL_TIMEOUT = Duration.seconds(10);
    // A build reads every snapshot through Athena and uploads up to six catalogs per locale: minutes, not seconds.
    static final Duration CATALOG_TIMEOUT = Duration.minutes(15);
    static final int CATALOG_MEMORY_MB = 2048;

    private final Storage storage;
    private final SkillFunction music;
    private final SkillFunction control;
    private final SkillFunction relay;
    private final SkillFunction catalogBuilder;
    private final SkillFunction sweeper;

    public MusicAssistantAlexaStack(Construct scope, String id, StackProps props, Settings settings) {
        super(scope, id, props);
        Tags.of(this).add("project", "music-assistant-alexa");
        storage = new Storage(this, "Storage", settings.tablePrefix());
        Code code = Code.fromAsset(settings.lambdaJar());
        ReportingSecrets secrets =
                settings.reportsState() ? new ReportingSecrets(this, "ReportingSecrets", settings) : null;

        Map<String, String> common = new HashMap<>(Map.of(
                "LWA_CLIENT_ID", settings.lwaClientId(),
                "TABLE_PREFIX", settings.tablePrefix(),
                "RELAY_MODE", "aws"));
        if (settings.fallbackArtUrl() != null) {
            common.put("FALLBACK_ART_URL", settings.fallbackArtUrl());
        }
        Map<String, String> reporting = new HashMap<>(common);
        if (secrets != null) {
            reporting.put("ALEXA_CLIENT_ID", settings.alexaClientId());
            reporting.put("ALEXA_CLIENT_SECRET_ARN", secrets.clientSecretArn());
            reporting.put("GRANT_KEY_SECRET_ARN", secrets.grantKeyArn());
            reporting.put("EVENT_GATEWAY_URL", settings.alexaRegion().eventGateway());
        }
        Map<String, String> controlEnv = new HashMap<>(reporting);
        if (settings.controlSkillId() != null) {
            controlEnv.put("CONTROL_SKILL_ID", settings.controlSkillId());
        }

        music = new SkillFunction(
                this,
                "MusicSkill",
                new SkillFunction.Spec(
                        "music-skill",
                        MUSIC_HANDLER,
                        1024,
                        SKILL_TIMEOUT,
                        "Music Skill API: search, playback and play queues of users' Music Assistant"),
                settings,
                code,
                common);
        control = new SkillFunction(
                this,
                "ControlSkill",
                new SkillFunction.Spec(
                        "control-skill",
                        CONTROL_HANDLER,
                        1024,
                        SKILL_TIMEOUT,
                        "Smart home and voice control of Music Assistant players"),
                settings,
                code,
                controlEnv);
        relay = new SkillFunction(
                this,
                "RelayApi",
                new SkillFunction.Spec(
                        "relay-api",
                        RELAY_HANDLER,
                        512,
                        Duration.seconds(10),
                        "Relay API for connectors: registration, credentials, heartbeats, pairing, player events"),
                settings,
                code,
                reporting);
        Catalog catalog = new Catalog(this, "Catalog", settings, storage);
        Map<String, String> builderEnv = new HashMap<>(common);
        builderEnv.putAll(catalog.environment(settings));
        catalogBuilder = new SkillFunction(
                this,
                "CatalogBuilder",
                new SkillFunction.Spec(
                        "catalog-builder",
                        CATALOG_HANDLER,
                        CATALOG_MEMORY_MB,
                        CATALOG_TIMEOUT,
                        "Voice catalogs: merges homes' library snapshots (Athena) and uploads"
                                + " them to Alexa (SMAPI), hourly",
                        false),
                settings,
                code,
                builderEnv);
        catalog.attach(catalogBuilder);
        sweeper = new SkillFunction(
                this,
                "HomeSweep",
                new SkillFunction.Spec(
                        "home-sweep",
                        Sweep.HANDLER,
                        512,
                        Duration.minutes(15),
                        "Removes registrations never paired for 30 days and homes silent for 90, with their queues, links and grants;"
                                + " daily",
                        false),
                settings,
                code,
                common);
        new Sweep(this, "Sweep", settings, storage, sweeper);
        SkillFunction health = new SkillFunction(
                this,
                "HealthSweep",
                new SkillFunction.Spec(
                        "health-sweep",
                        HEALTH_HANDLER,
                        512,
                        Duration.seconds(55),
                        "Reports homes that went offline (stopping, stale, silent) as UNREACHABLE to Alexa, and back,"
                                + " every minute",
                        false),
                settings,
                code,
                reporting);
        Rule.Builder.create(this, "HealthSchedule")
                .description("Notices homes whose heartbeat went stale without any traffic, and homes that came back")
                .schedule(Schedule.expression(HEALTH_SCHEDULE))
                // No retries: the next minute's sweep does the same work.
                .targets(List.of(LambdaFunction.Builder.create(health.function())
                        .retryAttempts(0)
                        .build()))
                .build();
        catalog.allowSnapshotUploads(relay);
        grantTables(music, Access.MUSIC_SKILL);
        grantTables(control, Access.CONTROL_SKILL);
        grantTables(relay, Access.RELAY_API);
        grantTables(sweeper, Access.HOME_SWEEP);
        grantTables(health, Access.HEALTH_SWEEP);
        health.allow(List.of(Access.SCAN), List.of(storage.table(Tables.HOMES).getTableArn()));

        RelayEndpoint endpoint = new RelayEndpoint(this, "Relay", settings, storage, relay);
        relay.function()
                .addEnvironment("CONNECTOR_ROLE_ARN", endpoint.connectorRole().getRoleArn());
        endpoint.allowSending(music);
        endpoint.allowSending(control);
        if (secrets != null) {
            secrets.grantRead(control);
            secrets.grantRead(relay);
            secrets.grantRead(health);
        }
        if (settings.musicSkillId() != null) {
            music.trustAlexa("AlexaMusicSkill", ALEXA_SKILLS, settings.musicSkillId());
        }
        if (settings.controlSkillId() != null) {
            control.trustAlexa("AlexaCustomSkill", ALEXA_SKILLS, settings.controlSkillId());
            control.trustAlexa("AlexaSmartHome", ALEXA_SMART_HOME, settings.controlSkillId());
        }

        Alarms alarms = new Alarms(this, "Alarms", settings);
        alarms.watch(music, "MusicSkill", 6000);
        alarms.watch(control, "ControlSkill", 6000);
        alarms.watch(relay, "RelayApi", 8000);
        alarms.watch(health, "HealthSweep", 45_000);
        // Slow: four fifths of the 15-minute timeout, before builds start being cut off.
        alarms.watch(
                catalogBuilder,
                "CatalogBuilder",
                CATALOG_TIMEOUT.toMilliseconds().longValue() * 4 / 5);
        alarms.watch(sweeper, "HomeSweep", Duration.minutes(12).toMilliseconds().longValue());
        alarms.watch(endpoint.api());
        alarms.watchRegistrations(relay);

        output(
                StackOutput.MUSIC_SKILL_ENDPOINT,
                music.alias().getFunctionArn(),
                "the music skill's endpoint (apis.music.endpoint.uri)");
        output(
                StackOutput.CONTROL_SKILL_ENDPOINT,
                control.alias().getFunctionArn(),
                "the control skill's endpoint (apis.smartHome and apis.custom)");
        output(StackOutput.RELAY_API_URL, endpoint.url(), "RELAY_API_URL for connectors");
        output(StackOutput.ALARM_TOPIC_ARN, alarms.topic().getTopicArn(), "subscribe here to hear about failures");
        output(StackOutput.ALEXA_REGION, settings.alexaRegion().name(), "the manifest region these endpoints serve");
        output(
                StackOutput.CATALOG_BUCKET,
                catalog.catalogBucketName(),
                "homes' library snapshots (snapshots/) and the catalog build's state");
        output(
                StackOutput.SMAPI_SECRET_ARN,
                catalog.smapiSecretArn(),
                "the catalog build's SMAPI credentials; scripts/deploy fills it");
    }

    private void grantTables(SkillFunction function, Map<Tables.Spec, List<String>> access) {
        for (Tables.Spec spec : Tables.ALL) {
            List<String> actions = access.get(spec);
            if (actions != null) {
                function.allow(
                        new ArrayList<>(actions), List.of(storage.table(spec).getTableArn()));
            }
        }
    }

    private void output(StackOutput output, String value, String description) {
        CfnOutput.Builder.create(this, output.id())
                .value(value)
                .description(description)
                .build();
    }

    public Storage storage() {
        return storage;
    }
}
