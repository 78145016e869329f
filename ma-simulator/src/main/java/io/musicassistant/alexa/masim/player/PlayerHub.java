package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Players and their queues, split as MA splits them: {@link Players} (the players controller,
 * with {@link PlayerVolumes}), {@link PlayerQueues} (the player queues controller, with
 * {@link QueuePlayback}) and {@link PlayerConfigs} (the player configs of the config controller).
 *
 * <p>This object is the one monitor they share: every public method of the controllers holds it,
 * and the listener is called inside it, so events leave in the order the changes happened. It also
 * decides what an event carries: a change is published only when the player's (or queue's) view
 * differs from the last one sent.
 *
 * <p>Track progress is not simulated: a playing item keeps playing until told otherwise, and
 * clients compute the live position from {@code elapsed_time} and {@code elapsed_time_last_updated}.
 */
public final class PlayerHub {

    /** Receives state changes; called while the hub's monitor is held. */
    public interface Listener {
        void playerUpdated(PlayerView view);

        /** {@code itemsChanged}: MA sends {@code queue_items_updated} before {@code queue_updated}. */
        void queueUpdated(QueueView view, boolean itemsChanged);

        /** A provider registered a new player ({@code player_added}). */
        default void playerAdded(PlayerView view) {}

        /** A player left the registry ({@code player_removed}); its config stays. */
        default void playerRemoved(String playerId) {}

        /** MA creates a queue for every registered player ({@code queue_added}). */
        default void queueAdded(QueueView view) {}

        /** {@code config/players/save} stored a change ({@code player_config_updated}). */
        default void playerConfigUpdated(PlayerConfig config) {}
    }

    private static final Listener NO_LISTENER = new Listener() {
        @Override
        public void playerUpdated(PlayerView view) {}

        @Override
        public void queueUpdated(QueueView view, boolean itemsChanged) {}
    };

    final Players players;
    final PlayerVolumes volumes;
    final PlayerQueues queues;
    final QueuePlayback playback;
    final PlayerConfigs configs;
    private final Clock clock;
    private final Map<String, PlayerView> lastPlayerViews = new HashMap<>();
    private final Map<String, QueueView> lastQueueViews = new HashMap<>();
    private Listener listener = NO_LISTENER;

    PlayerHub(Clock clock, Playlog playlog) {
        this.clock = clock;
        this.players = new Players(this);
        this.volumes = new PlayerVolumes(this, players);
        this.queues = new PlayerQueues(this, playlog);
        this.playback = new QueuePlayback(this, playlog);
        this.configs = new PlayerConfigs(this);
    }

    /** The seeded players (seed/players.json) with their queues. */
    public static PlayerHub seeded(Library library, Clock clock, Playlog playlog) {
        PlayerHub hub = new PlayerHub(clock, playlog);
        PlayerSeed.load(library, hub);
        return hub;
    }

    public synchronized void setListener(Listener listener) {
        this.listener = listener == null ? NO_LISTENER : listener;
    }

    /** MA's {@code mass.players}: the registry, player state and {@code players/cmd/*}. */
    public Players players() {
        return players;
    }

    /** The volume commands of MA's players controller, also of groups. */
    public PlayerVolumes volumes() {
        return volumes;
    }

    /** MA's {@code mass.player_queues}: queues, their items, shuffle, repeat and {@code play_media}. */
    public PlayerQueues queues() {
        return queues;
    }

    /** The playback commands of MA's player queues controller and the queues' stream side. */
    public QueuePlayback playback() {
        return playback;
    }

    /** MA's {@code mass.config} for players: {@code config/players/*}. */
    public PlayerConfigs configs() {
        return configs;
    }

    // ---------------------------------------------------------------- seeding

    synchronized void addPlayer(
            PlayerState state, List<MediaItem> queueMedia, Integer currentIndex, String enqueuedName) {
        players.put(state);
        configs.seed(state);
        queues.seed(state, queueMedia, currentIndex, enqueuedName);
        lastPlayerViews.put(state.playerId(), playerView(state));
        lastQueueViews.put(state.playerId(), queueView(queues.find(state.playerId())));
    }

    double now() {
        return clock.millis() / 1000.0;
    }

    Listener listener() {
        return listener;
    }

    // ---------------------------------------------------------------- events, in the order of the changes

    /** A new player and its queue: {@code queue_added}, then {@code player_added}. */
    void added(QueueState queue, PlayerState player) {
        QueueView queueView = queueView(queue);
        lastQueueViews.put(player.playerId(), queueView);
        PlayerView view = playerView(player);
        lastPlayerViews.put(player.playerId(), view);
        listener.queueAdded(queueView);
        listener.playerAdded(view);
    }

    /** A player left the registry: its queue is parked, {@code player_removed}. */
    void removed(String playerId) {
        lastPlayerViews.remove(playerId);
        lastQueueViews.remove(playerId);
        queues.park(playerId);
        listener.playerRemoved(playerId);
    }

    /** {@code queue_items_updated} (when the items changed), {@code queue_updated}, then the player's. */
    void signalQueue(QueueState queue, boolean itemsChanged) {
        QueueView view = queueView(queue);
        lastQueueViews.put(queue.queueId, view);
        listener.queueUpdated(view, itemsChanged);
        publishPlayerOnly(queue.queueId);
    }

    /** Emits player_updated when the player's view changed, and queue_updated when its queue's did. */
    void publish(String playerId) {
        publishPlayerOnly(playerId);
        QueueState queue = queues.find(playerId);
        if (queue != null) {
            QueueView view = queueView(queue);
            if (!view.equals(lastQueueViews.get(playerId))) {
                lastQueueViews.put(playerId, view);
                listener.queueUpdated(view, false);
            }
        }
        // group players derive their volume from the members
        for (PlayerState other : players.states()) {
            if (other.groupMembers().contains(playerId)) {
                publishPlayerOnly(other.playerId());
            }
        }
    }

    /** Takes the player's and its queue's views as sent without sending them (a position MA does not announce). */
    void refreshSilently(String playerId) {
        lastPlayerViews.put(playerId, playerView(players.find(playerId)));
        QueueState queue = queues.find(playerId);
        if (queue != null) {
            lastQueueViews.put(playerId, queueView(queue));
        }
    }

    private void publishPlayerOnly(String playerId) {
        PlayerState player = players.find(playerId);
        if (player == null) {
            return;
        }
        PlayerView view = playerView(player);
        if (!view.equals(lastPlayerViews.get(playerId))) {
            lastPlayerViews.put(playerId, view);
            listener.playerUpdated(view);
        }
    }

    PlayerView playerView(PlayerState player) {
        PlayerView.CurrentMedia media = null;
        QueueState queue = player.activeSource() == null ? null : queues.find(player.activeSource());
        if (queue != null && !players.mediaCleared(player.playerId())) {
            QueueItem item = queue.currentItem();
            if (item != null) {
                double position = player.elapsedTime() == null ? 0 : player.elapsedTime();
                double measured = player.elapsedTimeLastUpdated() == null ? now() : player.elapsedTimeLastUpdated();
                media = new PlayerView.CurrentMedia(item, queue.queueId, (int) position, measured);
            }
        }
        boolean grouped =
                player.type() == PlayerType.GROUP || !player.groupMembers().isEmpty();
        Integer groupVolume = grouped ? Integer.valueOf(volumes.groupVolume(player)) : player.volumeLevel();
        Boolean groupMuted = grouped
                ? volumes.poweredMembers(player).stream().allMatch(m -> Boolean.TRUE.equals(m.volumeMuted()))
                        && !volumes.poweredMembers(player).isEmpty()
                : player.volumeMuted();
        return new PlayerView(player, media, groupVolume, groupMuted);
    }

    QueueView queueView(QueueState queue) {
        PlayerState player = players.find(queue.queueId);
        boolean active = queues.isActive(queue);
        double elapsed = queue.elapsed;
        double updated = queue.elapsedUpdated;
        if (active && player.elapsedTime() != null) {
            elapsed = player.elapsedTime();
            updated = player.elapsedTimeLastUpdated() == null ? updated : player.elapsedTimeLastUpdated();
        }
        QueueItem current = queue.currentItem();
        QueueItem next = null;
        Integer nextIndex = null;
        if (current != null) {
            nextIndex = queue.nextIndex(queue.currentIndex, false);
            next = nextIndex == null ? null : queue.items.get(nextIndex);
        }
        return new QueueView(
                queue.queueId,
                active,
                queues.displayName(queue),
                player.available(),
                queue.items.size(),
                queue.shuffle,
                queue.repeat,
                queue.dontStopTheMusic,
                queue.currentIndex,
                queue.indexInBuffer,
                elapsed,
                updated,
                queues.queueState(queue),
                current,
                next,
                nextIndex,
                queue.resumePos,
                String.join(" / ", queue.enqueuedNames));
    }
}
