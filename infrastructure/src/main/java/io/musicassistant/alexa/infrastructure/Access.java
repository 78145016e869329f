package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.platform.Tables;
import java.util.List;
import java.util.Map;

/**
 * Which DynamoDB actions each function needs on which table, read off the code that runs in it
 * (the classes named below). Nothing else is granted: a table a function does not use is not
 * listed, and an action it does not call is not granted. Transactions need the per-item actions.
 */
final class Access {

    static final String GET = "dynamodb:GetItem";
    static final String BATCH_GET = "dynamodb:BatchGetItem";
    static final String PUT = "dynamodb:PutItem";
    static final String UPDATE = "dynamodb:UpdateItem";
    static final String DELETE = "dynamodb:DeleteItem";
    /** Only the sweeps scan (the health sweep the homes table, the home sweep homes and endpoint states). */
    static final String SCAN = "dynamodb:Scan";

    /** identity/TokenCache: the LWA user behind a token hash (all three resolve tokens). */
    private static final Map.Entry<Tables.Spec, List<String>> TOKENS = Map.entry(Tables.TOKENS, List.of(GET, PUT));

    /**
     * The music skill: HomeDirectory (homes, links), RelayClient (reply rows), PlaybackStore (content
     * by key and with the queue state in one BatchGetItem; queue state written on change), and its
     * skill events (SkillAccounts: the skill-user rows; a last disable unlinks: link deleted, home
     * updated; grants are the control skill's).
     */
    static final Map<Tables.Spec, List<String>> MUSIC_SKILL = Map.ofEntries(
            TOKENS,
            // UPDATE: HomeLiveness marks a silent home suspect, claims probes and clears the mark.
            Map.entry(Tables.HOMES, List.of(GET, UPDATE)),
            Map.entry(Tables.LINKS, List.of(GET, DELETE)),
            Map.entry(Tables.SKILL_USERS, List.of(GET, PUT, UPDATE, DELETE)),
            Map.entry(Tables.REPLIES, List.of(GET)),
            Map.entry(Tables.CONTENT, List.of(GET, BATCH_GET, PUT)),
            Map.entry(Tables.QUEUES, List.of(BATCH_GET, PUT)));

    /**
     * The control skill: as the music skill for homes and replies; voice pairing (Pairing.claim: the
     * code row read and deleted, the link put, the homes updated, in one transaction); RateLimiter.hit;
     * AcceptGrant's Grants.accept; discovery and directive answers remember endpoint state; linked
     * accounts by voice (HomeAccounts: links read in one BatchGetItem, unlinks, grants deleted) and
     * skill events (SkillAccounts).
     */
    static final Map<Tables.Spec, List<String>> CONTROL_SKILL = Map.ofEntries(
            TOKENS,
            Map.entry(Tables.HOMES, List.of(GET, UPDATE)),
            Map.entry(Tables.LINKS, List.of(GET, BATCH_GET, PUT, DELETE)),
            Map.entry(Tables.PAIRING_CODES, List.of(GET, DELETE)),
            Map.entry(Tables.REPLIES, List.of(GET)),
            Map.entry(Tables.RATE_LIMITS, List.of(UPDATE)),
            Map.entry(Tables.GRANTS, List.of(PUT, DELETE)),
            Map.entry(Tables.ENDPOINT_STATE, List.of(PUT, UPDATE)),
            Map.entry(Tables.SKILL_USERS, List.of(GET, PUT, UPDATE, DELETE)));

    /**
     * The relay API: HomeRegistry (register, authenticate, heartbeat), Pairing (issue, claim, unlink),
     * RateLimiter.hit, and ChangeReporter (grants read, renewed and forgotten; endpoint
     * state read, replaced and deleted), and the home's linked accounts (HomeAccounts: links read in
     * one BatchGetItem, revoked).
     */
    static final Map<Tables.Spec, List<String>> RELAY_API = Map.ofEntries(
            TOKENS,
            Map.entry(Tables.HOMES, List.of(GET, PUT, UPDATE)),
            Map.entry(Tables.LINKS, List.of(GET, BATCH_GET, PUT, DELETE)),
            Map.entry(Tables.PAIRING_CODES, List.of(GET, PUT, DELETE)),
            Map.entry(Tables.RATE_LIMITS, List.of(UPDATE)),
            Map.entry(Tables.GRANTS, List.of(GET, PUT, DELETE)),
            Map.entry(Tables.ENDPOINT_STATE, List.of(GET, PUT, UPDATE, DELETE)));

    /**
     * The health sweep: HomeDirectory (homes scanned, health_told updated, linked users read),
     * ChangeReporter.reportHealth (grants read, renewed and forgotten; endpoint state read and replaced).
     */
    static final Map<Tables.Spec, List<String>> HEALTH_SWEEP = Map.ofEntries(
            Map.entry(Tables.HOMES, List.of(GET, UPDATE)),
            Map.entry(Tables.GRANTS, List.of(GET, PUT, DELETE)),
            Map.entry(Tables.ENDPOINT_STATE, List.of(GET, PUT)));

    /**
     * The daily sweep (HomeSweep): homes scanned, marked and deleted; their links read and deleted,
     * grants and pairing codes deleted; endpoint states scanned and the orphaned ones deleted.
     */
    static final Map<Tables.Spec, List<String>> HOME_SWEEP = Map.ofEntries(
            Map.entry(Tables.HOMES, List.of(SCAN, UPDATE, DELETE)),
            Map.entry(Tables.LINKS, List.of(GET, DELETE)),
            Map.entry(Tables.GRANTS, List.of(DELETE)),
            Map.entry(Tables.PAIRING_CODES, List.of(DELETE)),
            Map.entry(Tables.ENDPOINT_STATE, List.of(SCAN, DELETE)));

    /** What a connector's credentials may do before the per-home session policy narrows them. */
    static final List<String> CONNECTOR_QUEUE_ACTIONS =
            List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes");

    static final List<String> CONNECTOR_REPLY_ACTIONS = List.of(PUT);

    /** The catalog builder runs its merge query in its own workgroup and reads the answer (CatalogBuilderHandler). */
    static final List<String> CATALOG_ATHENA = List.of(
            "athena:StartQueryExecution",
            "athena:GetQueryExecution",
            "athena:GetQueryResults",
            "athena:StopQueryExecution");
    /** What Athena reads of the snapshots table's definition, with the caller's rights, to plan a query. */
    static final List<String> CATALOG_GLUE = List.of("glue:GetDatabase", "glue:GetTable", "glue:GetPartitions");
    /**
     * Stage 1 of the merge is a CTAS into a Parquet table of the run's own ({@code per_home_<run>}),
     * dropped after stage 2 (AthenaMerge): the builder creates and deletes exactly those tables.
     */
    static final List<String> CATALOG_GLUE_RUN_TABLES =
            List.of("glue:GetTable", "glue:CreateTable", "glue:DeleteTable");
    /** Athena asks where a bucket is before it reads or writes there (both buckets, bucket-level). */
    static final List<String> BUCKET_LOCATION = List.of("s3:GetBucketLocation");
    /** Snapshots: read by Athena (with the builder's rights) and by the builder to see what changed. */
    static final List<String> SNAPSHOT_READ = List.of("s3:GetObject");

    static final List<String> LIST = List.of("s3:ListBucket");
    /** What the build keeps between runs under catalogs/: ledgers and the documents it uploaded. */
    static final List<String> CATALOG_STATE = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
    /** Athena writes each result under athena/ with the caller's rights; GetQueryResults reads it back. */
    static final List<String> QUERY_RESULTS_OBJECTS =
            List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");

    static final List<String> QUERY_RESULTS_BUCKET = List.of("s3:ListBucket", "s3:ListBucketMultipartUploads");
    static final List<String> SMAPI_SECRET = List.of("secretsmanager:GetSecretValue");
    /** The relay API presigns each home's snapshot upload with its own role: the URL can do what the role can. */
    static final List<String> SNAPSHOT_UPLOAD = List.of("s3:PutObject");

    private Access() {}
}
