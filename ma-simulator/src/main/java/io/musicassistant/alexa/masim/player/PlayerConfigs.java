package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The player configs of MA's config controller ({@code controllers/config.py}: {@code
 * get_player_config}, {@code get_player_configs}, {@code save_player_config}). Every public method
 * holds the hub's monitor, so a save's {@code player_config_updated} and {@code player_updated}
 * leave in order with every other event.
 */
public final class PlayerConfigs {

    private final PlayerHub hub;
    private final Map<String, ConfigState> configs = new LinkedHashMap<>();

    PlayerConfigs(PlayerHub hub) {
        this.hub = hub;
    }

    /** {@code config/players/get}; empty when the player was never seen. */
    public Optional<PlayerConfig> get(String playerId) {
        synchronized (hub) {
            ConfigState config = configs.get(playerId);
            return config == null ? Optional.empty() : Optional.of(config.snapshot(playerId));
        }
    }

    /** {@code config/players}: every known player's config, also of players now gone. */
    public List<PlayerConfig> all() {
        synchronized (hub) {
            return configs.entrySet().stream()
                    .map(e -> e.getValue().snapshot(e.getKey()))
                    .toList();
        }
    }

    /** One setting's effective value, or null for an unknown player or key. */
    public Object value(String playerId, String key) {
        synchronized (hub) {
            ConfigState config = configs.get(playerId);
            return config == null ? null : config.value(key);
        }
    }

    /**
     * {@code config/players/save}: {@code enabled} and {@code name} are root values, other known
     * keys are settings (unknown keys are ignored). Changes emit {@code player_config_updated}
     * and then apply to the player.
     */
    public PlayerConfig save(String playerId, Map<String, Object> values) {
        synchronized (hub) {
            ConfigState config = configs.get(playerId);
            if (config == null) {
                throw MaError.keyError("No config found for player id " + playerId);
            }
            boolean changed = false;
            for (Map.Entry<String, Object> change : values.entrySet()) {
                changed |= config.set(change.getKey(), change.getValue());
            }
            PlayerConfig snapshot = config.snapshot(playerId);
            if (changed) {
                hub.listener().playerConfigUpdated(snapshot);
                hub.players.applyConfig(playerId);
            }
            return snapshot;
        }
    }

    /**
     * {@code config/players/remove} (newest controllers/config.py): forgets the config of a player
     * that is gone; a registered player's is refused (its provider cannot remove players).
     */
    public void remove(String playerId) {
        synchronized (hub) {
            if (!configs.containsKey(playerId)) {
                throw MaError.keyError("Player configuration for " + playerId + " does not exist");
            }
            if (hub.players.find(playerId) != null) {
                throw MaError.of(ErrorCode.ACTION_UNAVAILABLE, "Can not remove config for an active player!");
            }
            configs.remove(playerId);
        }
    }

    // ---------------------------------------------------------------- for the players controller

    /** A seeded player's config, as MA starts it. */
    void seed(PlayerState state) {
        configs.put(state.playerId(), ConfigState.of(state));
    }

    /** A player registers: its stored config (else a new one) takes the name the provider reports as default. */
    void registered(PlayerState state) {
        ConfigState config = configs.computeIfAbsent(state.playerId(), id -> ConfigState.of(state));
        config.defaultName = state.name();
        config.providerDevice = state.device();
    }

    /** The provider learned the player's own name; false for a player without a config. */
    boolean providerNameChanged(String playerId, String name) {
        ConfigState config = configs.get(playerId);
        if (config == null) {
            return false;
        }
        config.defaultName = name;
        return true;
    }

    /**
     * The player's name, enabled, hide_in_ui and power, volume and mute controls as its config says
     * (the config wins over the provider).
     */
    PlayerState applyTo(PlayerState state) {
        ConfigState config = configs.get(state.playerId());
        PlayerDevice own = config.providerDevice != null ? config.providerDevice : state.device();
        return state.withDevice(own.withControls(
                        config.control(PlayerConfigEntry.POWER_CONTROL, own.powerControl()),
                        config.control(PlayerConfigEntry.VOLUME_CONTROL, own.volumeControl()),
                        config.control(PlayerConfigEntry.MUTE_CONTROL, own.muteControl())))
                .withName(config.name != null ? config.name : config.defaultName)
                .withEnabled(config.enabled)
                .withHideInUi(Boolean.TRUE.equals(config.value(PlayerConfigEntry.HIDE_IN_UI)));
    }

    /** A player's stored config (MA keeps it in settings.json, also while the player is gone). */
    private static final class ConfigState {
        final String provider;
        final PlayerType type;
        final List<PlayerConfigEntry> entries;
        final Map<String, Object> values = new HashMap<>();
        String defaultName;
        String name;
        /** The device as its provider registered it: its own controls, which a config may override. */
        PlayerDevice providerDevice;

        boolean enabled = true;

        /** A player's config as MA starts it: Slimproto options for squeezelite players. */
        static ConfigState of(PlayerState state) {
            ConfigState config = new ConfigState(
                    state.device().provider(),
                    state.type(),
                    state.name(),
                    state.device().provider().startsWith("squeezelite"));
            config.providerDevice = state.device();
            return config;
        }

        ConfigState(String provider, PlayerType type, String defaultName, boolean slimproto) {
            this.provider = provider;
            this.type = type;
            this.defaultName = defaultName;
            this.entries = PlayerConfigEntry.forPlayer(slimproto);
        }

        /** Stores one saved value; true when it changed what the config says. */
        boolean set(String key, Object value) {
            switch (key) {
                case "enabled" -> {
                    boolean next = !Boolean.FALSE.equals(value) && value != null;
                    boolean changed = enabled != next;
                    enabled = next;
                    return changed;
                }
                case "name" -> {
                    String next = value == null || value.toString().isEmpty() ? null : value.toString();
                    boolean changed = !Objects.equals(name, next);
                    name = next;
                    return changed;
                }
                default -> {
                    Optional<PlayerConfigEntry> entry =
                            entries.stream().filter(e -> e.key().equals(key)).findFirst();
                    if (entry.isEmpty()) {
                        return false;
                    }
                    Object parsed = entry.get().parse(value);
                    boolean changed = !Objects.equals(value(entry.get()), parsed);
                    values.put(key, parsed);
                    return changed;
                }
            }
        }

        PlayerConfig snapshot(String playerId) {
            List<PlayerConfig.Value> current = new ArrayList<>();
            for (PlayerConfigEntry entry : entries) {
                current.add(new PlayerConfig.Value(entry, value(entry)));
            }
            return new PlayerConfig(provider, playerId, enabled, name, defaultName, type, current);
        }

        /** A control the config names (native, fake, none), else the provider's own. */
        String control(String key, String own) {
            Object value = value(key);
            return value != null && PlayerConfigEntry.CONTROL_TYPES.contains(value.toString()) ? value.toString() : own;
        }

        /** One setting's effective value (saved, else its default), or null for a key this player has not. */
        Object value(String key) {
            return entries.stream()
                    .filter(e -> e.key().equals(key))
                    .findFirst()
                    .map(this::value)
                    .orElse(null);
        }

        private Object value(PlayerConfigEntry entry) {
            return values.containsKey(entry.key()) ? values.get(entry.key()) : entry.defaultValue();
        }
    }
}
