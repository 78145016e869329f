package io.musicassistant.alexa.control.smarthome.capabilities;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code Alexa.PowerController}: TurnOn/TurnOff, {@code powerState}; only for players MA can switch (feature {@code power}). */
public record PowerController() implements Capability {

    public static final String NAMESPACE = "Alexa.PowerController";

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public List<String> directives() {
        return List.of("TurnOn", "TurnOff");
    }

    @Override
    public boolean appliesTo(PlayerInfo player) {
        return player.supports("power");
    }

    @Override
    public Map<String, Object> declaration(PlayerInfo player) {
        return Capability.reporting(NAMESPACE, "3", List.of("powerState"));
    }

    @Override
    public List<Property> properties(PlayerInfo player, Instant at) {
        return List.of(Property.of(NAMESPACE, "powerState", player.powered() ? "ON" : "OFF", at));
    }
}
