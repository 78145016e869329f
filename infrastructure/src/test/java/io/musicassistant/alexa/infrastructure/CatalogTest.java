package io.musicassistant.alexa.infrastructure;

import static io.musicassistant.alexa.infrastructure.StackTest.flatten;
import static io.musicassistant.alexa.infrastructure.StackTest.logicalIdOf;
import static io.musicassistant.alexa.infrastructure.StackTest.resourceStartingWith;
import static io.musicassistant.alexa.infrastructure.StackTest.resources;
import static io.musicassistant.alexa.infrastructure.StackTest.strings;
import static io.musicassistant.alexa.infrastructure.StackTest.withoutHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.catalog.CatalogLocale;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import io.musicassistant.alexa.stack.StackRules;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * The catalog pipeline as synthesised: the builder function and its hourly schedule, the Glue table
 * over the snapshots, the Athena workgroup, the SMAPI secret (never with a value), the environment
 * the builder and the relay API get, and their rights, statement by statement.
 */
class CatalogTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static JsonNode full;
    static JsonNode bare;
    static String builder;

    @BeforeAll
    static void synth() {
        full = JSON.valueToTree(Synth.template(Synth.full()).toJSON());
        bare = JSON.valueToTree(Synth.template(Synth.settings("us-east-1", null, null, null, null))
                .toJSON());
        builder = resources(full, "AWS::Lambda::Function").entrySet().stream()
                .filter(e -> e.getValue()
                        .path("Properties")
                        .path("Handler")
                        .asText()
                        .equals(MusicAssistantAlexaStack.CATALOG_HANDLER))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theBuilderIsAJava21FunctionOfItsOwnWithLogsAndARoleButNoAliasSnapStartOrAlexaTrigger() {
        JsonNode p = full.path("Resources").path(builder).path("Properties");
        assertEquals("test-catalog-builder", p.path("FunctionName").asText());
        assertEquals("java21", p.path("Runtime").asText());
        assertEquals("[\"arm64\"]", p.path("Architectures").toString());
        assertEquals(2048, p.path("MemorySize").asInt());
        assertEquals(15 * 60, p.path("Timeout").asInt());
        assertTrue(p.path("SnapStart").isMissingNode());
        assertEquals("CatalogBuilderRole", withoutHash(logicalIdOf(p.path("Role"))));
        JsonNode logs = full.path("Resources")
                .path(p.path("LoggingConfig").path("LogGroup").path("Ref").asText());
        assertEquals(
                "/aws/lambda/test-catalog-builder",
                logs.path("Properties").path("LogGroupName").asText());
        for (JsonNode permission : resources(full, "AWS::Lambda::Permission").values()) {
            JsonNode target = permission.path("Properties").path("FunctionName");
            if (builder.equals(logicalIdOf(target))) {
                assertEquals(
                        "events.amazonaws.com",
                        permission.path("Properties").path("Principal").asText(),
                        "only its schedule may call the builder");
            }
        }
        for (JsonNode version : resources(full, "AWS::Lambda::Version").values()) {
            assertFalse(
                    builder.equals(logicalIdOf(version.path("Properties").path("FunctionName"))),
                    "no version is published");
        }
        JsonNode async = resources(full, "AWS::Lambda::EventInvokeConfig")
                .values()
                .iterator()
                .next()
                .path("Properties");
        assertEquals(builder, async.path("FunctionName").path("Ref").asText());
        assertEquals(0, async.path("MaximumRetryAttempts").asInt(), "the next hour's run is the retry");
        assertEquals("$LATEST", async.path("Qualifier").asText());
    }

    @Test
    void anEventBridgeRuleInvokesTheBuilderEveryHour() {
        Map<String, JsonNode> rules = new java.util.TreeMap<>(resources(full, "AWS::Events::Rule"));
        rules.values()
                .removeIf(r -> !r.path("Properties")
                        .path("Name")
                        .asText()
                        .endsWith("-catalog-build")); // the sweep has its own
        assertEquals(1, rules.size());
        JsonNode rule = rules.values().iterator().next().path("Properties");
        assertEquals("test-catalog-build", rule.path("Name").asText());
        assertEquals("rate(1 hour)", rule.path("ScheduleExpression").asText());
        assertEquals("ENABLED", rule.path("State").asText());
        JsonNode targets = rule.path("Targets");
        assertEquals(1, targets.size());
        assertEquals(builder, logicalIdOf(targets.get(0).path("Arn")));
        assertEquals(
                2,
                targets.get(0).path("RetryPolicy").path("MaximumRetryAttempts").asInt());
        assertEquals(
                3600,
                targets.get(0)
                        .path("RetryPolicy")
                        .path("MaximumEventAgeInSeconds")
                        .asInt());
        String ruleId = rules.keySet().iterator().next();
        JsonNode invoke = resources(full, "AWS::Lambda::Permission").values().stream()
                .filter(perm -> "events.amazonaws.com"
                        .equals(perm.path("Properties").path("Principal").asText()))
                .filter(perm ->
                        builder.equals(logicalIdOf(perm.path("Properties").path("FunctionName"))))
                .findFirst()
                .orElseThrow()
                .path("Properties");
        assertEquals("lambda:InvokeFunction", invoke.path("Action").asText());
        assertEquals(ruleId, logicalIdOf(invoke.path("SourceArn")), "only this rule may invoke it");
    }

    @Test
    void theGlueTableDescribesTheSnapshotsExactlyAsSnapshotEntityWritesThem() {
        JsonNode database = resourceStartingWith(full, "CatalogDatabase", "AWS::Glue::Database")
                .path("Properties");
        assertEquals("test_catalog", database.path("DatabaseInput").path("Name").asText());
        assertEquals("AWS::AccountId", database.path("CatalogId").path("Ref").asText());
        JsonNode table = resourceStartingWith(full, "CatalogSnapshots", "AWS::Glue::Table");
        JsonNode p = table.path("Properties");
        assertEquals(
                "CatalogDatabase",
                withoutHash(p.path("DatabaseName").path("Ref").asText()));
        JsonNode input = p.path("TableInput");
        assertEquals("snapshots", input.path("Name").asText());
        assertEquals("EXTERNAL_TABLE", input.path("TableType").asText());
        assertEquals("gzip", input.path("Parameters").path("compressionType").asText());
        JsonNode storage = input.path("StorageDescriptor");
        assertEquals(
                "s3://{StorageBucketcatalog}/snapshots/",
                flatten(storage.path("Location")).replaceAll("[0-9A-F]{8}}", "}"),
                "the folder above every home's folder");
        assertEquals(
                "org.apache.hadoop.mapred.TextInputFormat",
                storage.path("InputFormat").asText());
        assertEquals(
                "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                storage.path("OutputFormat").asText());
        assertTrue(storage.path("Compressed").asBoolean());
        assertEquals(
                "org.openx.data.jsonserde.JsonSerDe",
                storage.path("SerdeInfo").path("SerializationLibrary").asText());
        assertEquals(
                "TRUE",
                storage.path("SerdeInfo")
                        .path("Parameters")
                        .path("ignore.malformed.json")
                        .asText());
        Map<String, String> columns = new LinkedHashMap<>();
        storage.path("Columns")
                .forEach(
                        c -> columns.put(c.path("Name").asText(), c.path("Type").asText()));
        assertEquals(fromSnapshotEntity(), columns, "the columns are SnapshotEntity's fields, snake_case, in order");
        assertEquals(
                List.of(
                        "kind",
                        "id",
                        "name",
                        "alt_names",
                        "artist_id",
                        "artist",
                        "album_id",
                        "album",
                        "favorite",
                        "plays",
                        "last_played_days"),
                new ArrayList<>(columns.keySet()));
        assertEquals("array<string>", columns.get("alt_names"));
        assertEquals("int", columns.get("last_played_days"));
        assertEquals("boolean", columns.get("favorite"));
        assertTrue(input.path("PartitionKeys").isMissingNode(), "one folder per home, no partitions to maintain");
    }

    @Test
    void theWorkgroupEnforcesEncryptedResultsUnderAthenaAScanLimitAndEngine3() {
        JsonNode wg = resourceStartingWith(full, "CatalogWorkGroup", "AWS::Athena::WorkGroup")
                .path("Properties");
        assertEquals("test-catalog", wg.path("Name").asText());
        assertEquals("ENABLED", wg.path("State").asText());
        JsonNode config = wg.path("WorkGroupConfiguration");
        assertTrue(
                config.path("EnforceWorkGroupConfiguration").asBoolean(),
                "queries cannot choose another output or limit");
        assertEquals(
                10L * 1024 * 1024 * 1024,
                config.path("BytesScannedCutoffPerQuery").asLong());
        assertEquals(
                "Athena engine version 3",
                config.path("EngineVersion").path("SelectedEngineVersion").asText());
        JsonNode results = config.path("ResultConfiguration");
        assertEquals(
                "s3://{StorageBucketqueryresults}/athena/",
                flatten(results.path("OutputLocation")).replaceAll("[0-9A-F]{8}}", "}"));
        assertEquals(
                "SSE_S3",
                results.path("EncryptionConfiguration").path("EncryptionOption").asText());
        assertEquals(
                "AWS::AccountId",
                results.path("ExpectedBucketOwner").path("Ref").asText());

        Settings small = new Settings(
                "Test",
                "eu-west-1",
                "test-",
                Synth.LWA_CLIENT,
                null,
                null,
                null,
                null,
                null,
                Synth.full().lambdaJar(),
                30,
                null,
                2,
                0);
        JsonNode limited = JSON.valueToTree(Synth.template(small).toJSON());
        assertEquals(
                2L * 1024 * 1024 * 1024,
                resourceStartingWith(limited, "CatalogWorkGroup", "AWS::Athena::WorkGroup")
                        .path("Properties")
                        .path("WorkGroupConfiguration")
                        .path("BytesScannedCutoffPerQuery")
                        .asLong());
    }

    @Test
    void theSmapiSecretIsRetainedAndTheTemplateHoldsOnlyItsEmptyPlaceholder() throws Exception {
        JsonNode secret = resourceStartingWith(full, "CatalogSmapiCredentials", "AWS::SecretsManager::Secret");
        assertEquals("Retain", secret.path("DeletionPolicy").asText());
        assertEquals("Retain", secret.path("UpdateReplacePolicy").asText());
        JsonNode p = secret.path("Properties");
        // Frozen: an update of this resource could make CloudFormation write the placeholder over the real value.
        assertEquals(Set.of("Name", "Description", "SecretString", "Tags"), fieldNames(p));
        assertEquals("test-smapi", p.path("Name").asText());
        JsonNode value = JSON.readTree(p.path("SecretString").asText());
        assertEquals(Set.of("client_id", "client_secret", "refresh_token", "vendor_id"), fieldNames(value));
        value.forEach(v -> assertEquals("", v.asText(), "the template never holds a credential"));
        assertTrue(p.path("GenerateSecretString").isMissingNode());
        String text = full.toString();
        for (String leak : List.of("Atzr|", "Atza|", "amzn1.oa2-")) {
            assertFalse(text.contains(leak), "a token in the template: " + leak);
        }
        assertTrue(full.path("Parameters").path("SmapiCredentials").isMissingNode(), "no parameter carries it either");
        assertEquals(
                StackRules.ALEXA_CLIENT_SECRET_PARAMETER,
                String.join(
                        ",",
                        fieldNamesOrEmpty(full.path("Parameters")).stream()
                                .filter(n -> !n.startsWith("BootstrapVersion"))
                                .toList()));
    }

    @Test
    void theBuilderGetsTheContractsEnvironmentAndTheRelayApiTheBucket() {
        Map<String, String> env = environment(full, MusicAssistantAlexaStack.CATALOG_HANDLER);
        assertEquals(
                new TreeSet<>(List.of(
                        "CATALOG_BUCKET",
                        "QUERY_RESULTS_BUCKET",
                        "ATHENA_WORKGROUP",
                        "GLUE_DATABASE",
                        "SMAPI_SECRET_ARN",
                        "MUSIC_SKILL_ID",
                        "CATALOG_LOCALES",
                        "CATALOG_ENABLEMENT_CYCLE_H",
                        "TABLE_PREFIX",
                        "LWA_CLIENT_ID",
                        "RELAY_MODE")),
                new TreeSet<>(env.keySet()));
        assertEquals("{StorageBucketcatalog}", env.get("CATALOG_BUCKET"));
        assertEquals("{StorageBucketqueryresults}", env.get("QUERY_RESULTS_BUCKET"));
        assertEquals("{CatalogWorkGroup}", env.get("ATHENA_WORKGROUP"));
        assertEquals("{CatalogDatabase}", env.get("GLUE_DATABASE"));
        assertEquals("{CatalogSmapiCredentials}", env.get("SMAPI_SECRET_ARN"));
        assertEquals(Synth.MUSIC_SKILL, env.get("MUSIC_SKILL_ID"));
        assertEquals(
                "en-GB,de-DE,fr-FR,it-IT,es-ES,en-IN,hi-IN",
                env.get("CATALOG_LOCALES"),
                "the EU stack builds the locales Alexa sends to EU");
        assertEquals(
                "4", env.get("CATALOG_ENABLEMENT_CYCLE_H"), "private skills stay in development: re-bound every 4 h");
        assertEquals("test-", env.get("TABLE_PREFIX"));
        assertEquals(Synth.LWA_CLIENT, env.get("LWA_CLIENT_ID"));
        assertEquals("aws", env.get("RELAY_MODE"));

        Map<String, String> na = environment(bare, MusicAssistantAlexaStack.CATALOG_HANDLER);
        assertFalse(na.containsKey("MUSIC_SKILL_ID"), "unknown before the skill exists");
        assertEquals("en-US,en-CA,fr-CA,es-MX,es-US,pt-BR", na.get("CATALOG_LOCALES"));
        JsonNode fe = JSON.valueToTree(Synth.template(Synth.settings("us-west-2", null, null, null, null))
                .toJSON());
        assertEquals(
                "ja-JP,en-AU",
                environment(fe, MusicAssistantAlexaStack.CATALOG_HANDLER).get("CATALOG_LOCALES"));
        App app = new App(AppProps.builder()
                .context(Map.of(
                        "region",
                        "eu-west-1",
                        "lwaClientId",
                        Synth.LWA_CLIENT,
                        "catalogLocales",
                        "de-DE",
                        "catalogScanLimitGb",
                        "3"))
                .build());
        Settings chosen = Settings.from(app.getNode(), Map.of());
        assertEquals("de-DE", chosen.catalogLocales());
        assertEquals(3L * 1024 * 1024 * 1024, chosen.catalogScanLimitBytes());

        assertEquals(
                "{StorageBucketcatalog}",
                environment(full, MusicAssistantAlexaStack.RELAY_HANDLER).get("CATALOG_BUCKET"),
                "the relay API presigns snapshot uploads into the catalog bucket");
        assertFalse(environment(full, MusicAssistantAlexaStack.MUSIC_HANDLER).containsKey("CATALOG_BUCKET"));
    }

    @Test
    void theBuilderMayDoExactlyWhatTheBuildNeedsAndNothingElse() {
        Set<String> expected = new TreeSet<>(List.of(
                "logs:CreateLogStream,logs:PutLogEvents -> {CatalogBuilderLogs}",
                "athena:StartQueryExecution,athena:GetQueryExecution,athena:GetQueryResults,athena:StopQueryExecution"
                        + " -> arn:{AWS::Partition}:athena:eu-west-1:{AWS::AccountId}:workgroup/test-catalog",
                "glue:GetDatabase,glue:GetTable,glue:GetPartitions -> arn:{AWS::Partition}:glue:eu-west-1:{AWS::AccountId}:catalog"
                        + " | arn:{AWS::Partition}:glue:eu-west-1:{AWS::AccountId}:database/test_catalog"
                        + " | arn:{AWS::Partition}:glue:eu-west-1:{AWS::AccountId}:table/test_catalog/snapshots",
                "glue:GetTable,glue:CreateTable,glue:DeleteTable -> arn:{AWS::Partition}:glue:eu-west-1:{AWS::AccountId}:catalog"
                        + " | arn:{AWS::Partition}:glue:eu-west-1:{AWS::AccountId}:database/test_catalog"
                        + " | arn:{AWS::Partition}:glue:eu-west-1:{AWS::AccountId}:table/test_catalog/per_home_*",
                "s3:GetBucketLocation -> {StorageBucketcatalog} | {StorageBucketqueryresults}",
                "s3:GetObject -> {StorageBucketcatalog}/snapshots/*",
                "s3:ListBucket -> {StorageBucketcatalog} if {\"StringLike\":{\"s3:prefix\":[\"snapshots/*\",\"catalogs/*\"]}}",
                "s3:GetObject,s3:PutObject,s3:DeleteObject -> {StorageBucketcatalog}/catalogs/*",
                "s3:GetObject,s3:PutObject,s3:AbortMultipartUpload,s3:ListMultipartUploadParts -> {StorageBucketqueryresults}/athena/*",
                "s3:ListBucket,s3:ListBucketMultipartUploads -> {StorageBucketqueryresults}",
                "secretsmanager:GetSecretValue -> {CatalogSmapiCredentials}"));
        assertEquals(expected, statements("CatalogBuilderRoleDefaultPolicy"));
    }

    @Test
    void theRelayApiMayOnlyPutSnapshotsAndNoOtherFunctionTouchesThePipeline() {
        Set<String> relay = statements("RelayApiRoleDefaultPolicy");
        List<String> s3 = relay.stream().filter(s -> s.startsWith("s3:")).toList();
        assertEquals(List.of("s3:PutObject -> {StorageBucketcatalog}/snapshots/*"), s3);
        for (String policy : List.of(
                "RelayApiRoleDefaultPolicy",
                "MusicSkillRoleDefaultPolicy",
                "ControlSkillRoleDefaultPolicy",
                "RelayConnectorRoleDefaultPolicy")) {
            for (String statement : statements(policy)) {
                assertFalse(statement.matches("(athena|glue):.*"), policy + ": " + statement);
                assertFalse(
                        statement.contains("CatalogSmapiCredentials"),
                        policy + " reads the SMAPI secret: " + statement);
                assertFalse(statement.contains("queryresults"), policy + ": " + statement);
                if (!policy.startsWith("RelayApi")) {
                    assertFalse(statement.startsWith("s3:"), policy + ": " + statement);
                }
            }
        }
    }

    @Test
    void aFailingOrNearlyTimedOutBuildRaisesAnAlarmAndTheBucketIsAnOutput() {
        List<JsonNode> alarms = resources(full, "AWS::CloudWatch::Alarm").entrySet().stream()
                .filter(e -> e.getKey().startsWith("AlarmsCatalogBuilder"))
                .map(Map.Entry::getValue)
                .toList();
        assertEquals(3, alarms.size(), "errors, p99 duration, throttles");
        Map<String, JsonNode> byMetric = new TreeMap<>();
        alarms.forEach(a -> byMetric.put(a.path("Properties").path("MetricName").asText(), a.path("Properties")));
        JsonNode errors = byMetric.get("Errors");
        assertEquals(1, errors.path("Threshold").asInt());
        assertEquals(
                "GreaterThanOrEqualToThreshold",
                errors.path("ComparisonOperator").asText());
        assertEquals(
                builder,
                errors.path("Dimensions").get(0).path("Value").path("Ref").asText());
        assertEquals(12 * 60 * 1000, byMetric.get("Duration").path("Threshold").asInt(), "four fifths of the timeout");
        assertEquals(
                "{StorageBucketcatalog}",
                flatten(full.path("Outputs").path("CatalogBucket").path("Value"))
                        .replaceAll("[0-9A-F]{8}}", "}"));
        assertEquals(
                "CatalogSmapiCredentials",
                withoutHash(
                        logicalIdOf(full.path("Outputs").path("SmapiSecretArn").path("Value"))));
    }

    // --- helpers

    /** SnapshotEntity's record components as the JSON-lines columns: snake_case names, Hive types. */
    private static Map<String, String> fromSnapshotEntity() {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordComponent c : SnapshotEntity.class.getRecordComponents()) {
            String name = c.getName().replaceAll("([A-Z])", "_$1").toLowerCase();
            Type type = c.getGenericType();
            String hive;
            if (type == boolean.class || type == Boolean.class) {
                hive = "boolean";
            } else if (type == int.class || type == Integer.class) {
                hive = "int";
            } else if (type instanceof ParameterizedType list
                    && list.getRawType() == List.class
                    && list.getActualTypeArguments()[0] == String.class) {
                hive = "array<string>";
            } else {
                hive = "string"; // String and the ContentKind enum, which RelayJson writes as its name
            }
            out.put(name, hive);
        }
        return out;
    }

    /** One function's environment; references as {logical id without hash}. */
    private static Map<String, String> environment(JsonNode template, String handler) {
        JsonNode f = resources(template, "AWS::Lambda::Function").values().stream()
                .filter(n -> n.path("Properties").path("Handler").asText().equals(handler))
                .findFirst()
                .orElseThrow();
        Map<String, String> env = new TreeMap<>();
        f.path("Properties")
                .path("Environment")
                .path("Variables")
                .fields()
                .forEachRemaining(e -> env.put(e.getKey(), flatten(e.getValue()).replaceAll("[0-9A-F]{8}}", "}")));
        return env;
    }

    /** Each statement of a policy as "actions -> resources [if conditions]", logical ids without hash. */
    private static Set<String> statements(String policyPrefix) {
        return statements(full, policyPrefix);
    }

    /**
     * Between them, the three regions' default catalogs cover every locale the music skill serves,
     * each in one region, and the build reads each default as it parses {@code CATALOG_LOCALES}.
     */
    @Test
    void theRegionsDefaultCatalogLocalesCoverTheMusicSkillsLocales() throws Exception {
        JsonNode skill = new ObjectMapper()
                .readTree(Path.of("../skill-package/music/skill.json").toFile());
        List<String> covered = new ArrayList<>();
        Settings.DEFAULT_CATALOG_LOCALES
                .values()
                .forEach(tags -> CatalogLocale.parse(tags).stream()
                        .map(CatalogLocale::tag)
                        .forEach(covered::add));

        Set<String> served = fieldNames(skill.at("/manifest/apis/music/locales"));
        assertTrue(covered.containsAll(served), "catalogs for every locale the music skill serves: " + served);
        assertEquals(new TreeSet<>(covered).size(), covered.size(), "no locale built in two regions");
    }

    /** A role policy's statements as text: actions, resources (hashes dropped), condition. */
    static Set<String> statements(JsonNode template, String policyPrefix) {
        Set<String> out = new TreeSet<>();
        JsonNode document = resourceStartingWith(template, policyPrefix, "AWS::IAM::Policy")
                .path("Properties")
                .path("PolicyDocument");
        for (JsonNode statement : document.path("Statement")) {
            assertEquals("Allow", statement.path("Effect").asText());
            List<String> resources = new ArrayList<>();
            StackTest.list(statement.path("Resource"))
                    .forEach(r -> resources.add(flatten(r).replaceAll("[0-9A-F]{8}}", "}")));
            String text = String.join(",", strings(statement.path("Action"))) + " -> " + String.join(" | ", resources);
            if (statement.has("Condition")) {
                text += " if " + statement.path("Condition");
            }
            out.add(text);
        }
        return out;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> fieldNamesOrEmpty(JsonNode node) {
        return node.isMissingNode() ? Set.of() : fieldNames(node);
    }
}
