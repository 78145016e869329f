package io.musicassistant.alexa.control.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.control.smarthome.Endpoints;
import io.musicassistant.alexa.control.smarthome.Property;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Secrets;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What each Alexa account was last told about each player of a home: property values (without
 * sample times) and a hash of the discovery description. Directive answers and discovery write it
 * for the account that asked; reports write it for an account only once the gateway accepted them.
 * So a change an account's Alexa made is never reported back to it, an unchanged property never
 * is, and a report that did not go out is sent again with the next news.
 */
public final class EndpointStates {

    /** Sorted keys: the description hash must not depend on a JVM's map iteration order. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

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
            return Secrets.sha256Hex(JSON.writeValueAsString(Endpoints.describe(player))).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Snapshot> get(String instanceId, String userId, String playerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attrs.key(Tables.ENDPOINT_STATE.key(), key(instanceId, userId, playerId)))).item();
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

    public void put(String instanceId, String userId, String playerId, Snapshot snapshot) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                Tables.ENDPOINT_STATE.key(), Attrs.s(key(instanceId, userId, playerId)),
                "properties", Attrs.s(snapshot.values().toString()),
                "descriptor", Attrs.s(snapshot.descriptor()),
                "updated_at_ms", Attrs.n(clock.millis()))));
    }

    /** Discovery told the account everything about the player. */
    public void remember(String instanceId, String userId, PlayerInfo player, List<Property> properties) {
        put(instanceId, userId, player.playerId(), Snapshot.of(player, properties));
    }

    /**
     * A directive's answer told the account the player's properties, but not its description (a
     * rename still needs an AddOrUpdateReport); Alexa knows the endpoint, since it sent the directive.
     */
    public void rememberValues(String instanceId, String userId, PlayerInfo player, List<Property> properties) {
        Snapshot now = Snapshot.of(player, properties);
        // One write: the stored description hash stays, and is set only for a player not seen before.
        dynamo.updateItem(b -> b.tableName(table)
                .key(Attrs.key(Tables.ENDPOINT_STATE.key(), key(instanceId, userId, player.playerId())))
                .updateExpression("SET #p = :p, #t = :t, #d = if_not_exists(#d, :d)")
                .expressionAttributeNames(Map.of("#p", "properties", "#t", "updated_at_ms", "#d", "descriptor"))
                .expressionAttributeValues(Map.of(":p", Attrs.s(now.values().toString()), ":t", Attrs.n(clock.millis()),
                        ":d", Attrs.s(now.descriptor()))));
    }

    public void delete(String instanceId, String userId, String playerId) {
        dynamo.deleteItem(b -> b.tableName(table).key(Attrs.key(Tables.ENDPOINT_STATE.key(), key(instanceId, userId, playerId))));
    }

    private static String key(String instanceId, String userId, String playerId) {
        return instanceId + "#" + userId + "#" + playerId;
    }
}
