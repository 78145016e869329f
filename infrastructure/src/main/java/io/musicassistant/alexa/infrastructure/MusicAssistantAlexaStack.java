package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.platform.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * One deployment of the cloud side in one of Alexa's regions: the tables, the three functions from
 * the one Lambda jar, the relay API with the connector role, the reporting secrets and the alarms.
 * Every function gets exactly the table actions {@link Access} lists. The deploy script reads the
 * outputs: the skills' endpoints are the aliases, connectors are given the relay URL.
 */
public final class MusicAssistantAlexaStack extends Stack {

    static final String MUSIC_HANDLER = "io.musicassistant.alexa.music.MusicSkillHandler::handleRequest";
    static final String CONTROL_HANDLER = "io.musicassistant.alexa.control.ControlSkillHandler::handleRequest";
    static final String RELAY_HANDLER = "io.musicassistant.alexa.relay.RelayApiHandler::handleRequest";
    /** Alexa's principals: custom and music skills, and smart-home skills. */
    static final String ALEXA_SKILLS = "alexa-appkit.amazon.com";
    static final String ALEXA_SMART_HOME = "alexa-connectedhome.amazon.com";

    // Alexa waits 8 s; the code's own budget (RELAY_TIMEOUT_MS, at most 6.5 s) ends first, so a timeout here is a hang.
    private static final Duration SKILL_TIMEOUT = Duration.seconds(10);

    private final Storage storage;
    private final SkillFunction music;
    private final SkillFunction control;
    private final SkillFunction relay;

    public MusicAssistantAlexaStack(Construct scope, String id, StackProps props, Settings settings) {
        super(scope, id, props);
        Tags.of(this).add("project", "music-assistant-alexa");
        storage = new Storage(this, "Storage", settings.tablePrefix());
        Code code = Code.fromAsset(settings.lambdaJar());
        ReportingSecrets secrets = settings.reportsState() ? new ReportingSecrets(this, "ReportingSecrets", settings) : null;

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

        music = new SkillFunction(this, "MusicSkill", new SkillFunction.Spec("music-skill", MUSIC_HANDLER, 1024, SKILL_TIMEOUT,
                "Music Skill API: search, playback and play queues of users' Music Assistant"), settings, code, common);
        control = new SkillFunction(this, "ControlSkill", new SkillFunction.Spec("control-skill", CONTROL_HANDLER, 1024,
                SKILL_TIMEOUT, "Smart home and voice control of Music Assistant players"), settings, code, controlEnv);
        relay = new SkillFunction(this, "RelayApi", new SkillFunction.Spec("relay-api", RELAY_HANDLER, 512, Duration.seconds(10),
                "Relay API for connectors: registration, credentials, heartbeats, pairing, player events"), settings, code,
                reporting);
        grantTables(music, Access.MUSIC_SKILL);
        grantTables(control, Access.CONTROL_SKILL);
        grantTables(relay, Access.RELAY_API);

        RelayEndpoint endpoint = new RelayEndpoint(this, "Relay", settings, storage, relay);
        relay.function().addEnvironment("CONNECTOR_ROLE_ARN", endpoint.connectorRole().getRoleArn());
        endpoint.allowSending(music);
        endpoint.allowSending(control);
        if (secrets != null) {
            secrets.grantRead(control);
            secrets.grantRead(relay);
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
        alarms.watch(endpoint.api());

        output("MusicSkillEndpoint", music.alias().getFunctionArn(), "the music skill's endpoint (apis.music.endpoint.uri)");
        output("ControlSkillEndpoint", control.alias().getFunctionArn(),
                "the control skill's endpoint (apis.smartHome and apis.custom)");
        output("RelayApiUrl", endpoint.url(), "RELAY_API_URL for connectors");
        output("AlarmTopicArn", alarms.topic().getTopicArn(), "subscribe here to hear about failures");
        output("AlexaRegion", settings.alexaRegion().name(), "the manifest region these endpoints serve");
    }

    private void grantTables(SkillFunction function, Map<Tables.Spec, List<String>> access) {
        for (Tables.Spec spec : Tables.ALL) {
            List<String> actions = access.get(spec);
            if (actions != null) {
                function.allow(new ArrayList<>(actions), List.of(storage.table(spec).getTableArn()));
            }
        }
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public Storage storage() {
        return storage;
    }
}
