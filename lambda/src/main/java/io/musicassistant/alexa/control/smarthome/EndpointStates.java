package io.musicassistant.alexa.control.smarthome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.control.smarthome.capabilities.Property;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What each Alexa account was last told about each player of a home: property values (without
 * sample times) and a hash of the discovery description. Directive answers and discovery write it
 * for the account that asked; reports write it for an account only once the gateway accepted them.
 * So a change an account's Alexa made is never reported back to it, an unchanged property never
 * is, and a report that did not go out is sent again with the next news. Each row carries the time
 * its state was sampled, and an older sample never replaces a newer one.
 */
public final class EndpointStates {

    /** Sorted keys: the description hash must not depend on a JVM's map iteration order. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    static final String SAMPLED_AT = "sampled_at_ms";
    static final String PLAYERS = "player_ids";
    static final String VOICE_AT = "voice_at_ms";
    static final String TRIGGER_AT = "detected_at_ms";
    /** The connector closes a trigger seconds after opening it; one open this long lost its reset. */
    public static final java.time.Duration TRIGGER_HOLD = java.time.Duration.ofMinutes(2);
    /** Rows written before sample times existed have none; anything may replace them. */
    private static final String NOT_NEWER = "attribute_not_exists(#s) OR #s <= :s";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public EndpointStates(DynamoDbClient dynamo, Tables tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.ENDPOINT_STATE);
        this.clock = clock;
    }

    /** The last known state: property key ({@code namespace.name}) → value, and the description's hash. */
    public record Snapshot(ObjectNode values, String descriptor) {

        public static Snapshot of(PlayerInfo player, List<Property> properties) {
            ObjectNode values = JSON.createObjectNode();
            properties.forEach(p -> values.set(p.key(), JSON.valueToTree(p.value())));
            return new Snapshot(values, descriptorHash(player));
        }

        public boolean same(Property p) {
            return JSON.valueToTree(p.value()).equals(values.get(p.key()));
        }
    }

    /** A hash of what discovery says about a player: a change means an AddOrUpdateReport. */
    public static String descriptorHash(PlayerInfo player) {
        try {
            return Hashes.sha256Hex(JSON.writeValueAsString(Endpoints.describe(player)))
                    .substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Snapshot> get(String instanceId, String userId, String playerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Attrs.key(Tables.ENDPOINT_STATE.key(), key(instanceId, userId, playerId))))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode values = JSON.readTree(Attrs.str(item, "properties"));
            return Optional.of(new Snapshot((ObjectNode) values, Attrs.str(item, "descriptor")));
        } catch (JsonProcessingException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores what the account was told, unless a newer sample is stored already: a directive answer
     * and a report for the same player can land in either order, and the older must not win.
     *
     * @param sampledAtMs when the told state was read from the home (a directive's reply, a post's arrival)
     * @return false when a newer sample was kept
     */
    public boolean put(String instanceId, String userId, String playerId, Snapshot snapshot, long sampledAtMs) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            Tables.ENDPOINT_STATE.key(),
                            Attrs.s(key(instanceId, userId, playerId)),
                            "properties",
                            Attrs.s(snapshot.values().toString()),
                            "descriptor",
                            Attrs.s(snapshot.descriptor()),
                            SAMPLED_AT,
                            Attrs.n(sampledAtMs),
                            "updated_at_ms",
                            Attrs.n(clock.millis())))
                    .conditionExpression(NOT_NEWER)
                    .expressionAttributeNames(Map.of("#s", SAMPLED_AT))
                    .expressionAttributeValues(Map.of(":s", Attrs.n(sampledAtMs))));
            return true;
        } catch (ConditionalCheckFailedException newerKept) {
            return false;
        }
    }

    /** Discovery told the account everything about the player. */
    public void remember(String instanceId, String userId, PlayerInfo player, List<Property> properties) {
        put(instanceId, userId, player.playerId(), Snapshot.of(player, properties), clock.millis());
    }

    /**
     * A directive's answer told the account the player's properties, but not its description (a
     * rename still needs an AddOrUpdateReport); Alexa knows the endpoint, since it sent the directive.
     */
    public void rememberValues(
            String instanceId, String userId, PlayerInfo player, List<Property> properties, long sampledAtMs) {
        Snapshot now = Snapshot.of(player, properties);
        try {
            // One write: the stored description hash stays, and is set only for a player not seen before.
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Attrs.key(Tables.ENDPOINT_STATE.key(), key(instanceId, userId, player.playerId())))
                    .updateExpression("SET #p = :p, #t = :t, #d = if_not_exists(#d, :d), #s = :s")
                    .conditionExpression(NOT_NEWER)
                    .expressionAttributeNames(
                            Map.of("#p", "properties", "#t", "updated_at_ms", "#d", "descriptor", "#s", SAMPLED_AT))
                    .expressionAttributeValues(Map.of(
                            ":p",
                            Attrs.s(now.values().toString()),
                            ":t",
                            Attrs.n(clock.millis()),
                            ":d",
                            Attrs.s(now.descriptor()),
                            ":s",
                            Attrs.n(sampledAtMs))));
        } catch (ConditionalCheckFailedException newerKept) {
            // a report with a newer sample got there first
        }
    }

    public void delete(String instanceId, String userId, String playerId) {
        dynamo.deleteItem(
                b -> b.tableName(table).key(Attrs.key(Tables.ENDPOINT_STATE.key(), key(instanceId, userId, playerId))));
    }

    /**
     * The players an account's Alexa knows of a home (discovery, AddOrUpdateReport, minus
     * DeleteReport): whom "the home is offline" must be told about, when the home cannot be asked.
     * One row per account and home, {@code <instance id>#<user id>}, beside the per-player rows.
     */
    public Set<String> knownPlayers(String instanceId, String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Attrs.key(Tables.ENDPOINT_STATE.key(), knownKey(instanceId, userId))))
                .item();
        AttributeValue players = item == null ? null : item.get(PLAYERS);
        return players == null || !players.hasSs() ? Set.of() : Set.copyOf(players.ss());
    }

    /** Discovery: the account knows exactly these players now. */
    public void knowExactly(String instanceId, String userId, Collection<String> playerIds) {
        Map<String, AttributeValue> item =
                new java.util.HashMap<>(Map.of(Tables.ENDPOINT_STATE.key(), Attrs.s(knownKey(instanceId, userId))));
        if (!playerIds.isEmpty()) {
            item.put(PLAYERS, AttributeValue.fromSs(List.copyOf(new java.util.TreeSet<>(playerIds))));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** AddOrUpdateReport ({@code add}) or DeleteReport went out for these players. */
    public void know(String instanceId, String userId, Collection<String> playerIds, boolean add) {
        if (playerIds.isEmpty()) {
            return;
        }
        dynamo.updateItem(b -> b.tableName(table)
                .key(Attrs.key(Tables.ENDPOINT_STATE.key(), knownKey(instanceId, userId)))
                .updateExpression((add ? "ADD" : "DELETE") + " #pl :ids")
                .expressionAttributeNames(Map.of("#pl", PLAYERS))
                .expressionAttributeValues(
                        Map.of(":ids", AttributeValue.fromSs(List.copyOf(new java.util.TreeSet<>(playerIds))))));
    }

    /**
     * The voice model is about to change this player: the change that Music Assistant reports back
     * in a moment was made by voice ({@code VOICE_INTERACTION}), not in an app. One row per player
     * of a home, {@code <instance id>#voice#<player id>}.
     */
    public void changingByVoice(String instanceId, String playerId) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        Tables.ENDPOINT_STATE.key(),
                        Attrs.s(voiceKey(instanceId, playerId)),
                        VOICE_AT,
                        Attrs.n(clock.millis()))));
    }

    /** Whether the voice model changed this player within {@code window}. */
    public boolean changedByVoice(String instanceId, String playerId, java.time.Duration window) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Attrs.key(Tables.ENDPOINT_STATE.key(), voiceKey(instanceId, playerId))))
                .item();
        long at = item == null ? 0 : Attrs.num(item, VOICE_AT, 0);
        return at > 0 && clock.millis() - at <= window.toMillis();
    }

    /**
     * An Echo player's trigger (issue 16) opened ({@code detected}: play was pressed in Music
     * Assistant) or closed again. One row per player of a home, {@code <instance id>#trigger#<player id>},
     * for every account alike: the trigger is the home's, not an account's.
     */
    public void trigger(String instanceId, String playerId, boolean detected) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        Tables.ENDPOINT_STATE.key(),
                        Attrs.s(triggerKey(instanceId, playerId)),
                        TRIGGER_AT,
                        Attrs.n(detected ? clock.millis() : 0))));
    }

    /**
     * Whether the trigger is open now. One opened longer than {@link #TRIGGER_HOLD} ago counts as
     * closed: its reset was lost (a connector that stopped), and ReportState must not keep it open.
     */
    public boolean triggered(String instanceId, String playerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Attrs.key(Tables.ENDPOINT_STATE.key(), triggerKey(instanceId, playerId))))
                .item();
        long at = item == null ? 0 : Attrs.num(item, TRIGGER_AT, 0);
        return at > 0 && clock.millis() - at <= TRIGGER_HOLD.toMillis();
    }

    /** The player's properties now, with its trigger's state when it is an Echo player (one read more). */
    public List<Property> properties(String instanceId, PlayerInfo player, java.time.Instant at) {
        boolean detected = Endpoints.isTrigger(player) && triggered(instanceId, player.playerId());
        return Endpoints.properties(player, detected, at);
    }

    private static String triggerKey(String instanceId, String playerId) {
        return instanceId + "#trigger#" + playerId;
    }

    /** The row of the players an account knows in a home. */
    private static String knownKey(String instanceId, String userId) {
        return instanceId + "#" + userId;
    }

    /** The row that marks a player as being changed by voice. */
    private static String voiceKey(String instanceId, String playerId) {
        return instanceId + "#voice#" + playerId;
    }

    private static String key(String instanceId, String userId, String playerId) {
        return instanceId + "#" + userId + "#" + playerId;
    }
}
