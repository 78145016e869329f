package io.musicassistant.alexa.control.smarthome.capabilities;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One Alexa interface an endpoint can declare, as Home Assistant's alexa component models them
 * (homeassistant/components/alexa/capabilities.py): whether a Music Assistant player gets it,
 * how it is declared at discovery, and the properties it reports.
 */
public sealed interface Capability
        permits AlexaBase,
                PlaybackController,
                Speaker,
                PowerController,
                PlaybackStateReporter,
                EndpointHealth,
                ContactSensor {

    String namespace();

    /**
     * The directives of this interface that Alexa may send an endpoint declaring it; each must have
     * exactly one handler (a test holds the handlers to this). Most property-only interfaces have none.
     */
    default List<String> directives() {
        return List.of();
    }

    /** Whether a player gets this interface, from its MA {@code supported_features}; most apply to every player. */
    default boolean appliesTo(PlayerInfo player) {
        return true;
    }

    /** The discovery declaration for this player: {@code {type: AlexaInterface, interface, version, …}}. */
    Map<String, Object> declaration(PlayerInfo player);

    /** The interface's properties for this player now; empty for interfaces without properties. */
    List<Property> properties(PlayerInfo player, Instant at);

    /**
     * The properties with the routine trigger's state ({@link ContactSensor}), which only the cloud
     * knows; every other interface samples the player alone.
     */
    default List<Property> properties(PlayerInfo player, boolean detected, Instant at) {
        return properties(player, at);
    }

    /** The declaration of an interface with retrievable, proactively reported properties. */
    static Map<String, Object> reporting(String namespace, String version, List<String> names) {
        return Map.of(
                "type",
                "AlexaInterface",
                "interface",
                namespace,
                "version",
                version,
                "properties",
                Map.of(
                        "supported", names.stream().map(n -> Map.of("name", n)).toList(),
                        "proactivelyReported", true,
                        "retrievable", true));
    }
}
