package io.musicassistant.alexa.control.smarthome.capabilities;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Alexa.Speaker}: SetVolume, AdjustVolume, SetMute; {@code volume} (0–100) and, for players
 * with MA's {@code volume_mute} feature, {@code muted}. Declared for players with {@code volume_set}:
 * MA always knows their absolute volume, so StepSpeaker is never needed (MA's volume_up and
 * volume_down are steps on that same scale).
 */
public record Speaker() implements Capability {

    public static final String NAMESPACE = "Alexa.Speaker";

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public List<String> directives() {
        return List.of("SetVolume", "AdjustVolume", "SetMute");
    }

    @Override
    public boolean appliesTo(PlayerInfo player) {
        return player.supports("volume_set");
    }

    @Override
    public Map<String, Object> declaration(PlayerInfo player) {
        return Capability.reporting(
                NAMESPACE, "3", player.supports("volume_mute") ? List.of("volume", "muted") : List.of("volume"));
    }

    @Override
    public List<Property> properties(PlayerInfo player, Instant at) {
        List<Property> properties = new ArrayList<>(2);
        properties.add(Property.of(NAMESPACE, "volume", player.volumeLevel() == null ? 0 : player.volumeLevel(), at));
        if (player.supports("volume_mute")) {
            properties.add(Property.of(NAMESPACE, "muted", Boolean.TRUE.equals(player.muted()), at));
        }
        return properties;
    }
}
