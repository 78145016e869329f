package io.musicassistant.alexa.platform;

import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB tables of the cloud side. Each has a single string partition key and a TTL
 * attribute {@code expires_at} (epoch seconds) where rows are temporary. The infrastructure code
 * and the local stack both create tables from this list; docs/data-model.md describes the rows.
 */
public final class Tables {

    /** One table: its name without the deployment prefix, its key and its TTL attribute (or null). */
    public record Spec(String suffix, String key, String ttlAttribute) {}

    public static final String TTL = "expires_at";

    /** sha256(access token) → LWA user id, until the token expires. */
    public static final Spec TOKENS = new Spec("tokens", "token_hash", TTL);
    /** instance id → secret hash, queue URL, heartbeat, Music Assistant status. */
    public static final Spec HOMES = new Spec("homes", "instance_id", null);
    /** LWA user id → instance id: which home a user's Alexa talks to. */
    public static final Spec LINKS = new Spec("links", "user_id", null);
    /** sha256(pairing code) → instance id, single use, short-lived. */
    public static final Spec PAIRING_CODES = new Spec("pairing_codes", "code_hash", TTL);
    /** {@code <instance id>#<request id>} → the home's reply to one relay command. */
    public static final Spec REPLIES = new Spec("replies", RelayProtocol.ReplyTable.KEY, TTL);
    /** {@code <instance id>#<x|c>#<content id>} → resolved content (x: explicit allowed, c: clean), tracks, stream URLs. */
    public static final Spec CONTENT = new Spec("content", "content_key", TTL);
    /** queue id → shuffle/loop/repeat state, written only when the user changes one. */
    public static final Spec QUEUES = new Spec("queues", "queue_id", TTL);
    /** rate-limit bucket → count within its window. */
    public static final Spec RATE_LIMITS = new Spec("rate_limits", "bucket", TTL);
    /** LWA user id → the event-gateway grant from AcceptGrant (tokens encrypted). */
    public static final Spec GRANTS = new Spec("grants", "user_id", null);
    /** {@code <instance id>#<user id>#<player id>} → the properties and description last told to that user's Alexa. */
    public static final Spec ENDPOINT_STATE = new Spec("endpoint_state", "endpoint_key", null);

    /**
     * {@code skill#<sha256(skill:skill-scoped user id)>} → LWA user id, and {@code account#<LWA user id>}
     * → the skills it linked: what skill events (which name only the skill-scoped id) act on.
     */
    public static final Spec SKILL_USERS = new Spec("skill_users", "skill_user", null);

    public static final List<Spec> ALL = List.of(
            TOKENS,
            HOMES,
            LINKS,
            PAIRING_CODES,
            REPLIES,
            CONTENT,
            QUEUES,
            RATE_LIMITS,
            GRANTS,
            ENDPOINT_STATE,
            SKILL_USERS);

    private final String prefix;

    public Tables(String prefix) {
        this.prefix = prefix;
    }

    public String name(Spec spec) {
        return prefix + spec.suffix();
    }

    /**
     * A home's relay queue: {@code <prefix>relay-<instance id>}. The deployment's prefix keeps two
     * deployments in one account from reaching each other's queues (IAM grants name the prefix).
     */
    public String queueName(String instanceId) {
        return prefix + "relay-" + instanceId;
    }

    /** Creates every table that does not exist yet (local stack and tests; AWS uses infrastructure/). */
    public void createAll(DynamoDbClient dynamo) {
        for (Spec spec : ALL) {
            try {
                dynamo.createTable(b -> b.tableName(name(spec))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName(spec.key())
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName(spec.key())
                                .keyType(KeyType.HASH)
                                .build()));
                if (spec.ttlAttribute() != null) {
                    dynamo.updateTimeToLive(b -> b.tableName(name(spec))
                            .timeToLiveSpecification(t -> t.enabled(true).attributeName(spec.ttlAttribute())));
                }
            } catch (ResourceInUseException alreadyThere) {
                // Idempotent by design: the local stack may restart against a persistent DynamoDB.
            }
        }
    }
}
