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
 * What Alexa was last told about each player of a home: property values (without sample times)
 * and a hash of the discovery description. Directive answers, discovery and reports all update it,
 * so a change Alexa caused is never reported back to it, and an unchanged property never is.
 */
public final class EndpointStates {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    public Optional<Snapshot> get(String instanceId, String playerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attrs.key(Tables.ENDPOINT_STATE.key(), key(instanceId, playerId)))).item();
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

    public void put(String instanceId, String playerId, Snapshot snapshot) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                Tables.ENDPOINT_STATE.key(), Attrs.s(key(instanceId, playerId)),
                "properties", Attrs.s(snapshot.values().toString()),
                "descriptor", Attrs.s(snapshot.descriptor()),
                "updated_at_ms", Attrs.n(clock.millis()))));
    }

    public void remember(String instanceId, PlayerInfo player, List<Property> properties) {
        put(instanceId, player.playerId(), Snapshot.of(player, properties));
    }

    public void delete(String instanceId, String playerId) {
        dynamo.deleteItem(b -> b.tableName(table).key(Attrs.key(Tables.ENDPOINT_STATE.key(), key(instanceId, playerId))));
    }

    private static String key(String instanceId, String playerId) {
        return instanceId + "#" + playerId;
    }
}
