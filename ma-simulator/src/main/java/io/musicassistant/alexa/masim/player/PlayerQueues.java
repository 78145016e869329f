package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MA's player queues controller ({@code controllers/player_queues.py}, spec §3.6): a queue per
 * player, its items, index, shuffle and repeat, and the {@code player_queues/*} commands; the
 * stream side asks it for stream sessions and next items. Playback itself goes through
 * {@link Players}, as MA's queue controller calls the players controller. Every public method holds
 * the hub's monitor.
 */
public final class PlayerQueues {

    /** One entry of {@code play_media}'s {@code media} after resolving it against the library. */
    public record Resolved(MediaItem requested, List<MediaItem> playables) {}

    private final PlayerHub hub;
    private final Playlog playlog;
    private final Map<String, QueueState> queues = new LinkedHashMap<>();
    // MA keeps a removed player's queue in its cache and restores it when the player returns
    private final Map<String, QueueState> parkedQueues = new HashMap<>();
    private final QueueItems items;

    PlayerQueues(PlayerHub hub, Playlog playlog) {
        this.hub = hub;
        this.playlog = playlog;
        this.items = new QueueItems(hub);
    }

    // ---------------------------------------------------------------- reads

    /** {@code player_queues/all}. */
    public List<QueueView> all() {
        synchronized (hub) {
            return queues.values().stream().map(hub::queueView).toList();
        }
    }

    /** {@code player_queues/get}. */
    public Optional<QueueView> get(String queueId) {
        synchronized (hub) {
            return Optional.ofNullable(queues.get(queueId)).map(hub::queueView);
        }
    }

    /** {@code player_queues/items}: a plain slice, [] for an unknown queue. */
    public List<QueueItem> items(String queueId, int limit, int offset) {
        synchronized (hub) {
            QueueState queue = queues.get(queueId);
            if (queue == null) {
                return List.of();
            }
            int from = QueueState.clampIndex(offset, queue.items.size());
            int to = QueueState.clampIndex(offset + Math.max(0, limit), queue.items.size());
            return from >= to ? List.of() : List.copyOf(queue.items.subList(from, to));
        }
    }

    /** {@code player_queues/get_active_queue}. */
    public Optional<QueueView> activeQueueOf(String playerId) {
        synchronized (hub) {
            PlayerState player = hub.players.find(playerId);
            return player == null
                    ? Optional.empty()
                    : Optional.ofNullable(activeQueue(player)).map(hub::queueView);
        }
    }

    /** An item of a queue by its id (what the stream server serves). */
    public Optional<QueueItem> item(String queueId, String queueItemId) {
        synchronized (hub) {
            QueueState queue = queues.get(queueId);
            if (queue == null) {
                return Optional.empty();
            }
            Integer index = queue.indexById(queueItemId);
            return index == null ? Optional.empty() : Optional.of(queue.items.get(index));
        }
    }

    // ---------------------------------------------------------------- queue content

    /**
     * player_queues/play_media. The media has been resolved by the caller; an entry whose
     * resolution failed was already skipped (MA only logs those).
     */
    public void playMedia(String queueId, List<Resolved> media, QueueOption requestedOption, String username) {
        synchronized (hub) {
            QueueState queue = queues.get(queueId);
            if (queue == null) {
                throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Queue " + queueId + " is not available");
            }
            hub.players.requireAvailable(queueId);
            QueueOption option = requestedOption;
            if (option == QueueOption.REPLACE) {
                clear(queueId, false);
            }
            if (option != QueueOption.ADD && option != QueueOption.NEXT) {
                queue.enqueuedNames.clear();
            }
            List<MediaItem> playables = new ArrayList<>();
            for (Resolved entry : media) {
                MediaItem requested = entry.requested();
                switch (requested.mediaType()) {
                    case TRACK, ALBUM, PLAYLIST, ARTIST -> {
                        queue.enqueuedNames.add(requested.name());
                        if (queue.enqueuedNames.size() > 10) {
                            queue.enqueuedNames.remove(0);
                        }
                    }
                    default -> {}
                }
                if (option == null) {
                    // MA's default_enqueue_option_<type>: "play" for tracks, "replace" for the rest.
                    option = requested.mediaType() == MediaType.TRACK ? QueueOption.PLAY : QueueOption.REPLACE;
                    if (option == QueueOption.REPLACE) {
                        clear(queueId, true);
                    }
                }
                if (requested.mediaType() != MediaType.TRACK && requested.mediaType() != MediaType.RADIO) {
                    playlog.record(username, requested, true, queueId);
                }
                playables.addAll(entry.playables());
            }
            if (playables.isEmpty()) {
                throw MaError.of(ErrorCode.MEDIA_NOT_FOUND, "No playable items found");
            }
            List<QueueItem> newItems = new ArrayList<>();
            for (MediaItem item : playables) {
                newItems.add(items.newItem(queueId, item, 0));
            }
            PlaybackState state = queueState(queue);
            int current;
            if (state == PlaybackState.PLAYING || state == PlaybackState.PAUSED) {
                current = queue.indexInBuffer != null
                        ? queue.indexInBuffer
                        : queue.currentIndex != null ? queue.currentIndex : 0;
            } else {
                current = queue.currentIndex != null ? queue.currentIndex : 0;
            }
            int insertAt = current + 1;
            boolean shuffle = queue.shuffle && newItems.size() > 1;
            switch (option) {
                case REPLACE -> {
                    items.load(queue, newItems, 0, false, false, shuffle);
                    hub.playback.playIndex(queueId, 0, 0, username);
                }
                case NEXT -> items.load(queue, newItems, insertAt, true, true, shuffle);
                case REPLACE_NEXT -> items.load(queue, newItems, insertAt, false, true, shuffle);
                case PLAY -> {
                    items.load(queue, newItems, insertAt, true, true, shuffle);
                    // Faithful to MA: with an empty queue this starts at index 1 when several items
                    // were given, because the insert position is computed as current + 1.
                    hub.playback.playIndex(queueId, Math.min(insertAt, queue.items.size() - 1), 0, username);
                }
                case ADD -> {
                    items.load(
                            queue,
                            newItems,
                            queue.shuffle ? insertAt : queue.items.size() + 1,
                            true,
                            true,
                            queue.shuffle);
                    if (queue.currentIndex == null) {
                        queue.currentIndex = 0;
                        hub.signalQueue(queue, false);
                    }
                }
                default -> {} // QueueOption "unknown": MA matches none of its branches and does nothing
            }
            PlayerOutput output = hub.players.output(queueId);
            if (output != null
                    && (option == QueueOption.NEXT
                            || option == QueueOption.REPLACE_NEXT
                            || option == QueueOption.ADD)) {
                // MA (re)enqueues the next item when the queue grows while a player is playing
                output.queueChanged();
            }
        }
    }

    public void shuffle(String queueId, boolean enabled) {
        synchronized (hub) {
            QueueState queue = requireQueue(queueId);
            if (queue.shuffle == enabled) {
                return;
            }
            queue.shuffle = enabled;
            Integer current = queue.indexInBuffer != null ? queue.indexInBuffer : queue.currentIndex;
            int nextIndex = current == null ? 0 : current + 1;
            List<QueueItem> upcoming = nextIndex < queue.items.size()
                    ? new ArrayList<>(queue.items.subList(nextIndex, queue.items.size()))
                    : new ArrayList<>();
            if (!enabled) {
                upcoming.sort(Comparator.comparingInt(QueueItem::sortIndex));
            }
            items.load(queue, upcoming, nextIndex, false, true, enabled);
        }
    }

    public void repeat(String queueId, RepeatMode mode) {
        synchronized (hub) {
            QueueState queue = requireQueue(queueId);
            if (queue.repeat == mode) {
                return;
            }
            queue.repeat = mode;
            hub.signalQueue(queue, false);
        }
    }

    public void dontStopTheMusic(String queueId, boolean enabled) {
        synchronized (hub) {
            QueueState queue = requireQueue(queueId);
            queue.dontStopTheMusic = enabled;
            hub.signalQueue(queue, false);
        }
    }

    public void clear(String queueId, boolean skipStop) {
        synchronized (hub) {
            QueueState queue = requireQueue(queueId);
            if (queueState(queue) != PlaybackState.IDLE && !skipStop) {
                PlayerState player = hub.players.find(queueId);
                if (player != null && player.available()) {
                    hub.playback.stop(queueId);
                }
            }
            queue.currentIndex = null;
            queue.indexInBuffer = null;
            queue.elapsed = 0;
            queue.elapsedUpdated = hub.now();
            items.replace(queue, new ArrayList<>());
        }
    }

    public void deleteItem(String queueId, Object itemIdOrIndex) {
        synchronized (hub) {
            int index = itemIdOrIndex instanceof String
                    ? requireQueue(queueId).position(itemIdOrIndex)
                    : (Integer) itemIdOrIndex;
            QueueState queue = requireQueue(queueId);
            if (queue.indexInBuffer != null && index <= queue.indexInBuffer) {
                return; // MA ignores deletes of items already loaded in the player's buffer
            }
            if (index < 0 || index >= queue.items.size()) {
                throw MaError.builtin("pop index out of range");
            }
            List<QueueItem> remaining = new ArrayList<>(queue.items);
            remaining.remove(index);
            items.replace(queue, remaining);
        }
    }

    /**
     * player_queues/move_item (player_queues.py): {@code posShift} places down (negative: up), 0 =
     * right after the current item while playing; an item already played or buffered is an
     * IndexError, a move before the current item or past the end does nothing.
     */
    public void moveItem(String queueId, String queueItemId, int posShift) {
        synchronized (hub) {
            QueueState queue = requireQueue(queueId);
            int index = queue.position(queueItemId);
            if (queue.indexInBuffer != null && index <= queue.indexInBuffer) {
                throw MaError.builtin(index + " is already played/buffered");
            }
            int current = queue.currentIndex == null ? 0 : queue.currentIndex;
            int target = posShift != 0
                    ? index + posShift
                    : queueState(queue) == PlaybackState.PLAYING ? current + 1 : current;
            if (target < current || target > queue.items.size()) {
                return;
            }
            List<QueueItem> moved = new ArrayList<>(queue.items);
            moved.add(Math.min(target, moved.size() - 1), moved.remove(index));
            items.replace(queue, moved);
        }
    }

    /** player_queues/transfer: the items, settings and position move; the source stops. */
    public void transfer(String sourceId, String targetId, Boolean autoPlay, String username) {
        synchronized (hub) {
            QueueTransfer.run(this, hub, items, sourceId, targetId, autoPlay, username);
        }
    }

    // ---------------------------------------------------------------- for the hub, the players and the playback

    /** A seeded player's queue, with its items and position. */
    void seed(PlayerState state, List<MediaItem> queueMedia, Integer currentIndex, String enqueuedName) {
        QueueState queue = new QueueState(state.playerId());
        for (MediaItem item : queueMedia) {
            queue.items.add(items.newItem(state.playerId(), item, queue.items.size()));
        }
        queue.currentIndex = currentIndex;
        queue.indexInBuffer = currentIndex;
        queue.elapsed = state.elapsedTime() == null ? 0 : state.elapsedTime();
        queue.elapsedUpdated = hub.now();
        if (enqueuedName != null) {
            queue.enqueuedNames.add(enqueuedName);
        }
        queues.put(state.playerId(), queue);
    }

    /** A registered player gets its queue: the one it had before it left, else a new one. */
    QueueState restore(String playerId) {
        QueueState queue = parkedQueues.remove(playerId);
        if (queue == null) {
            queue = new QueueState(playerId);
            queue.elapsedUpdated = hub.now();
        }
        queues.put(playerId, queue);
        return queue;
    }

    /** A player left: its queue waits for it to come back. */
    void park(String playerId) {
        QueueState queue = queues.remove(playerId);
        if (queue != null) {
            parkedQueues.put(playerId, queue);
        }
    }

    QueueState find(String queueId) {
        return queues.get(queueId);
    }

    boolean has(String queueId) {
        return queues.containsKey(queueId);
    }

    String displayName(QueueState queue) {
        return hub.players.find(queue.queueId).name();
    }

    boolean isActive(QueueState queue) {
        PlayerState player = hub.players.find(queue.queueId);
        return player != null && queue.queueId.equals(player.activeSource());
    }

    PlaybackState queueState(QueueState queue) {
        return isActive(queue) ? hub.players.find(queue.queueId).playbackState() : PlaybackState.IDLE;
    }

    double correctedElapsed(QueueState queue) {
        if (isActive(queue)) {
            Double position = hub.players.find(queue.queueId).correctedElapsed(hub.now());
            return position == null ? 0 : position;
        }
        return queue.elapsed;
    }

    /** MA's {@code get_active_queue}: follows sync leader and active group, then the active source. */
    QueueState activeQueue(PlayerState player) {
        if (player.syncedTo() != null
                && !player.syncedTo().equals(player.playerId())
                && hub.players.has(player.syncedTo())) {
            return activeQueue(hub.players.find(player.syncedTo()));
        }
        if (player.activeGroup() != null
                && !player.activeGroup().equals(player.playerId())
                && hub.players.has(player.activeGroup())) {
            return activeQueue(hub.players.find(player.activeGroup()));
        }
        String source = player.activeSource() != null ? player.activeSource() : player.playerId();
        return queues.get(source);
    }

    /** MA indexes {@code self._queues[queue_id]}: an unknown id is a KeyError. */
    QueueState requireQueue(String queueId) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            throw MaError.keyError(queueId);
        }
        return queue;
    }

    QueueState requireActive(String queueId) {
        QueueState queue = queues.get(queueId);
        if (queue == null || !isActive(queue)) {
            throw MaError.of(ErrorCode.INVALID_COMMAND, "Queue " + queueId + " is not active");
        }
        return queue;
    }
}
