package io.musicassistant.alexa.control.smarthome.capabilities;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code Alexa}: every endpoint declares it; it carries ReportState. */
public record AlexaBase() implements Capability {

    @Override
    public String namespace() {
        return "Alexa";
    }

    @Override
    public List<String> directives() {
        return List.of("ReportState");
    }

    @Override
    public Map<String, Object> declaration(PlayerInfo player) {
        return Map.of("type", "AlexaInterface", "interface", "Alexa", "version", "3");
    }

    @Override
    public List<Property> properties(PlayerInfo player, Instant at) {
        return List.of();
    }
}
