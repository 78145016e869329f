package io.musicassistant.alexa.control.smarthome.capabilities;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code Alexa.PlaybackStateReporter}: {@code playbackState} PLAYING, PAUSED or STOPPED. */
public record PlaybackStateReporter() implements Capability {

    public static final String NAMESPACE = "Alexa.PlaybackStateReporter";

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public Map<String, Object> declaration(PlayerInfo player) {
        return Capability.reporting(NAMESPACE, "1.0", List.of("playbackState"));
    }

    @Override
    public List<Property> properties(PlayerInfo player, Instant at) {
        String state = switch (player.playbackState() == null ? PlayerInfo.IDLE : player.playbackState()) {
            case PlayerInfo.PLAYING -> "PLAYING";
            case PlayerInfo.PAUSED -> "PAUSED";
            default -> "STOPPED";
        };
        return List.of(Property.of(NAMESPACE, "playbackState", Map.of("state", state), at));
    }
}
