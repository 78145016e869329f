package io.musicassistant.alexa.control.smarthome.capabilities;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Alexa.PlaybackController}: Play, Pause, Stop, Next, Previous. Every MA player can play and
 * stop (MA routes transport through its queue); pause and next/previous follow MA's features.
 */
public record PlaybackController() implements Capability {

    public static final String NAMESPACE = "Alexa.PlaybackController";

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public List<String> directives() {
        return List.of("Play", "Pause", "Stop", "Next", "Previous");
    }

    @Override
    public Map<String, Object> declaration(PlayerInfo player) {
        List<String> operations = new ArrayList<>(List.of("Play", "Stop"));
        if (player.supports("pause")) {
            operations.add("Pause");
        }
        // MA's queue can skip even for players without next_previous of their own.
        operations.add("Next");
        operations.add("Previous");
        return Map.of(
                "type", "AlexaInterface", "interface", NAMESPACE, "version", "3", "supportedOperations", operations);
    }

    @Override
    public List<Property> properties(PlayerInfo player, Instant at) {
        return List.of();
    }
}
