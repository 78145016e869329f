package io.musicassistant.alexa.control.smarthome.capabilities;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code Alexa.ContactSensor}: the routine trigger of an Echo player (issue 16). It has no
 * directives; {@code detectionState} is DETECTED while a play request from Music Assistant waits
 * for the user's routine, NOT_DETECTED otherwise. The state is the cloud's, not the player's
 * (EndpointStates keeps it), so the player alone samples it as NOT_DETECTED.
 */
public record ContactSensor() implements Capability {

    public static final String NAMESPACE = "Alexa.ContactSensor";
    public static final String DETECTED = "DETECTED";
    public static final String NOT_DETECTED = "NOT_DETECTED";

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public boolean appliesTo(PlayerInfo player) {
        return PlayerInfo.TYPE_ECHO.equals(player.type());
    }

    @Override
    public Map<String, Object> declaration(PlayerInfo player) {
        return Capability.reporting(NAMESPACE, "3", List.of("detectionState"));
    }

    @Override
    public List<Property> properties(PlayerInfo player, Instant at) {
        return properties(player, false, at);
    }

    @Override
    public List<Property> properties(PlayerInfo player, boolean detected, Instant at) {
        return List.of(Property.of(NAMESPACE, "detectionState", detected ? DETECTED : NOT_DETECTED, at));
    }
}
