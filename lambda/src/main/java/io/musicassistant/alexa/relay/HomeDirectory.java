package io.musicassistant.alexa.relay;

import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads homes and the links from users to homes. Writes belong to {@code relayapi.HomeRegistry} and {@code accounts.Pairing}. */
public final class HomeDirectory {

    public static final String HOME_NAME = "home_name";
    public static final String QUEUE_URL = "queue_url";
    public static final String HEARTBEAT_AT = "heartbeat_at_ms";
    public static final String STATUS = "status";
    public static final String MA_CONNECTED = "ma_connected";
    public static final String STREAM_BASE = "stream_base";
    /** Set while the connector's self-test finds that Echo devices cannot fetch audio through its stream base. */
    public static final String STREAM_PROBLEM = "stream_problem";

    public static final String SECRET_HASH = "secret_hash";
    /** true when the home's connector acknowledges commands on receipt (from its heartbeats). */
    public static final String ACKS = "acks";
    /** Epoch ms when a command went unacknowledged; removed by the next sign of life. */
    public static final String SUSPECT_SINCE = "suspect_since_ms";
    /** Epoch ms when a command was last let through to a suspect home. */
    public static final String PROBE_AT = "probe_at_ms";
    /** {@code unreachable} while linked accounts' Alexa was told the home's players are unreachable. */
    public static final String HEALTH_TOLD = "health_told";
    /** The Amazon accounts (LWA user ids) linked to the home, a string set kept by {@code accounts.Pairing} in transactions. */
    public static final String LINKED_USERS = "linked_user_ids";

    public static final String PAIRING_CODE_HASH = "pairing_code_hash";
    public static final String LINKED_INSTANCE = "instance_id";

    private final DynamoDbClient dynamo;
    private final String homes;
    private final String links;

    public HomeDirectory(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.homes = tables.name(Tables.HOMES);
        this.links = tables.name(Tables.LINKS);
    }

    /** The home a user has paired, if any. */
    public Optional<String> linkedInstance(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(links).key(Attrs.key(Tables.LINKS.key(), userId)))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(Attrs.str(item, LINKED_INSTANCE));
    }

    public Optional<Home> home(String instanceId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(homes).key(Attrs.key(Tables.HOMES.key(), instanceId)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toHome(item));
    }

    /** The user's home, or empty when the user has not paired one (or it was deleted since). */
    public Optional<Home> homeOf(String userId) {
        return linkedInstance(userId).flatMap(this::home);
    }

    /** The Amazon accounts linked to a home (whom its players' changes are reported to). */
    public List<String> linkedUsers(String instanceId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(homes)
                        .key(Attrs.key(Tables.HOMES.key(), instanceId))
                        .projectionExpression("linked_user_ids"))
                .item();
        AttributeValue users = item == null ? null : item.get("linked_user_ids");
        return users == null || !users.hasSs() ? List.of() : users.ss();
    }

    /**
     * Every home, page by page (the health sweep, docs/relay-protocol.md "Offline homes in the Alexa
     * app"): each with whether Alexa was last told its players are unreachable.
     */
    public void eachHome(java.util.function.BiConsumer<Home, Boolean> action) {
        dynamo.scanPaginator(b -> b.tableName(homes))
                .items()
                .forEach(item -> action.accept(toHome(item), "unreachable".equals(Attrs.str(item, HEALTH_TOLD))));
    }

    /** Records what linked accounts' Alexa was told about the home's reachability. */
    public void healthTold(String instanceId, boolean unreachable) {
        try {
            dynamo.updateItem(b -> b.tableName(homes)
                    .key(Attrs.key(Tables.HOMES.key(), instanceId))
                    .updateExpression(unreachable ? "SET #h = :u" : "REMOVE #h")
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#h", HEALTH_TOLD, "#id", Tables.HOMES.key()))
                    .expressionAttributeValues(unreachable ? Map.of(":u", Attrs.s("unreachable")) : null));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException deleted) {
            // the home was removed meanwhile
        }
    }

    public static Home toHome(Map<String, AttributeValue> item) {
        long heartbeat = Attrs.num(item, HEARTBEAT_AT, 0);
        long suspect = Attrs.num(item, SUSPECT_SINCE, 0);
        long probe = Attrs.num(item, PROBE_AT, 0);
        return new Home(
                Attrs.str(item, Tables.HOMES.key()),
                Attrs.str(item, HOME_NAME),
                Attrs.str(item, QUEUE_URL),
                heartbeat == 0 ? null : Instant.ofEpochMilli(heartbeat),
                Attrs.str(item, STATUS),
                Attrs.flag(item, MA_CONNECTED, false),
                Attrs.str(item, STREAM_BASE),
                Attrs.str(item, STREAM_PROBLEM),
                Attrs.flag(item, ACKS, false),
                suspect == 0 ? null : Instant.ofEpochMilli(suspect),
                probe == 0 ? null : Instant.ofEpochMilli(probe));
    }
}
