package io.musicassistant.alexa.control.smarthome.capabilities;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code Alexa.EndpointHealth}: {@code connectivity} OK while Music Assistant can reach the player. */
public record EndpointHealth() implements Capability {

    public static final String NAMESPACE = "Alexa.EndpointHealth";

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public Map<String, Object> declaration(PlayerInfo player) {
        return Capability.reporting(NAMESPACE, "3", List.of("connectivity"));
    }

    @Override
    public List<Property> properties(PlayerInfo player, Instant at) {
        return List.of(
                Property.of(NAMESPACE, "connectivity", Map.of("value", player.available() ? "OK" : "UNREACHABLE"), at));
    }
}
