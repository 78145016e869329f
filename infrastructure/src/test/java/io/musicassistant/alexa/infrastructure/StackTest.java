package io.musicassistant.alexa.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.platform.Config;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.stack.StackRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/** The synthesised stack: functions, triggers, the relay, the connector role, secrets, alarms and least privilege (the catalog pipeline in detail: {@link CatalogTest}). */
class StackTest {

    static JsonNode full;
    static JsonNode bare;

    @BeforeAll
    static void synth() {
        ObjectMapper json = new ObjectMapper();
        full = json.valueToTree(Synth.template(Synth.full()).toJSON());
        bare = json.valueToTree(Synth.template(Synth.settings("us-east-1", null, null, null, null))
                .toJSON());
    }

    @Test
    void threeFunctionsOnJava21Arm64WithSnapStartBehindALiveAliasAndTheScheduledOnesWithout() throws Exception {
        Map<String, JsonNode> functions = resources(full, "AWS::Lambda::Function");
        assertEquals(6, functions.size(), "three skills behind aliases, the catalog builder and two sweeps");
        Set<String> handlers = new TreeSet<>();
        for (JsonNode f : functions.values()) {
            JsonNode p = f.path("Properties");
            String handler = p.path("Handler").asText();
            handlers.add(handler);
            assertEquals("java21", p.path("Runtime").asText());
            assertEquals("[\"arm64\"]", p.path("Architectures").toString());
            assertTrue(p.path("LoggingConfig").path("LogGroup").has("Ref"), "logs go to the stack's own log group");
            if (handler.equals(Sweep.HANDLER)) {
                assertTrue(p.path("SnapStart").isMissingNode(), "a daily batch job waits for nobody's cold start");
                assertEquals(900, p.path("Timeout").asInt());
                assertHandlerExists(handler);
                continue;
            }
            if (handler.equals(MusicAssistantAlexaStack.HEALTH_HANDLER)) {
                assertTrue(
                        p.path("SnapStart").isMissingNode(), "the schedule calls it: nobody waits for its cold start");
                assertTrue(p.path("Timeout").asInt() < 60, "a sweep ends before the next one starts");
                assertHandlerExists(handler);
                continue;
            }
            if (handler.equals(MusicAssistantAlexaStack.CATALOG_HANDLER)) {
                assertTrue(p.path("SnapStart").isMissingNode(), "a scheduled batch job waits for nobody's cold start");
                assertEquals(900, p.path("Timeout").asInt());
                assertEquals(2048, p.path("MemorySize").asInt());
                assertHandlerExists(handler);
                continue;
            }
            assertEquals(
                    "PublishedVersions", p.path("SnapStart").path("ApplyOn").asText());
            assertEquals(10, p.path("Timeout").asInt(), "longer than the code's relay budget, shorter than nothing");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertTrue(RequestStreamHandler.class.isAssignableFrom(type), handler + " is a Lambda entry point");
        }
        assertEquals(
                new TreeSet<>(List.of(
                        MusicAssistantAlexaStack.MUSIC_HANDLER,
                        MusicAssistantAlexaStack.CONTROL_HANDLER,
                        MusicAssistantAlexaStack.RELAY_HANDLER,
                        MusicAssistantAlexaStack.CATALOG_HANDLER,
                        Sweep.HANDLER,
                        MusicAssistantAlexaStack.HEALTH_HANDLER)),
                handlers);
        Map<String, JsonNode> aliases = resources(full, "AWS::Lambda::Alias");
        assertEquals(3, aliases.size(), "the catalog builder and both sweeps have no alias: their schedules call them");
        for (JsonNode alias : aliases.values()) {
            assertEquals("live", alias.path("Properties").path("Name").asText());
            String version = alias.path("Properties")
                    .path("FunctionVersion")
                    .path("Fn::GetAtt")
                    .get(0)
                    .asText();
            assertEquals(
                    "AWS::Lambda::Version",
                    full.path("Resources").path(version).path("Type").asText());
            assertFalse(version.startsWith("CatalogBuilder")
                    || version.startsWith("HomeSweep")
                    || version.startsWith("HealthSweep"));
        }
        for (JsonNode group : resources(full, "AWS::Logs::LogGroup").values()) {
            assertEquals(30, group.path("Properties").path("RetentionInDays").asInt());
            assertTrue(group.path("Properties").path("LogGroupName").asText().startsWith("/aws/lambda/test-"));
        }
        assertEquals(6, resources(full, "AWS::Logs::LogGroup").size());
    }

    /**
     * The catalog builder's class is written in lambda/ alongside this stack: once it is there it must
     * be a Lambda entry point; until then its name must be the one docs/catalogs.md fixes.
     */
    private static void assertHandlerExists(String handler) throws Exception {
        String className = handler.substring(0, handler.indexOf("::"));
        try {
            Class<?> type = Class.forName(className);
            assertTrue(
                    RequestStreamHandler.class.isAssignableFrom(type)
                            || com.amazonaws.services.lambda.runtime.RequestHandler.class.isAssignableFrom(type),
                    handler + " is a Lambda entry point");
        } catch (ClassNotFoundException notYet) {
            String contract = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "catalogs.md"));
            assertTrue(contract.contains("Handler: `" + handler + "`"), "the handler docs/catalogs.md names");
        }
    }

    @Test
    void theFunctionsEnvironmentIsOneTheCodeAccepts() {
        for (JsonNode f : resources(full, "AWS::Lambda::Function").values()) {
            Map<String, String> env = new HashMap<>();
            f.path("Properties")
                    .path("Environment")
                    .path("Variables")
                    .fields()
                    .forEachRemaining(e -> env.put(
                            e.getKey(),
                            e.getValue().isTextual() ? e.getValue().asText() : "arn:aws:resolved-at-deploy"));
            assertFalse(
                    env.containsKey("ALEXA_CLIENT_SECRET") || env.containsKey("GRANT_KEY"),
                    "secrets are never in the environment");
            Config config = Config.from(env);
            assertEquals("test-", config.tablePrefix());
            assertFalse(config.localRelay());
            assertEquals(Synth.LWA_CLIENT, config.lwaClientId());
            String handler = f.path("Properties").path("Handler").asText();
            if (handler.equals(MusicAssistantAlexaStack.CONTROL_HANDLER)
                    || handler.equals(MusicAssistantAlexaStack.RELAY_HANDLER)) {
                assertNotNull(config.reporting(arn -> "secret-of-" + arn), handler + " reports state");
                assertEquals(
                        "https://api.eu.amazonalexa.com/v3/events",
                        env.get("EVENT_GATEWAY_URL"),
                        "the EU stack reports to EU");
            }
            if (handler.equals(MusicAssistantAlexaStack.CONTROL_HANDLER)) {
                assertEquals(Synth.CONTROL_SKILL, config.controlSkillId());
            }
            if (handler.equals(MusicAssistantAlexaStack.RELAY_HANDLER)) {
                assertEquals(
                        "RelayConnectorRole",
                        withoutHash(logicalIdOf(f.path("Properties")
                                .path("Environment")
                                .path("Variables")
                                .path("CONNECTOR_ROLE_ARN"))));
                assertEquals(
                        "RelayDeploymentKey",
                        withoutHash(logicalIdOf(f.path("Properties")
                                .path("Environment")
                                .path("Variables")
                                .path("DEPLOYMENT_KEY_SECRET_ARN"))));
                assertNotNull(
                        config.deploymentKey(arn -> "secret-of-" + arn), "the relay API hashes addresses with its key");
            }
        }
    }

    @Test
    void alexaMayCallTheAliasesOnlyForTheirOwnSkills() {
        Map<String, String> expected = new TreeMap<>(Map.of(
                "alexa-appkit.amazon.com " + Synth.MUSIC_SKILL, "MusicSkillLive",
                "alexa-appkit.amazon.com " + Synth.CONTROL_SKILL, "ControlSkillLive",
                "alexa-connectedhome.amazon.com " + Synth.CONTROL_SKILL, "ControlSkillLive"));
        Map<String, String> actual = new TreeMap<>();
        for (JsonNode permission : resources(full, "AWS::Lambda::Permission").values()) {
            JsonNode p = permission.path("Properties");
            if (p.path("Principal").asText().startsWith("alexa-")) {
                assertEquals("lambda:InvokeFunction", p.path("Action").asText());
                actual.put(
                        p.path("Principal").asText() + " "
                                + p.path("EventSourceToken").asText(),
                        withoutHash(p.path("FunctionName").path("Ref").asText()));
            }
        }
        assertEquals(expected, actual);
        for (JsonNode permission : resources(bare, "AWS::Lambda::Permission").values()) {
            assertFalse(
                    permission.path("Properties").path("Principal").asText().startsWith("alexa-"),
                    "without skill ids nobody at Alexa may call");
        }
    }

    @Test
    void theRelayApiIsAThrottledHttpApiInFrontOfTheRelayAlias() {
        JsonNode api =
                resources(full, "AWS::ApiGatewayV2::Api").values().iterator().next();
        assertEquals("HTTP", api.path("Properties").path("ProtocolType").asText());
        JsonNode route =
                resources(full, "AWS::ApiGatewayV2::Route").values().iterator().next();
        assertEquals(
                "ANY /v1/{proxy+}", route.path("Properties").path("RouteKey").asText());
        JsonNode stage = resources(full, "AWS::ApiGatewayV2::Stage")
                .values()
                .iterator()
                .next()
                .path("Properties");
        assertEquals("$default", stage.path("StageName").asText());
        assertEquals(
                RelayEndpoint.RATE_LIMIT,
                stage.path("DefaultRouteSettings").path("ThrottlingRateLimit").asInt());
        assertEquals(
                RelayEndpoint.BURST_LIMIT,
                stage.path("DefaultRouteSettings").path("ThrottlingBurstLimit").asInt());
        JsonNode integration = resources(full, "AWS::ApiGatewayV2::Integration")
                .values()
                .iterator()
                .next()
                .path("Properties");
        assertEquals("2.0", integration.path("PayloadFormatVersion").asText(), "the event RelayApiHandler reads");
        assertEquals("RelayApiLive", withoutHash(logicalIdOf(integration.path("IntegrationUri"))));
        JsonNode invoke = resourceStartingWith(
                        full, "RelayApiANYv1proxyConnectorsPermission", "AWS::Lambda::Permission")
                .path("Properties");
        assertEquals("apigateway.amazonaws.com", invoke.path("Principal").asText());
        assertTrue(flatten(invoke.path("SourceArn")).endsWith("/*/*/v1/{proxy+}"), "only this API's route may call");
    }

    @Test
    void eachFunctionHasExactlyTheTableActionsItsCodeUses() {
        assertEquals(tableGrants(Access.MUSIC_SKILL), grantsOf("MusicSkillRoleDefaultPolicy"));
        assertEquals(tableGrants(Access.CONTROL_SKILL), grantsOf("ControlSkillRoleDefaultPolicy"));
        assertEquals(tableGrants(Access.RELAY_API), grantsOf("RelayApiRoleDefaultPolicy"));
        assertEquals(tableGrants(Access.HOME_SWEEP), grantsOf("HomeSweepRoleDefaultPolicy"));
        assertFalse(
                grantsOf("MusicSkillRoleDefaultPolicy").containsKey("Storagegrants"),
                "the music skill never sees grants");
        assertEquals(Map.of(), grantsOf("CatalogBuilderRoleDefaultPolicy"), "the catalog build reads no table");
        assertEquals(
                Map.of("Storagereplies", List.of("dynamodb:PutItem")), grantsOf("RelayConnectorRoleDefaultPolicy"));
    }

    @Test
    void noWildcardWhereASpecificActionOrResourceFits() {
        int statements = 0;
        for (Map.Entry<String, JsonNode> policy :
                resources(full, "AWS::IAM::Policy").entrySet()) {
            for (JsonNode statement :
                    policy.getValue().path("Properties").path("PolicyDocument").path("Statement")) {
                statements++;
                assertEquals("Allow", statement.path("Effect").asText());
                for (String action : strings(statement.path("Action"))) {
                    assertFalse(action.contains("*"), policy.getKey() + " grants " + action);
                }
                for (JsonNode resource : list(statement.path("Resource"))) {
                    String text = flatten(resource);
                    if (text.contains("*")) {
                        // Queues are made per home at run time: their name prefix is the narrowest ARN there is;
                        // so are homes' snapshots, the catalog build's state and Athena's results (one object each),
                        // and the merge's per-run stage-1 tables.
                        assertTrue(
                                text.endsWith(":sqs:eu-west-1:{AWS::AccountId}:test-relay-home-*")
                                        || text.endsWith(
                                                ":glue:eu-west-1:{AWS::AccountId}:table/test_catalog/per_home_*")
                                        || text.matches("\\{StorageBucketcatalog[0-9A-F]{8}}/(snapshots|catalogs)/\\*")
                                        || text.matches("\\{StorageBucketqueryresults[0-9A-F]{8}}/athena/\\*"),
                                policy.getKey() + " on " + text);
                    }
                }
            }
        }
        assertTrue(statements >= 30);
        for (JsonNode role : resources(full, "AWS::IAM::Role").values()) {
            assertTrue(
                    role.path("Properties").path("ManagedPolicyArns").isMissingNode(),
                    "no managed policies (they use *)");
            assertTrue(role.path("Properties").path("Policies").isMissingNode());
        }
    }

    @Test
    void connectorsCredentialsComeFromARoleOnlyTheRelayApiAssumes() {
        JsonNode role = resourceStartingWith(full, "RelayConnectorRole", "AWS::IAM::Role")
                .path("Properties");
        assertEquals(3600, role.path("MaxSessionDuration").asInt(), "StsCredentialIssuer asks for one hour");
        JsonNode trust = role.path("AssumeRolePolicyDocument").path("Statement");
        assertEquals(1, trust.size());
        assertEquals(
                "RelayApiRole",
                withoutHash(logicalIdOf(trust.get(0).path("Principal").path("AWS"))));
        JsonNode statements = resourceStartingWith(full, "RelayConnectorRoleDefaultPolicy", "AWS::IAM::Policy")
                .path("Properties")
                .path("PolicyDocument")
                .path("Statement");
        List<String> actions = new ArrayList<>();
        statements.forEach(s -> actions.addAll(strings(s.path("Action"))));
        List<String> expected = new ArrayList<>(Access.CONNECTOR_QUEUE_ACTIONS);
        expected.addAll(Access.CONNECTOR_REPLY_ACTIONS);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(actions));
        assertFalse(actions.contains("sqs:SendMessage"), "homes never write into queues");
        List<String> relayActions = new ArrayList<>();
        resourceStartingWith(full, "RelayApiRoleDefaultPolicy", "AWS::IAM::Policy")
                .path("Properties")
                .path("PolicyDocument")
                .path("Statement")
                .forEach(s -> relayActions.addAll(strings(s.path("Action"))));
        assertTrue(relayActions.containsAll(List.of("sts:AssumeRole", "sqs:CreateQueue", "sqs:TagQueue")));
        assertFalse(relayActions.contains("sqs:SendMessage"));
    }

    @Test
    void reportingSecretsLiveInSecretsManagerAndTheGrantKeyIsGeneratedAndKept() {
        JsonNode parameter = full.path("Parameters").path(StackRules.ALEXA_CLIENT_SECRET_PARAMETER);
        assertTrue(parameter.path("NoEcho").asBoolean(), "the skill-messaging secret is never echoed");
        JsonNode key = resourceStartingWith(full, "ReportingSecretsGrantKey", "AWS::SecretsManager::Secret");
        assertEquals(
                64,
                key.path("Properties")
                        .path("GenerateSecretString")
                        .path("PasswordLength")
                        .asInt());
        assertEquals("Retain", key.path("DeletionPolicy").asText(), "losing it orphans every grant");
        JsonNode messaging =
                resourceStartingWith(full, "ReportingSecretsSkillMessaging", "AWS::SecretsManager::Secret");
        assertEquals(
                StackRules.ALEXA_CLIENT_SECRET_PARAMETER,
                messaging.path("Properties").path("SecretString").path("Ref").asText());

        assertTrue(bare.path("Parameters")
                .path(StackRules.ALEXA_CLIENT_SECRET_PARAMETER)
                .isMissingNode());
        assertEquals(
                Set.of("CatalogSmapiCredentials", "RelayDeploymentKey"),
                resources(bare, "AWS::SecretsManager::Secret").keySet().stream()
                        .map(StackTest::withoutHash)
                        .collect(java.util.stream.Collectors.toSet()),
                "without a messaging client only the catalog build's secret and the deployment key");
        JsonNode deploymentKey = resourceStartingWith(full, "RelayDeploymentKey", "AWS::SecretsManager::Secret");
        assertEquals(
                64,
                deploymentKey
                        .path("Properties")
                        .path("GenerateSecretString")
                        .path("PasswordLength")
                        .asInt());
        assertEquals(
                "Retain", deploymentKey.path("DeletionPolicy").asText(), "a new key makes deleted homes unprovable");
        for (JsonNode f : resources(bare, "AWS::Lambda::Function").values()) {
            assertTrue(f.path("Properties")
                    .path("Environment")
                    .path("Variables")
                    .path("ALEXA_CLIENT_ID")
                    .isMissingNode());
        }
    }

    @Test
    void failuresSlownessThrottlesAndRelayErrorsRaiseAlarmsToOneTopic() {
        Map<String, JsonNode> alarms = resources(full, "AWS::CloudWatch::Alarm");
        assertEquals(
                20,
                alarms.size(),
                "errors, p99 duration and throttles of 6 functions, the API's 5xx, registration surges");
        Set<String> metrics = new TreeSet<>();
        for (JsonNode alarm : alarms.values()) {
            JsonNode p = alarm.path("Properties");
            assertEquals(
                    "AlarmsTopic",
                    withoutHash(logicalIdOf(p.path("AlarmActions").get(0))));
            assertEquals("notBreaching", p.path("TreatMissingData").asText());
            metrics.add(
                    p.path("Namespace").asText() + "/" + p.path("MetricName").asText());
        }
        assertEquals(
                Set.of(
                        "AWS/Lambda/Errors",
                        "AWS/Lambda/Duration",
                        "AWS/Lambda/Throttles",
                        "AWS/ApiGateway/5xx",
                        Alarms.METRIC_NAMESPACE + "/Registrations"),
                metrics);
        JsonNode filter = resources(full, "AWS::Logs::MetricFilter")
                .values()
                .iterator()
                .next()
                .path("Properties");
        assertEquals(
                "{ $.msg = \"home.registered\" }", filter.path("FilterPattern").asText());
        JsonNode mail = resources(full, "AWS::SNS::Subscription")
                .values()
                .iterator()
                .next()
                .path("Properties");
        assertEquals("email", mail.path("Protocol").asText());
        assertEquals("ops@example.org", mail.path("Endpoint").asText());
        assertEquals(0, resources(bare, "AWS::SNS::Subscription").size());
        assertEquals(1, resources(bare, "AWS::SNS::Topic").size());
    }

    @Test
    void theOutputsTheDeployReads() {
        for (String output : List.of(
                "MusicSkillEndpoint",
                "ControlSkillEndpoint",
                "RelayApiUrl",
                "AlarmTopicArn",
                "AlexaRegion",
                "CatalogBucket",
                "SmapiSecretArn")) {
            assertFalse(full.path("Outputs").path(output).isMissingNode(), output);
        }
        assertEquals(
                "EU", full.path("Outputs").path("AlexaRegion").path("Value").asText());
        assertEquals(
                "NA", bare.path("Outputs").path("AlexaRegion").path("Value").asText());
    }

    @Test
    void settingsThatCannotWorkAreRefusedBeforeSynthesis() {
        IllegalArgumentException region = assertThrows(
                IllegalArgumentException.class, () -> Synth.settings("eu-central-1", null, null, null, null));
        assertTrue(region.getMessage().contains("eu-west-1 (EU)"), region.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new Settings(
                        "Test", "us-east-1", "test-", "not-a-client", null, null, null, null, null, "x.jar", 30));
        assertThrows(
                IllegalArgumentException.class,
                () -> Synth.settings("us-east-1", "amzn1.ask.skill.short", null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Settings(
                        "Test",
                        "us-east-1",
                        "Bad Prefix",
                        Synth.LWA_CLIENT,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "x.jar",
                        30));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Settings(
                        "Test", "us-east-1", "xn--music-", Synth.LWA_CLIENT, null, null, null, null, null, "x.jar", 30),
                "S3 refuses bucket names starting xn--");
        assertThrows(
                IllegalArgumentException.class,
                () -> new Settings(
                        "Test", "us-east-1", "test-", Synth.LWA_CLIENT, null, null, null, null, null, "x.jar", 31));
        App app = new App(AppProps.builder()
                .context(Map.of("region", "us-east-1", "lwaClientId", Synth.LWA_CLIENT, "logRetentionDays", "a month"))
                .build());
        IllegalArgumentException days =
                assertThrows(IllegalArgumentException.class, () -> Settings.from(app.getNode(), Map.of()));
        assertTrue(days.getMessage().startsWith("logRetentionDays must be one of"), days.getMessage());
        for (String locales : List.of("en_US", "en-US, de-DE", "en-US,en-US", "", "english")) {
            IllegalArgumentException bad = assertThrows(
                    IllegalArgumentException.class,
                    () -> new Settings(
                            "Test",
                            "us-east-1",
                            "test-",
                            Synth.LWA_CLIENT,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "x.jar",
                            30,
                            locales,
                            10,
                            4),
                    locales);
            assertTrue(bad.getMessage().startsWith("catalogLocales must be"), bad.getMessage());
        }
        for (int limit : List.of(0, -1, Settings.MAX_CATALOG_SCAN_LIMIT_GB + 1)) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new Settings(
                            "Test",
                            "us-east-1",
                            "test-",
                            Synth.LWA_CLIENT,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "x.jar",
                            30,
                            null,
                            limit,
                            4),
                    "scan limit " + limit);
        }
        for (int hours : List.of(-1, 169)) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new Settings(
                            "Test",
                            "us-east-1",
                            "test-",
                            Synth.LWA_CLIENT,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "x.jar",
                            30,
                            null,
                            10,
                            hours),
                    "enablement cycle " + hours);
        }
        App words = new App(AppProps.builder()
                .context(Map.of("region", "us-east-1", "lwaClientId", Synth.LWA_CLIENT, "catalogScanLimitGb", "ten"))
                .build());
        IllegalArgumentException gb =
                assertThrows(IllegalArgumentException.class, () -> Settings.from(words.getNode(), Map.of()));
        assertTrue(gb.getMessage().startsWith("catalogScanLimitGb must be a whole number"), gb.getMessage());
    }

    // --- template helpers

    private static Map<String, List<String>> tableGrants(Map<Tables.Spec, List<String>> access) {
        Map<String, List<String>> out = new TreeMap<>();
        access.forEach((spec, actions) -> out.put("Storage" + spec.suffix().replace("_", ""), actions));
        return out;
    }

    /** Table logical id (without hash) → actions, from one policy (buckets are not tables). */
    private static Map<String, List<String>> grantsOf(String policyPrefix) {
        Map<String, List<String>> out = new TreeMap<>();
        JsonNode statements = resourceStartingWith(full, policyPrefix, "AWS::IAM::Policy")
                .path("Properties")
                .path("PolicyDocument")
                .path("Statement");
        for (JsonNode statement : statements) {
            for (JsonNode resource : list(statement.path("Resource"))) {
                String id = logicalIdOf(resource);
                if (id != null && id.startsWith("Storage") && !id.startsWith("StorageBucket")) {
                    out.put(withoutHash(id), strings(statement.path("Action")));
                }
            }
        }
        return out;
    }

    static Map<String, JsonNode> resources(JsonNode template, String type) {
        Map<String, JsonNode> out = new TreeMap<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    static JsonNode resourceStartingWith(JsonNode template, String prefix, String type) {
        return resources(template, type).entrySet().stream()
                .filter(e -> e.getKey().matches(prefix + "[0-9A-F]{8}"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + prefix));
    }

    /** A logical id without the 8-character hash CDK appends. */
    static String withoutHash(String logicalId) {
        return logicalId.replaceAll("[0-9A-F]{8}$", "");
    }

    static String logicalIdOf(JsonNode value) {
        if (value.has("Ref")) {
            return value.path("Ref").asText();
        }
        if (value.has("Fn::GetAtt")) {
            return value.path("Fn::GetAtt").get(0).asText();
        }
        return null;
    }

    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        list(node).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A resource as text: Fn::Join flattened, references as {name}. */
    static String flatten(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.has("Fn::Join")) {
            StringBuilder out = new StringBuilder();
            node.path("Fn::Join").get(1).forEach(part -> out.append(flatten(part)));
            return out.toString();
        }
        String id = logicalIdOf(node);
        return "{" + (id == null ? node.toString() : id) + "}";
    }
}
