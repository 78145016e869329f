package io.musicassistant.alexa.masim.player;

import java.util.List;

/**
 * MA's {@code PlayerConfig}: root values plus the player's settings with their current values.
 * It outlives the player: a player that disconnects keeps its config, and gets it back when it
 * registers again.
 */
public record PlayerConfig(
        String provider,
        String playerId,
        boolean enabled,
        String name,
        String defaultName,
        PlayerType playerType,
        List<Value> values) {

    /** One setting with its effective value (the default when never saved). */
    public record Value(PlayerConfigEntry entry, Object value) {}

    public PlayerConfig {
        values = List.copyOf(values);
    }

    public Object value(String key) {
        return values.stream()
                .filter(v -> v.entry().key().equals(key))
                .findFirst()
                .map(Value::value)
                .orElse(null);
    }
}
