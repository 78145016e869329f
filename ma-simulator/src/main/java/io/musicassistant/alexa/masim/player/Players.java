package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * MA's players controller ({@code controllers/players/controller.py}, spec §3.5) with the providers'
 * side simulated (a "player" does what it is told at once): the registry ({@code register_or_update},
 * {@code unregister}), the players' state and the {@code players/cmd/*} commands, groups and their
 * volume. A command on a player whose active source is a queue goes to {@link PlayerQueues}, as MA
 * redirects it. Every public method holds the hub's monitor.
 */
public final class Players {

    private final PlayerHub hub;
    private final Map<String, PlayerState> players = new LinkedHashMap<>();
    private final Map<String, PlayerOutput> outputs = new HashMap<>();
    // players whose provider reported the end of playback: no current_media until the next start
    private final Set<String> mediaCleared = new HashSet<>();

    Players(PlayerHub hub) {
        this.hub = hub;
    }

    // ---------------------------------------------------------------- reads

    /** {@code players/all}. */
    public List<PlayerView> all() {
        synchronized (hub) {
            return players.values().stream().map(hub::playerView).toList();
        }
    }

    /** {@code players/get}. */
    public Optional<PlayerView> get(String playerId) {
        synchronized (hub) {
            return Optional.ofNullable(players.get(playerId)).map(hub::playerView);
        }
    }

    public Optional<PlayerState> state(String playerId) {
        synchronized (hub) {
            return Optional.ofNullable(players.get(playerId));
        }
    }

    // ---------------------------------------------------------------- test control

    /** Replaces a player's state (tests) and emits {@code player_updated} if anything changed. */
    public PlayerState update(String playerId, UnaryOperator<PlayerState> change) {
        synchronized (hub) {
            PlayerState current = requirePlayer(playerId);
            PlayerState next = Objects.requireNonNull(change.apply(current), "updated state");
            if (!next.playerId().equals(playerId)) {
                throw new IllegalArgumentException("a player's id cannot change");
            }
            players.put(playerId, next);
            hub.publish(playerId);
            return next;
        }
    }

    // ---------------------------------------------------------------- provider side: registry

    /**
     * MA's {@code players.register_or_update}: a provider announces a player. A new player gets a
     * queue (its old one if it was here before) and {@code queue_added} + {@code player_added};
     * an existing one is replaced ({@code player_updated}). The player's saved config applies:
     * its name, enabled and hide_in_ui win over what the provider reports.
     */
    public void register(PlayerState state, PlayerOutput output) {
        synchronized (hub) {
            String playerId = state.playerId();
            hub.configs.registered(state);
            PlayerState effective = hub.configs.applyTo(state);
            outputs.put(playerId, output);
            mediaCleared.remove(playerId);
            if (players.containsKey(playerId)) {
                players.put(playerId, effective);
                hub.publish(playerId);
                return;
            }
            players.put(playerId, effective);
            hub.added(hub.queues.restore(playerId), effective);
        }
    }

    /**
     * MA's {@code players.unregister} (not permanent): the player and its queue leave the
     * registry with {@code player_removed}; config and queue come back on the next register.
     * Only the output that registered the player may remove it.
     */
    public boolean unregister(String playerId, PlayerOutput output) {
        synchronized (hub) {
            if (!players.containsKey(playerId) || outputs.get(playerId) != output) {
                return false;
            }
            players.remove(playerId);
            outputs.remove(playerId);
            mediaCleared.remove(playerId);
            hub.removed(playerId);
            return true;
        }
    }

    /** The provider learned the player's own name (slimproto SETD); a configured name still wins. */
    public void providerNameChanged(String playerId, String name) {
        synchronized (hub) {
            PlayerState player = players.get(playerId);
            if (player == null || !hub.configs.providerNameChanged(playerId, name)) {
                return;
            }
            players.put(playerId, hub.configs.applyTo(player));
            hub.publish(playerId);
        }
    }

    // ---------------------------------------------------------------- player commands

    /** players/cmd/stop. */
    public void cmdStop(String playerId) {
        synchronized (hub) {
            PlayerState player = requirePlayer(playerId);
            QueueState queue = hub.queues.activeQueue(player);
            if (queue != null) {
                hub.playback.stop(queue.queueId);
                return;
            }
            handleStop(playerId);
        }
    }

    /** players/cmd/play: unpause, or resume the queue when not paused; no-op while playing. */
    public void cmdPlay(String playerId, String username) {
        synchronized (hub) {
            PlayerState player = requirePlayer(playerId);
            if (player.playbackState() == PlaybackState.PLAYING) {
                return;
            }
            if (player.playbackState() != PlaybackState.PAUSED) {
                String source = player.activeSource() != null ? player.activeSource() : playerId;
                if (hub.queues.has(source)) {
                    hub.playback.resume(source, username);
                    return;
                }
            }
            handlePlay(playerId);
        }
    }

    public void cmdPause(String playerId) {
        synchronized (hub) {
            PlayerState player = requirePlayer(playerId);
            QueueState queue = hub.queues.activeQueue(player);
            if (queue != null) {
                hub.playback.pause(queue.queueId);
                return;
            }
            handlePause(playerId);
        }
    }

    public void cmdPlayPause(String playerId, String username) {
        synchronized (hub) {
            PlayerState player = requirePlayer(playerId);
            if (player.playbackState() == PlaybackState.PLAYING) {
                cmdPause(playerId);
            } else {
                cmdPlay(playerId, username);
            }
        }
    }

    public void cmdNext(String playerId, String username) {
        synchronized (hub) {
            skipTrack(playerId, username, true);
        }
    }

    public void cmdPrevious(String playerId, String username) {
        synchronized (hub) {
            skipTrack(playerId, username, false);
        }
    }

    private void skipTrack(String playerId, String username, boolean forward) {
        PlayerState player = requirePlayer(playerId);
        QueueState queue = hub.queues.activeQueue(player);
        if (queue != null) {
            if (forward) {
                hub.playback.next(queue.queueId, username);
            } else {
                hub.playback.previous(queue.queueId, username);
            }
            return;
        }
        if (player.device().supports(PlayerFeature.NEXT_PREVIOUS)) {
            String sourceId = player.activeSource() != null ? player.activeSource() : playerId;
            Optional<PlayerDevice.Source> source = source(player, sourceId);
            if (source.isPresent() && source.get().canNextPrevious()) {
                return; // the source skips on its own; nothing of ours changes
            }
            throw MaError.of(
                    ErrorCode.PLAYER_COMMAND_FAILED, "This action is (currently) unavailable for this source.");
        }
        throw MaError.of(
                ErrorCode.UNSUPPORTED_FEATURE,
                "Player " + player.name() + " does not support skipping to the " + (forward ? "next" : "previous")
                        + " track.");
    }

    public void cmdSeek(String playerId, int position, String username) {
        synchronized (hub) {
            PlayerState player = requirePlayer(playerId);
            QueueState queue = hub.queues.activeQueue(player);
            if (queue != null) {
                hub.playback.seek(queue.queueId, position, username);
                return;
            }
            Optional<PlayerDevice.Source> source = source(player, player.activeSource());
            if (source.isPresent() && !source.get().canSeek()) {
                throw MaError.of(
                        ErrorCode.PLAYER_COMMAND_FAILED,
                        "The active source (" + source.get().name() + ") on player " + player.name()
                                + " does not support seeking");
            }
            if (!player.device().supports(PlayerFeature.SEEK)) {
                throw MaError.of(
                        ErrorCode.UNSUPPORTED_FEATURE, "Player " + player.name() + " does not support seeking");
            }
            players.put(playerId, player.withElapsed((double) Math.max(0, position), hub.now()));
            hub.publish(playerId);
        }
    }

    /** players/cmd/power: powering off stops playback; players without power control ignore it. */
    public void cmdPower(String playerId, boolean powered) {
        synchronized (hub) {
            PlayerState player = requirePlayer(playerId);
            if (Objects.equals(player.powered(), powered)) {
                return;
            }
            if (!powered
                    && (player.playbackState() == PlaybackState.PLAYING
                            || player.playbackState() == PlaybackState.PAUSED)) {
                handleStop(playerId);
            }
            if (player.type() == PlayerType.GROUP) {
                for (String member : player.groupMembers()) {
                    PlayerState memberState = players.get(member);
                    if (memberState != null
                            && memberState.available()
                            && !"none".equals(memberState.device().powerControl())) {
                        cmdPower(member, powered);
                    }
                }
            }
            if ("none".equals(player.device().powerControl())) {
                return;
            }
            players.put(playerId, players.get(playerId).withPowered(powered));
            hub.publish(playerId);
            tell(playerId, o -> o.power(powered));
        }
    }

    // ---------------------------------------------------------------- for the hub and the queues

    /** The player's state; null for an unknown id. */
    PlayerState find(String playerId) {
        return players.get(playerId);
    }

    boolean has(String playerId) {
        return players.containsKey(playerId);
    }

    void put(PlayerState state) {
        players.put(state.playerId(), state);
    }

    Collection<PlayerState> states() {
        return players.values();
    }

    boolean mediaCleared(String playerId) {
        return mediaCleared.contains(playerId);
    }

    void mediaStarted(String playerId) {
        mediaCleared.remove(playerId);
    }

    /** The provider reported the end of playback: no current_media until the next start. */
    void mediaEnded(String playerId) {
        mediaCleared.add(playerId);
    }

    /** A saved config changed the player's name, enabled or hide_in_ui. */
    void applyConfig(String playerId) {
        PlayerState player = players.get(playerId);
        if (player != null) {
            players.put(playerId, hub.configs.applyTo(player));
            hub.publish(playerId);
        }
    }

    PlayerOutput output(String playerId) {
        return outputs.get(playerId);
    }

    /** Passes a command on to the player's protocol side, if it has one (Slimproto players do). */
    void tell(String playerId, Consumer<PlayerOutput> command) {
        PlayerOutput output = output(playerId);
        if (output != null) {
            command.accept(output);
        }
    }

    /** Idle at position 0, the active queue's elapsed time reset with it, and the change published. */
    void becomeIdle(String playerId, PlayerState player) {
        players.put(playerId, player.withPlaybackState(PlaybackState.IDLE).withElapsed(0.0, hub.now()));
        hub.playback.positionReset(playerId);
        hub.publish(playerId);
    }

    void handleStop(String playerId) {
        PlayerState player = players.get(playerId);
        if (player.playbackState() == PlaybackState.IDLE) {
            return;
        }
        becomeIdle(playerId, player);
        tell(playerId, PlayerOutput::stop);
    }

    void handlePlay(String playerId) {
        PlayerState player = players.get(playerId);
        if (player.playbackState() != PlaybackState.PAUSED) {
            return;
        }
        double position = player.elapsedTime() == null ? 0 : player.elapsedTime();
        players.put(playerId, player.withPlaybackState(PlaybackState.PLAYING).withElapsed(position, hub.now()));
        hub.publish(playerId);
        tell(playerId, PlayerOutput::play);
    }

    void handlePause(String playerId) {
        PlayerState player = players.get(playerId);
        if (player.playbackState() != PlaybackState.PLAYING) {
            return;
        }
        double now = hub.now();
        Double position = player.correctedElapsed(now);
        players.put(playerId, player.withPlaybackState(PlaybackState.PAUSED).withElapsed(position, now));
        if (position != null) {
            hub.playback.positionPaused(playerId, position, now);
        }
        hub.publish(playerId);
        tell(playerId, PlayerOutput::pause);
    }

    private Optional<PlayerDevice.Source> source(PlayerState player, String sourceId) {
        if (sourceId == null) {
            return Optional.empty();
        }
        return player.device().sourceList().stream()
                .filter(s -> s.id().equals(sourceId))
                .findFirst();
    }

    PlayerState requirePlayer(String playerId) {
        PlayerState player = players.get(playerId);
        if (player == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + playerId + " is not available");
        }
        return player;
    }

    /** MA's {@code get_player(id, raise_unavailable=True)}. */
    PlayerState requireAvailable(String playerId) {
        PlayerState player = players.get(playerId);
        if (player == null || !player.available() || !player.enabled()) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + playerId + " is not available");
        }
        return player;
    }
}
