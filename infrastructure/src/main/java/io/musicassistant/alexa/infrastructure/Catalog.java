package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.platform.Buckets;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The AWS side of the voice-catalog pipeline (docs/catalogs.md). Homes' library snapshots lie in the
 * catalog bucket under {@code snapshots/<home>/library.ndjson.gz}; the Glue table {@code snapshots}
 * describes them so that Athena can merge all homes in one query, run in a workgroup of its own that
 * writes its results under {@code athena/} in the query-results bucket and cancels any query that
 * scans more than the deployment allows. The catalog builder runs every hour (an EventBridge rule)
 * and uploads the result to Amazon through SMAPI with the credentials in the SMAPI secret, which the
 * deploy fills after the stack exists: the template only ever holds its empty placeholder.
 */
final class Catalog extends Construct {

    static final String TABLE = "snapshots";
    static final String ATHENA_PREFIX = "athena/";
    static final String ENGINE_VERSION = "Athena engine version 3";
    static final String SERDE = "org.openx.data.jsonserde.JsonSerDe";
    static final String SCHEDULE = "rate(1 hour)";
    /**
     * The snapshot's columns: the snake_case fields of relay-protocol's {@code SnapshotEntity}, in
     * its order, with Hive's types for Java's (boolean, int, Integer → int, List&lt;String&gt;).
     */
    static final Map<String, String> COLUMNS = columns();
    /**
     * The secret's value until the deploy writes the real one: the keys the builder reads, all empty
     * ("not authorized yet"). Never change it, nor any other property of the secret resource: an
     * update of the resource could make CloudFormation write this over the real credentials.
     */
    static final String SMAPI_PLACEHOLDER =
            "{\"client_id\":\"\",\"client_secret\":\"\",\"refresh_token\":\"\",\"vendor_id\":\"\"}";

    private final Bucket catalogBucket;
    private final Bucket resultsBucket;
    private final CfnDatabase database;
    private final String databaseName;
    private final CfnWorkGroup workgroup;
    private final String workgroupName;
    private final Secret smapi;

    Catalog(Construct scope, String id, Settings settings, Storage storage) {
        super(scope, id);
        catalogBucket = storage.bucket(Buckets.CATALOG);
        resultsBucket = storage.bucket(Buckets.QUERY_RESULTS);
        // Athena accepts only lower-case letters, digits and underscores in database names.
        databaseName = settings.tablePrefix().replace('-', '_') + "catalog";
        workgroupName = settings.tablePrefix() + "catalog";

        database = CfnDatabase.Builder.create(this, "Database")
                .catalogId(Aws.ACCOUNT_ID)
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(databaseName)
                        .description("Music Assistant for Alexa: homes' library snapshots for the voice-catalog build")
                        .build())
                .build();
        CfnTable.Builder.create(this, "Snapshots")
                .catalogId(Aws.ACCOUNT_ID)
                .databaseName(database.getRef()) // the reference also orders the table after the database
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(TABLE)
                        .description("One gzip'd JSON-lines object per home: " + CatalogSnapshot.SNAPSHOTS_PREFIX
                                + "<home>/" + CatalogSnapshot.FILE_NAME + " (relay-protocol CatalogSnapshot)")
                        .tableType("EXTERNAL_TABLE")
                        .parameters(Map.of(
                                "classification",
                                "json",
                                "compressionType",
                                "gzip",
                                "typeOfData",
                                "file",
                                "EXTERNAL",
                                "TRUE"))
                        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                                // The folder above the homes' folders: Athena reads every object under a
                                // table's location, subfolders included (docs/decisions.md, "Voice catalogs").
                                .location("s3://" + catalogBucket.getBucketName() + "/"
                                        + CatalogSnapshot.SNAPSHOTS_PREFIX)
                                .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                                .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                                .compressed(true)
                                .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                                        .serializationLibrary(SERDE)
                                        // One broken line (or home) must not stop the build for every home:
                                        // it reads as a row of nulls, which the build drops.
                                        .parameters(Map.of("ignore.malformed.json", "TRUE"))
                                        .build())
                                .columns(COLUMNS.entrySet().stream()
                                        .map(c -> (Object) CfnTable.ColumnProperty.builder()
                                                .name(c.getKey())
                                                .type(c.getValue())
                                                .build())
                                        .toList())
                                .build())
                        .build())
                .build();

        workgroup = CfnWorkGroup.Builder.create(this, "WorkGroup")
                .name(workgroupName)
                .description("The voice-catalog build's queries over homes' library snapshots")
                .state("ENABLED")
                // Without it CloudFormation cannot delete a workgroup that has run queries.
                .recursiveDeleteOption(true)
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .enforceWorkGroupConfiguration(true)
                        .publishCloudWatchMetricsEnabled(true)
                        .bytesScannedCutoffPerQuery(settings.catalogScanLimitBytes())
                        .engineVersion(CfnWorkGroup.EngineVersionProperty.builder()
                                .selectedEngineVersion(ENGINE_VERSION)
                                .build())
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation("s3://" + resultsBucket.getBucketName() + "/" + ATHENA_PREFIX)
                                .expectedBucketOwner(Aws.ACCOUNT_ID)
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_S3")
                                        .build())
                                .build())
                        .build())
                .build();

        smapi = Secret.Builder.create(this, "SmapiCredentials")
                .secretName(settings.tablePrefix() + "smapi")
                .description(
                        "SMAPI credentials of the skills' developer account for the catalog build: JSON {client_id,"
                                + " client_secret, refresh_token, vendor_id}, written by scripts/deploy")
                .secretStringValue(SecretValue.unsafePlainText(SMAPI_PLACEHOLDER))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /**
     * The builder's environment ({@code CatalogBuilderHandler}; the names are the contract in
     * docs/catalogs.md), besides what every function gets.
     */
    Map<String, String> environment(Settings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CATALOG_BUCKET", catalogBucket.getBucketName());
        env.put("QUERY_RESULTS_BUCKET", resultsBucket.getBucketName());
        env.put("ATHENA_WORKGROUP", workgroup.getRef());
        env.put("GLUE_DATABASE", database.getRef());
        env.put("SMAPI_SECRET_ARN", smapi.getSecretArn());
        env.put("CATALOG_LOCALES", settings.catalogLocales());
        env.put("CATALOG_ENABLEMENT_CYCLE_H", Integer.toString(settings.catalogEnablementCycleHours()));
        if (settings.musicSkillId() != null) {
            env.put("MUSIC_SKILL_ID", settings.musicSkillId());
        }
        return env;
    }

    /**
     * The builder's rights, nothing more: its workgroup's queries; the table's definition; snapshots
     * read; its own state under catalogs/; Athena's results under athena/; the SMAPI secret. Then its
     * hourly schedule. A failed run is not retried: the next hour's run is the retry.
     */
    void attach(SkillFunction builder) {
        Stack stack = Stack.of(this);
        builder.allow(
                Access.CATALOG_ATHENA,
                List.of(stack.formatArn(ArnComponents.builder()
                        .service("athena")
                        .resource("workgroup")
                        .resourceName(workgroupName)
                        .build())));
        builder.allow(
                Access.CATALOG_GLUE,
                List.of(
                        stack.formatArn(ArnComponents.builder()
                                .service("glue")
                                .resource("catalog")
                                .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                                .build()),
                        stack.formatArn(ArnComponents.builder()
                                .service("glue")
                                .resource("database")
                                .resourceName(databaseName)
                                .build()),
                        stack.formatArn(ArnComponents.builder()
                                .service("glue")
                                .resource("table")
                                .resourceName(databaseName + "/" + TABLE)
                                .build())));
        // The merge's stage 1 table, one per run, under the results bucket's athena/ prefix.
        builder.allow(
                Access.CATALOG_GLUE_RUN_TABLES,
                List.of(
                        stack.formatArn(ArnComponents.builder()
                                .service("glue")
                                .resource("catalog")
                                .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                                .build()),
                        stack.formatArn(ArnComponents.builder()
                                .service("glue")
                                .resource("database")
                                .resourceName(databaseName)
                                .build()),
                        stack.formatArn(ArnComponents.builder()
                                .service("glue")
                                .resource("table")
                                .resourceName(databaseName + "/per_home_*")
                                .build())));
        builder.allow(Access.BUCKET_LOCATION, List.of(catalogBucket.getBucketArn(), resultsBucket.getBucketArn()));
        builder.allow(
                Access.SNAPSHOT_READ, List.of(catalogBucket.arnForObjects(CatalogSnapshot.SNAPSHOTS_PREFIX + "*")));
        // Listing only below the two prefixes the build uses (what changed; which ledgers exist).
        builder.allow(
                Access.LIST,
                List.of(catalogBucket.getBucketArn()),
                Map.of(
                        "StringLike",
                        Map.of(
                                "s3:prefix",
                                List.of(
                                        CatalogSnapshot.SNAPSHOTS_PREFIX + "*",
                                        CatalogSnapshot.CATALOGS_PREFIX + "*"))));
        builder.allow(
                Access.CATALOG_STATE, List.of(catalogBucket.arnForObjects(CatalogSnapshot.CATALOGS_PREFIX + "*")));
        builder.allow(Access.QUERY_RESULTS_OBJECTS, List.of(resultsBucket.arnForObjects(ATHENA_PREFIX + "*")));
        builder.allow(Access.QUERY_RESULTS_BUCKET, List.of(resultsBucket.getBucketArn()));
        builder.allow(Access.SMAPI_SECRET, List.of(smapi.getSecretArn()));

        builder.function()
                .configureAsyncInvoke(EventInvokeConfigOptions.builder()
                        .retryAttempts(0)
                        .maxEventAge(Duration.hours(1))
                        .build());
        Rule.Builder.create(this, "Schedule")
                .ruleName(workgroupName + "-build")
                .description(
                        "Builds and uploads the voice catalogs every hour; the builder skips the work when no snapshot"
                                + " changed")
                .schedule(Schedule.expression(SCHEDULE))
                .targets(List.of(LambdaFunction.Builder.create(builder.function())
                        .retryAttempts(2)
                        .maxEventAge(Duration.hours(1))
                        .build()))
                .build();
    }

    /** The relay API presigns each home's snapshot upload; it may write there and nowhere else in the bucket. */
    void allowSnapshotUploads(SkillFunction relay) {
        relay.allow(
                Access.SNAPSHOT_UPLOAD, List.of(catalogBucket.arnForObjects(CatalogSnapshot.SNAPSHOTS_PREFIX + "*")));
        relay.function().addEnvironment("CATALOG_BUCKET", catalogBucket.getBucketName());
    }

    String catalogBucketName() {
        return catalogBucket.getBucketName();
    }

    String smapiSecretArn() {
        return smapi.getSecretArn();
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("kind", "string");
        columns.put("id", "string");
        columns.put("name", "string");
        columns.put("alt_names", "array<string>");
        columns.put("artist_id", "string");
        columns.put("artist", "string");
        columns.put("album_id", "string");
        columns.put("album", "string");
        columns.put("favorite", "boolean");
        columns.put("plays", "int");
        columns.put("last_played_days", "int");
        return columns;
    }
}
