package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.MediaItem;
import io.musicassistant.alexa.masim.library.MediaType;
import io.musicassistant.alexa.masim.library.Radio;
import io.musicassistant.alexa.masim.library.Track;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Players and their queues: MA's player and player-queue controllers with the providers' side
 * simulated (a "player" does what it is told at once). All state changes happen under this
 * object's monitor, and the listener is called inside it, so events leave in the order the
 * changes happened.
 *
 * <p>Behaviour follows {@code controllers/players/controller.py} and
 * {@code controllers/player_queues.py} (spec §3.5, §3.6). Track progress is not simulated: a
 * playing item keeps playing until told otherwise, and clients compute the live position from
 * {@code elapsed_time} and {@code elapsed_time_last_updated}.
 */
public final class PlayerHub {

    /** Receives state changes; called while the hub's monitor is held. */
    public interface Listener {
        void playerUpdated(PlayerView view);

        /** {@code itemsChanged}: MA sends {@code queue_items_updated} before {@code queue_updated}. */
        void queueUpdated(QueueView view, boolean itemsChanged);

        /** A provider registered a new player ({@code player_added}). */
        default void playerAdded(PlayerView view) {
        }

        /** A player left the registry ({@code player_removed}); its config stays. */
        default void playerRemoved(String playerId) {
        }

        /** MA creates a queue for every registered player ({@code queue_added}). */
        default void queueAdded(QueueView view) {
        }

        /** {@code config/players/save} stored a change ({@code player_config_updated}). */
        default void playerConfigUpdated(PlayerConfig config) {
        }
    }

    /** One entry of {@code play_media}'s {@code media} after resolving it against the library. */
    public record Resolved(MediaItem requested, List<MediaItem> playables) {
    }

    private static final Listener NO_LISTENER = new Listener() {
        @Override
        public void playerUpdated(PlayerView view) {
        }

        @Override
        public void queueUpdated(QueueView view, boolean itemsChanged) {
        }
    };

    private final Clock clock;
    private final Playlog playlog;
    private final Map<String, PlayerState> players = new LinkedHashMap<>();
    private final Map<String, QueueState> queues = new LinkedHashMap<>();
    private final Map<String, PlayerView> lastPlayerViews = new HashMap<>();
    private final Map<String, QueueView> lastQueueViews = new HashMap<>();
    private final Map<String, PlayerOutput> outputs = new HashMap<>();
    private final Map<String, ConfigState> configs = new LinkedHashMap<>();
    // MA keeps a removed player's queue in its cache and restores it when the player returns
    private final Map<String, QueueState> parkedQueues = new HashMap<>();
    // players whose provider reported the end of playback: no current_media until the next start
    private final Set<String> mediaCleared = new HashSet<>();
    private final Random sessionRandom = new Random(20260901L);
    // MA shuffles with random.shuffle; a fixed seed keeps test runs repeatable.
    private final Random random = new Random(20260610L);
    private long queueItemCounter;
    private Listener listener = NO_LISTENER;

    PlayerHub(Clock clock, Playlog playlog) {
        this.clock = clock;
        this.playlog = playlog;
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

    // ---------------------------------------------------------------- seeding

    synchronized void addPlayer(PlayerState state, List<MediaItem> queueMedia, Integer currentIndex,
            String enqueuedName) {
        players.put(state.playerId(), state);
        configs.put(state.playerId(), ConfigState.of(state));
        QueueState queue = new QueueState(state.playerId());
        for (MediaItem item : queueMedia) {
            queue.items.add(newItem(state.playerId(), item, queue.items.size()));
        }
        queue.currentIndex = currentIndex;
        queue.indexInBuffer = currentIndex;
        queue.elapsed = state.elapsedTime() == null ? 0 : state.elapsedTime();
        queue.elapsedUpdated = now();
        if (enqueuedName != null) {
            queue.enqueuedNames.add(enqueuedName);
        }
        queues.put(state.playerId(), queue);
        lastPlayerViews.put(state.playerId(), playerView(state));
        lastQueueViews.put(queue.queueId, queueView(queue));
    }

    double now() {
        return clock.millis() / 1000.0;
    }

    // ---------------------------------------------------------------- reads

    public synchronized List<PlayerView> players() {
        return players.values().stream().map(this::playerView).toList();
    }

    public synchronized Optional<PlayerView> player(String playerId) {
        return Optional.ofNullable(players.get(playerId)).map(this::playerView);
    }

    public synchronized Optional<PlayerState> state(String playerId) {
        return Optional.ofNullable(players.get(playerId));
    }

    public synchronized List<QueueView> queues() {
        return queues.values().stream().map(this::queueView).toList();
    }

    public synchronized Optional<QueueView> queue(String queueId) {
        return Optional.ofNullable(queues.get(queueId)).map(this::queueView);
    }

    /** {@code player_queues/items}: a plain slice, [] for an unknown queue. */
    public synchronized List<QueueItem> queueItems(String queueId, int limit, int offset) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            return List.of();
        }
        int from = clampIndex(offset, queue.items.size());
        int to = clampIndex(offset + Math.max(0, limit), queue.items.size());
        return from >= to ? List.of() : List.copyOf(queue.items.subList(from, to));
    }

    /** {@code player_queues/get_active_queue}. */
    public synchronized Optional<QueueView> activeQueueOf(String playerId) {
        PlayerState player = players.get(playerId);
        return player == null ? Optional.empty() : Optional.ofNullable(activeQueue(player)).map(this::queueView);
    }

    // ---------------------------------------------------------------- test control

    /** Replaces a player's state (tests) and emits {@code player_updated} if anything changed. */
    public synchronized PlayerState update(String playerId, UnaryOperator<PlayerState> change) {
        PlayerState current = requirePlayer(playerId);
        PlayerState next = Objects.requireNonNull(change.apply(current), "updated state");
        if (!next.playerId().equals(playerId)) {
            throw new IllegalArgumentException("a player's id cannot change");
        }
        players.put(playerId, next);
        publish(playerId);
        return next;
    }

    // ---------------------------------------------------------------- provider side: registry

    /**
     * MA's {@code players.register_or_update}: a provider announces a player. A new player gets a
     * queue (its old one if it was here before) and {@code queue_added} + {@code player_added};
     * an existing one is replaced ({@code player_updated}). The player's saved config applies:
     * its name, enabled and hide_in_ui win over what the provider reports.
     */
    public synchronized void register(PlayerState state, PlayerOutput output) {
        String playerId = state.playerId();
        ConfigState config = configs.computeIfAbsent(playerId, id -> ConfigState.of(state));
        config.defaultName = state.name();
        PlayerState effective = withConfig(state, config);
        outputs.put(playerId, output);
        mediaCleared.remove(playerId);
        if (players.containsKey(playerId)) {
            players.put(playerId, effective);
            publish(playerId);
            return;
        }
        players.put(playerId, effective);
        QueueState queue = parkedQueues.remove(playerId);
        if (queue == null) {
            queue = new QueueState(playerId);
            queue.elapsedUpdated = now();
        }
        queues.put(playerId, queue);
        QueueView queueView = queueView(queue);
        lastQueueViews.put(playerId, queueView);
        PlayerView view = playerView(effective);
        lastPlayerViews.put(playerId, view);
        listener.queueAdded(queueView);
        listener.playerAdded(view);
    }

    /**
     * MA's {@code players.unregister} (not permanent): the player and its queue leave the
     * registry with {@code player_removed}; config and queue come back on the next register.
     * Only the output that registered the player may remove it.
     */
    public synchronized boolean unregister(String playerId, PlayerOutput output) {
        if (!players.containsKey(playerId) || outputs.get(playerId) != output) {
            return false;
        }
        players.remove(playerId);
        outputs.remove(playerId);
        mediaCleared.remove(playerId);
        lastPlayerViews.remove(playerId);
        lastQueueViews.remove(playerId);
        QueueState queue = queues.remove(playerId);
        if (queue != null) {
            parkedQueues.put(playerId, queue);
        }
        listener.playerRemoved(playerId);
        return true;
    }

    /** The provider learned the player's own name (slimproto SETD); a configured name still wins. */
    public synchronized void providerNameChanged(String playerId, String name) {
        ConfigState config = configs.get(playerId);
        PlayerState player = players.get(playerId);
        if (config == null || player == null) {
            return;
        }
        config.defaultName = name;
        players.put(playerId, withConfig(player, config));
        publish(playerId);
    }

    // ---------------------------------------------------------------- provider side: playback reports

    /**
     * The player finished downloading its current item and wants the next one (slimproto STMd);
     * MA's answer is the queue's next item in the same stream session. Empty at the end of the
     * queue or when the queue is not the player's active source.
     */
    public synchronized Optional<QueueStream> nextStream(String playerId) {
        QueueState queue = queues.get(playerId);
        if (queue == null || !isActive(queue) || queue.sessionId == null) {
            return Optional.empty();
        }
        Integer base = queue.indexInBuffer != null ? queue.indexInBuffer : queue.currentIndex;
        if (base == null) {
            return Optional.empty();
        }
        Integer next = nextIndex(queue, base, false);
        if (next == null) {
            return Optional.empty();
        }
        queue.indexInBuffer = next;
        signalQueue(queue, false);
        return Optional.of(new QueueStream(queue.queueId, queue.items.get(next), queue.sessionId, 0));
    }

    /** Audio of this item started coming out of the player (slimproto STMs): it is now current. */
    public synchronized void streamStarted(String playerId, String queueItemId, int seekPosition) {
        QueueState queue = queues.get(playerId);
        PlayerState player = players.get(playerId);
        if (queue == null || player == null) {
            return;
        }
        Integer index = indexById(queue, queueItemId);
        if (index == null) {
            return;
        }
        double now = now();
        queue.currentIndex = index;
        if (queue.indexInBuffer == null || queue.indexInBuffer < index) {
            queue.indexInBuffer = index;
        }
        queue.elapsed = seekPosition;
        queue.elapsedUpdated = now;
        mediaCleared.remove(playerId);
        players.put(playerId, player.withActiveSource(playerId).withPlaybackState(PlaybackState.PLAYING)
                .withElapsed((double) seekPosition, now));
        signalQueue(queue, false);
    }

    /**
     * The player's own position report (slimproto STMt). Like MA, a report that merely confirms
     * the running clock updates the state without an event; one that moved the position by 5 s
     * or more (a stall, a seek) is published.
     */
    public synchronized void playerElapsed(String playerId, double seconds) {
        PlayerState player = players.get(playerId);
        if (player == null || player.playbackState() == PlaybackState.IDLE) {
            return;
        }
        double now = now();
        Double projected = player.correctedElapsed(now);
        players.put(playerId, player.withElapsed(seconds, now));
        if (projected == null || Math.abs(projected - seconds) >= 5) {
            publish(playerId);
        } else {
            lastPlayerViews.put(playerId, playerView(players.get(playerId)));
            QueueState queue = queues.get(playerId);
            if (queue != null) {
                lastQueueViews.put(playerId, queueView(queue));
            }
        }
    }

    /** Playback ran out (slimproto STMu, or the stream failed): idle, no current media. */
    public synchronized void playbackEnded(String playerId) {
        PlayerState player = players.get(playerId);
        if (player == null) {
            return;
        }
        mediaCleared.add(playerId);
        becomeIdle(playerId, player);
    }

    /**
     * The stream session a queue's URLs must carry (MA's {@code PlayerQueueData.session_id}),
     * with the item and position {@code play_index} started. Empty for an unknown queue.
     */
    public synchronized Optional<StreamSession> streamSession(String queueId) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            return Optional.empty();
        }
        return Optional.of(new StreamSession(queue.sessionId, queue.sessionItemId, queue.sessionSeek));
    }

    /** A queue's stream session; {@code sessionId} is null before anything was played. */
    public record StreamSession(String sessionId, String startItemId, int seekPosition) {
    }

    /** An item of a queue by its id (what the stream server serves). */
    public synchronized Optional<QueueItem> queueItem(String queueId, String queueItemId) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            return Optional.empty();
        }
        Integer index = indexById(queue, queueItemId);
        return index == null ? Optional.empty() : Optional.of(queue.items.get(index));
    }

    // ---------------------------------------------------------------- player configs

    /** {@code config/players/get}; empty when the player was never seen. */
    public synchronized Optional<PlayerConfig> playerConfig(String playerId) {
        ConfigState config = configs.get(playerId);
        return config == null ? Optional.empty() : Optional.of(config.snapshot(playerId));
    }

    /** {@code config/players}: every known player's config, also of players now gone. */
    public synchronized List<PlayerConfig> playerConfigs() {
        return configs.entrySet().stream().map(e -> e.getValue().snapshot(e.getKey())).toList();
    }

    /** One setting's effective value, or null for an unknown player or key. */
    public synchronized Object playerConfigValue(String playerId, String key) {
        ConfigState config = configs.get(playerId);
        return config == null ? null : config.value(key);
    }

    /**
     * {@code config/players/save}: {@code enabled} and {@code name} are root values, other known
     * keys are settings (unknown keys are ignored). Changes emit {@code player_config_updated}
     * and then apply to the player.
     */
    public synchronized PlayerConfig savePlayerConfig(String playerId, Map<String, Object> values) {
        ConfigState config = configs.get(playerId);
        if (config == null) {
            throw MaError.keyError("No config found for player id " + playerId);
        }
        boolean changed = false;
        for (Map.Entry<String, Object> change : values.entrySet()) {
            String key = change.getKey();
            Object value = change.getValue();
            switch (key) {
                case "enabled" -> {
                    boolean enabled = !Boolean.FALSE.equals(value) && value != null;
                    changed |= config.enabled != enabled;
                    config.enabled = enabled;
                }
                case "name" -> {
                    String name = value == null || value.toString().isEmpty() ? null : value.toString();
                    changed |= !Objects.equals(config.name, name);
                    config.name = name;
                }
                default -> {
                    Optional<PlayerConfigEntry> entry = config.entries.stream()
                            .filter(e -> e.key().equals(key)).findFirst();
                    if (entry.isPresent()) {
                        Object parsed = entry.get().parse(value);
                        changed |= !Objects.equals(config.value(entry.get()), parsed);
                        config.values.put(key, parsed);
                    }
                }
            }
        }
        PlayerConfig snapshot = config.snapshot(playerId);
        if (changed) {
            listener.playerConfigUpdated(snapshot);
            PlayerState player = players.get(playerId);
            if (player != null) {
                players.put(playerId, withConfig(player, config));
                publish(playerId);
            }
        }
        return snapshot;
    }

    private static PlayerState withConfig(PlayerState state, ConfigState config) {
        return state.withName(config.name != null ? config.name : config.defaultName)
                .withEnabled(config.enabled)
                .withHideInUi(Boolean.TRUE.equals(config.value(PlayerConfigEntry.HIDE_IN_UI)));
    }

    private PlayerOutput output(String playerId) {
        return outputs.get(playerId);
    }

    /** Passes a command on to the player's protocol side, if it has one (Slimproto players do). */
    private void tell(String playerId, Consumer<PlayerOutput> command) {
        PlayerOutput output = output(playerId);
        if (output != null) {
            command.accept(output);
        }
    }

    // ---------------------------------------------------------------- player commands

    /** players/cmd/stop. */
    public synchronized void cmdStop(String playerId) {
        PlayerState player = requirePlayer(playerId);
        QueueState queue = activeQueue(player);
        if (queue != null) {
            queueStop(queue.queueId);
            return;
        }
        handleStop(playerId);
    }

    /** players/cmd/play: unpause, or resume the queue when not paused; no-op while playing. */
    public synchronized void cmdPlay(String playerId, String username) {
        PlayerState player = requirePlayer(playerId);
        if (player.playbackState() == PlaybackState.PLAYING) {
            return;
        }
        if (player.playbackState() != PlaybackState.PAUSED) {
            String source = player.activeSource() != null ? player.activeSource() : playerId;
            if (queues.containsKey(source)) {
                queueResume(source, username);
                return;
            }
        }
        handlePlay(playerId);
    }

    public synchronized void cmdPause(String playerId) {
        PlayerState player = requirePlayer(playerId);
        QueueState queue = activeQueue(player);
        if (queue != null) {
            queuePause(queue.queueId);
            return;
        }
        handlePause(playerId);
    }

    public synchronized void cmdPlayPause(String playerId, String username) {
        PlayerState player = requirePlayer(playerId);
        if (player.playbackState() == PlaybackState.PLAYING) {
            cmdPause(playerId);
        } else {
            cmdPlay(playerId, username);
        }
    }

    public synchronized void cmdNext(String playerId, String username) {
        skipTrack(playerId, username, true);
    }

    public synchronized void cmdPrevious(String playerId, String username) {
        skipTrack(playerId, username, false);
    }

    private void skipTrack(String playerId, String username, boolean forward) {
        PlayerState player = requirePlayer(playerId);
        QueueState queue = activeQueue(player);
        if (queue != null) {
            if (forward) {
                queueNext(queue.queueId, username);
            } else {
                queuePrevious(queue.queueId, username);
            }
            return;
        }
        if (player.device().supports(PlayerFeature.NEXT_PREVIOUS)) {
            String sourceId = player.activeSource() != null ? player.activeSource() : playerId;
            Optional<PlayerDevice.Source> source = source(player, sourceId);
            if (source.isPresent() && source.get().canNextPrevious()) {
                return; // the source skips on its own; nothing of ours changes
            }
            throw MaError.of(ErrorCode.PLAYER_COMMAND_FAILED, "This action is (currently) unavailable for this source.");
        }
        throw MaError.of(ErrorCode.UNSUPPORTED_FEATURE, "Player " + player.name() + " does not support skipping to the "
                + (forward ? "next" : "previous") + " track.");
    }

    public synchronized void cmdSeek(String playerId, int position, String username) {
        PlayerState player = requirePlayer(playerId);
        QueueState queue = activeQueue(player);
        if (queue != null) {
            queueSeek(queue.queueId, position, username);
            return;
        }
        Optional<PlayerDevice.Source> source = source(player, player.activeSource());
        if (source.isPresent() && !source.get().canSeek()) {
            throw MaError.of(ErrorCode.PLAYER_COMMAND_FAILED, "The active source (" + source.get().name()
                    + ") on player " + player.name() + " does not support seeking");
        }
        if (!player.device().supports(PlayerFeature.SEEK)) {
            throw MaError.of(ErrorCode.UNSUPPORTED_FEATURE, "Player " + player.name() + " does not support seeking");
        }
        players.put(playerId, player.withElapsed((double) Math.max(0, position), now()));
        publish(playerId);
    }

    /** players/cmd/power: powering off stops playback; players without power control ignore it. */
    public synchronized void cmdPower(String playerId, boolean powered) {
        PlayerState player = requirePlayer(playerId);
        if (Objects.equals(player.powered(), powered)) {
            return;
        }
        if (!powered && (player.playbackState() == PlaybackState.PLAYING
                || player.playbackState() == PlaybackState.PAUSED)) {
            handleStop(playerId);
        }
        if (player.type() == PlayerType.GROUP) {
            for (String member : player.groupMembers()) {
                PlayerState memberState = players.get(member);
                if (memberState != null && memberState.available()
                        && !"none".equals(memberState.device().powerControl())) {
                    cmdPower(member, powered);
                }
            }
        }
        if ("none".equals(player.device().powerControl())) {
            return;
        }
        players.put(playerId, players.get(playerId).withPowered(powered));
        publish(playerId);
        tell(playerId, o -> o.power(powered));
    }

    public synchronized void cmdVolumeSet(String playerId, int volume) {
        PlayerState player = requirePlayer(playerId);
        if (player.type() == PlayerType.GROUP) {
            cmdGroupVolume(playerId, volume);
            return;
        }
        if (Boolean.TRUE.equals(player.volumeMuted()) && "native".equals(player.device().muteControl())) {
            player = player.withVolumeMuted(false);
        }
        if ("none".equals(player.device().volumeControl())) {
            throw MaError.of(ErrorCode.UNSUPPORTED_FEATURE,
                    "Player " + player.name() + " does not support volume control");
        }
        // The provider clamps; newest MA also clamps before forwarding.
        int level = Math.max(0, Math.min(100, volume));
        players.put(playerId, player.withVolumeLevel(level));
        publish(playerId);
        tell(playerId, o -> o.volumeSet(level));
    }

    /** players/cmd/volume_up and volume_down: MA's step of 1, 2 or 5 depending on the level. */
    public synchronized void cmdVolumeStep(String playerId, boolean up) {
        PlayerState player = requirePlayer(playerId);
        int current = player.volumeLevel() == null ? 0 : player.volumeLevel();
        int step = volumeStep(current);
        cmdVolumeSet(playerId, up ? Math.min(100, current + step) : Math.max(0, current - step));
    }

    public synchronized void cmdVolumeMute(String playerId, boolean muted) {
        PlayerState player = requirePlayer(playerId);
        if ("none".equals(player.device().volumeControl())) {
            throw MaError.of(ErrorCode.UNSUPPORTED_FEATURE, "Player " + player.name() + " does not support muting");
        }
        if ("native".equals(player.device().muteControl())) {
            players.put(playerId, player.withVolumeMuted(muted));
            publish(playerId);
        }
        // mute_control "none": MA finds no control to forward to and silently does nothing.
    }

    public synchronized void cmdGroupVolume(String playerId, int volume) {
        PlayerState player = requireAvailable(playerId);
        if (player.type() == PlayerType.GROUP || !player.groupMembers().isEmpty()) {
            setGroupVolume(player, volume);
            return;
        }
        if (player.syncedTo() != null && players.containsKey(player.syncedTo())) {
            setGroupVolume(players.get(player.syncedTo()), volume);
            return;
        }
        cmdVolumeSet(playerId, volume);
    }

    public synchronized void cmdGroupVolumeStep(String playerId, boolean up) {
        PlayerState player = requireAvailable(playerId);
        int current = groupVolume(player);
        int step = volumeStep(current);
        cmdGroupVolume(playerId, up ? Math.min(100, current + step) : Math.max(0, current - step));
    }

    public synchronized void cmdGroupVolumeMute(String playerId, boolean muted) {
        PlayerState player = requireAvailable(playerId);
        if (player.type() == PlayerType.GROUP || !player.groupMembers().isEmpty()) {
            for (PlayerState member : poweredMembers(player)) {
                cmdVolumeMute(member.playerId(), muted);
            }
        }
    }

    private void setGroupVolume(PlayerState group, int volume) {
        int difference = volume - groupVolume(group);
        for (PlayerState member : poweredMembers(group)) {
            if ("none".equals(member.device().volumeControl())) {
                continue;
            }
            int current = member.volumeLevel() == null ? 0 : member.volumeLevel();
            cmdVolumeSet(member.playerId(), Math.max(0, Math.min(100, current + difference)));
        }
        publish(group.playerId());
    }

    private static int volumeStep(int current) {
        if (current < 5 || current > 95) {
            return 1;
        }
        if (current < 20 || current > 80) {
            return 2;
        }
        return 5;
    }

    // ---------------------------------------------------------------- queue commands

    /**
     * player_queues/play_media. The media has been resolved by the caller; an entry whose
     * resolution failed was already skipped (MA only logs those).
     */
    public synchronized void playMedia(String queueId, List<Resolved> media, QueueOption requestedOption,
            String username) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Queue " + queueId + " is not available");
        }
        requireAvailable(queueId);
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
                default -> { }
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
            newItems.add(newItem(queueId, item, 0));
        }
        PlaybackState state = queueState(queue);
        int current;
        if (state == PlaybackState.PLAYING || state == PlaybackState.PAUSED) {
            current = queue.indexInBuffer != null ? queue.indexInBuffer
                    : queue.currentIndex != null ? queue.currentIndex : 0;
        } else {
            current = queue.currentIndex != null ? queue.currentIndex : 0;
        }
        int insertAt = current + 1;
        boolean shuffle = queue.shuffle && newItems.size() > 1;
        switch (option) {
            case REPLACE -> {
                load(queue, newItems, 0, false, false, shuffle);
                playIndex(queueId, 0, 0, username);
            }
            case NEXT -> load(queue, newItems, insertAt, true, true, shuffle);
            case REPLACE_NEXT -> load(queue, newItems, insertAt, false, true, shuffle);
            case PLAY -> {
                load(queue, newItems, insertAt, true, true, shuffle);
                // Faithful to MA: with an empty queue this starts at index 1 when several items
                // were given, because the insert position is computed as current + 1.
                playIndex(queueId, Math.min(insertAt, queue.items.size() - 1), 0, username);
            }
            case ADD -> {
                load(queue, newItems, queue.shuffle ? insertAt : queue.items.size() + 1, true, true, queue.shuffle);
                if (queue.currentIndex == null) {
                    queue.currentIndex = 0;
                    signalQueue(queue, false);
                }
            }
            default -> { } // QueueOption "unknown": MA matches none of its branches and does nothing
        }
        PlayerOutput output = output(queueId);
        if (output != null && (option == QueueOption.NEXT || option == QueueOption.REPLACE_NEXT
                || option == QueueOption.ADD)) {
            // MA (re)enqueues the next item when the queue grows while a player is playing
            output.queueChanged();
        }
    }

    /** player_queues/play_index; {@code index} is an int position or a queue_item_id. */
    public synchronized void playIndex(String queueId, Object index, int seekPosition, String username) {
        QueueState queue = requireQueue(queueId);
        queue.resumePos = 0;
        int position;
        if (index instanceof String queueItemId) {
            Integer found = indexById(queue, queueItemId);
            if (found == null) {
                throw MaError.of(ErrorCode.INVALID_DATA, "Item " + queueItemId + " not found in queue");
            }
            position = found;
        } else {
            position = (Integer) index;
        }
        queue.indexInBuffer = position;
        PlayerState player = players.get(queueId);
        if (player == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + queueId + " is not available");
        }
        if (position < 0 || position >= queue.items.size()) {
            throw MaError.of(ErrorCode.MEDIA_NOT_FOUND, "No playable item found to start playback");
        }
        QueueItem item = queue.items.get(position);
        queue.currentIndex = position;
        double now = now();
        queue.elapsed = seekPosition;
        queue.elapsedUpdated = now;
        PlayerState playing = player.withActiveSource(queueId)
                .withPlaybackState(PlaybackState.PLAYING)
                .withElapsed((double) seekPosition, now);
        boolean poweringOn = false;
        if (!"none".equals(player.device().powerControl())) {
            poweringOn = !Boolean.TRUE.equals(player.powered());
            playing = playing.withPowered(true);
        }
        players.put(queueId, playing);
        // every play_index starts a new stream session; URLs of the previous one now 404
        queue.sessionId = newSessionId();
        queue.sessionItemId = item.queueItemId();
        queue.sessionSeek = seekPosition;
        mediaCleared.remove(queueId);
        playlog.record(username, item.mediaItem(), false, queueId);
        signalQueue(queue, false);
        PlayerOutput output = output(queueId);
        if (output != null) {
            // MA's player controller powers a player on before handing it the media
            if (poweringOn) {
                output.power(true);
            }
            output.playMedia(new QueueStream(queueId, item, queue.sessionId, seekPosition));
        }
    }

    /** MA: {@code shortuuid.random(8)}. */
    private String newSessionId() {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(alphabet.charAt(sessionRandom.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    public synchronized void queueStop(String queueId) {
        PlayerState player = requireAvailable(queueId);
        QueueState queue = queues.get(queueId);
        if (queue != null && isActive(queue) && player.playbackState() == PlaybackState.PLAYING) {
            queue.resumePos = (int) correctedElapsed(queue);
        }
        handleStop(queueId);
    }

    public synchronized void queuePlay(String queueId, String username) {
        PlayerState player = requireAvailable(queueId);
        QueueState queue = queues.get(queueId);
        if (queue != null && isActive(queue) && player.playbackState() == PlaybackState.PAUSED) {
            handlePlay(queueId);
            return;
        }
        queueResume(queueId, username);
    }

    /** player_queues/pause: an unknown queue is silently ignored. */
    public synchronized void queuePause(String queueId) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            return;
        }
        PlayerState player = players.get(queueId);
        if (player == null || !player.available()) {
            return; // players/cmd/pause ignores unavailable players
        }
        if (isActive(queue) && player.playbackState() == PlaybackState.PLAYING) {
            queue.resumePos = (int) correctedElapsed(queue);
        }
        handlePause(queueId);
    }

    public synchronized void queuePlayPause(String queueId, String username) {
        QueueState queue = queues.get(queueId);
        if (queue != null && queueState(queue) == PlaybackState.PLAYING) {
            queuePause(queueId);
            return;
        }
        queuePlay(queueId, username);
    }

    public synchronized void queueNext(String queueId, String username) {
        QueueState queue = requireActive(queueId);
        if (queue.currentIndex == null) {
            return;
        }
        Integer next = nextIndex(queue, queue.currentIndex, true);
        if (next != null) {
            playIndex(queueId, next, 0, username);
        }
    }

    public synchronized void queuePrevious(String queueId, String username) {
        QueueState queue = requireActive(queueId);
        if (queue.currentIndex == null) {
            return;
        }
        int previous = queue.currentIndex;
        // MA restarts the current track when more than 5 seconds of it have played.
        if (correctedElapsed(queue) < 5) {
            previous = Math.max(previous - 1, 0);
        }
        playIndex(queueId, previous, 0, username);
    }

    public synchronized void queueSeek(String queueId, int position, String username) {
        QueueState queue = requireActive(queueId);
        PlayerState player = requireAvailable(queueId);
        QueueItem current = currentItem(queue);
        if (current == null) {
            throw MaError.of(ErrorCode.INVALID_COMMAND, "Queue " + player.name() + " has no item(s) loaded.");
        }
        Integer duration = durationOf(current.mediaItem());
        if (duration == null || duration == 0) {
            throw MaError.of(ErrorCode.INVALID_COMMAND, "Can not seek items without duration.");
        }
        int target = Math.max(0, position);
        if (target > duration) {
            throw MaError.of(ErrorCode.INVALID_COMMAND, "Can not seek outside of duration range.");
        }
        playIndex(queueId, queue.currentIndex, target, username);
    }

    public synchronized void queueSkip(String queueId, int seconds, String username) {
        QueueState queue = requireActive(queueId);
        queueSeek(queueId, (int) (correctedElapsed(queue) + seconds), username);
    }

    public synchronized void queueResume(String queueId, String username) {
        QueueState queue = requireQueue(queueId);
        QueueItem resumeItem = currentItem(queue);
        double resumePos;
        if (queueState(queue) == PlaybackState.PLAYING) {
            resumePos = correctedElapsed(queue);
        } else {
            resumePos = queue.resumePos != 0 ? queue.resumePos : queue.elapsed;
        }
        if (resumeItem == null && !queue.items.isEmpty()) {
            int index = queue.currentIndex != null && queue.currentIndex < queue.items.size() ? queue.currentIndex : 0;
            resumeItem = queue.items.get(index);
            resumePos = 0;
        }
        if (resumeItem == null) {
            throw MaError.of(ErrorCode.QUEUE_EMPTY,
                    "Resume queue requested but queue " + displayName(queue) + " is empty");
        }
        if (players.get(queueId) == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + queueId + " is not available");
        }
        if (resumeItem.mediaItem() instanceof Radio) {
            resumePos = 0; // a live stream cannot be resumed at a position
        }
        playIndex(queueId, resumeItem.queueItemId(), (int) resumePos, username);
    }

    public synchronized void queueShuffle(String queueId, boolean enabled) {
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
        load(queue, upcoming, nextIndex, false, true, enabled);
    }

    public synchronized void queueRepeat(String queueId, RepeatMode mode) {
        QueueState queue = requireQueue(queueId);
        if (queue.repeat == mode) {
            return;
        }
        queue.repeat = mode;
        signalQueue(queue, false);
    }

    public synchronized void queueDontStopTheMusic(String queueId, boolean enabled) {
        QueueState queue = requireQueue(queueId);
        queue.dontStopTheMusic = enabled;
        signalQueue(queue, false);
    }

    public synchronized void clear(String queueId, boolean skipStop) {
        QueueState queue = requireQueue(queueId);
        if (queueState(queue) != PlaybackState.IDLE && !skipStop) {
            PlayerState player = players.get(queueId);
            if (player != null && player.available()) {
                queueStop(queueId);
            }
        }
        queue.currentIndex = null;
        queue.indexInBuffer = null;
        queue.elapsed = 0;
        queue.elapsedUpdated = now();
        updateItems(queue, new ArrayList<>());
    }

    public synchronized void deleteItem(String queueId, Object itemIdOrIndex) {
        int index;
        if (itemIdOrIndex instanceof String queueItemId) {
            QueueState queue = requireQueue(queueId);
            Integer found = indexById(queue, queueItemId);
            if (found == null) {
                throw MaError.of(ErrorCode.INVALID_DATA, "Item " + queueItemId + " not found in queue");
            }
            index = found;
        } else {
            index = (Integer) itemIdOrIndex;
        }
        QueueState queue = requireQueue(queueId);
        if (queue.indexInBuffer != null && index <= queue.indexInBuffer) {
            return; // MA ignores deletes of items already loaded in the player's buffer
        }
        if (index < 0 || index >= queue.items.size()) {
            throw MaError.builtin("pop index out of range");
        }
        List<QueueItem> items = new ArrayList<>(queue.items);
        items.remove(index);
        updateItems(queue, items);
    }

    public synchronized void transfer(String sourceId, String targetId, Boolean autoPlay, String username) {
        QueueState source = queues.get(sourceId);
        if (source == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Queue " + sourceId + " is not available");
        }
        QueueState target = queues.get(targetId);
        if (target == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Queue " + targetId + " is not available");
        }
        boolean play = autoPlay != null ? autoPlay : queueState(source) == PlaybackState.PLAYING;
        if (players.get(targetId) == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + targetId + " is not available");
        }
        List<QueueItem> moved = source.items.stream().map(i -> i.withQueueId(targetId)).toList();
        target.repeat = source.repeat;
        target.shuffle = source.shuffle;
        target.dontStopTheMusic = source.dontStopTheMusic;
        target.enqueuedNames.clear();
        target.enqueuedNames.addAll(source.enqueuedNames);
        target.resumePos = (int) correctedElapsed(source);
        Integer currentIndex = source.currentIndex;
        clear(sourceId, false);
        target.items.clear();
        target.currentIndex = currentIndex;
        updateItems(target, new ArrayList<>(moved));
        if (play) {
            queueResume(targetId, username);
        }
    }

    // ---------------------------------------------------------------- internals

    /** Idle at position 0, the active queue's elapsed time reset with it, and the change published. */
    private void becomeIdle(String playerId, PlayerState player) {
        players.put(playerId, player.withPlaybackState(PlaybackState.IDLE).withElapsed(0.0, now()));
        QueueState queue = queues.get(playerId);
        if (queue != null && isActive(queue)) {
            queue.elapsed = 0;
            queue.elapsedUpdated = now();
        }
        publish(playerId);
    }

    private void handleStop(String playerId) {
        PlayerState player = players.get(playerId);
        if (player.playbackState() == PlaybackState.IDLE) {
            return;
        }
        becomeIdle(playerId, player);
        tell(playerId, PlayerOutput::stop);
    }

    private void handlePlay(String playerId) {
        PlayerState player = players.get(playerId);
        if (player.playbackState() != PlaybackState.PAUSED) {
            return;
        }
        double position = player.elapsedTime() == null ? 0 : player.elapsedTime();
        players.put(playerId, player.withPlaybackState(PlaybackState.PLAYING).withElapsed(position, now()));
        publish(playerId);
        tell(playerId, PlayerOutput::play);
    }

    private void handlePause(String playerId) {
        PlayerState player = players.get(playerId);
        if (player.playbackState() != PlaybackState.PLAYING) {
            return;
        }
        double now = now();
        Double position = player.correctedElapsed(now);
        players.put(playerId, player.withPlaybackState(PlaybackState.PAUSED).withElapsed(position, now));
        QueueState queue = queues.get(playerId);
        if (queue != null && isActive(queue) && position != null) {
            queue.elapsed = position;
            queue.elapsedUpdated = now;
        }
        publish(playerId);
        tell(playerId, PlayerOutput::pause);
    }

    private void load(QueueState queue, List<QueueItem> newItems, int insertAt, boolean keepRemaining,
            boolean keepPlayed, boolean shuffle) {
        int cut = clampIndex(insertAt, queue.items.size());
        List<QueueItem> previous = keepPlayed ? new ArrayList<>(queue.items.subList(0, cut)) : new ArrayList<>();
        List<QueueItem> next = new ArrayList<>(newItems);
        if (keepRemaining) {
            next.addAll(queue.items.subList(cut, queue.items.size()));
        }
        for (int i = 0; i < next.size(); i++) {
            next.set(i, next.get(i).withSortIndex(next.get(i).sortIndex() + insertAt + i));
        }
        if (shuffle) {
            Collections.shuffle(next, random);
        }
        previous.addAll(next);
        updateItems(queue, previous);
    }

    private void updateItems(QueueState queue, List<QueueItem> items) {
        queue.items.clear();
        queue.items.addAll(items);
        signalQueue(queue, true);
    }

    /** MA uses uuid4().hex; a counter run through two mixers keeps ids unique and repeatable. */
    private QueueItem newItem(String queueId, MediaItem item, int sortIndex) {
        queueItemCounter++;
        String id = String.format("%016x%016x", queueItemCounter * 0x9E3779B97F4A7C15L ^ 0x5f0c8e2a9b7d4c1eL,
                queueItemCounter * 0xC2B2AE3D27D4EB4FL ^ 0x8a3f6b2d9c0e1a7bL);
        return new QueueItem(queueId, id, item, sortIndex, true);
    }

    private Integer nextIndex(QueueState queue, int current, boolean isSkip) {
        if (queue.items.isEmpty()) {
            return null;
        }
        if (queue.repeat == RepeatMode.ONE && !isSkip) {
            return current;
        }
        if (current >= queue.items.size() - 1) {
            return queue.repeat == RepeatMode.ALL ? 0 : null;
        }
        return current + 1;
    }

    private Integer indexById(QueueState queue, String queueItemId) {
        for (int i = 0; i < queue.items.size(); i++) {
            if (queue.items.get(i).queueItemId().equals(queueItemId)) {
                return i;
            }
        }
        return null;
    }

    private void signalQueue(QueueState queue, boolean itemsChanged) {
        QueueView view = queueView(queue);
        lastQueueViews.put(queue.queueId, view);
        listener.queueUpdated(view, itemsChanged);
        publishPlayerOnly(queue.queueId);
    }

    /** Emits player_updated when the player's view changed, and queue_updated when its queue's did. */
    private void publish(String playerId) {
        publishPlayerOnly(playerId);
        QueueState queue = queues.get(playerId);
        if (queue != null) {
            QueueView view = queueView(queue);
            if (!view.equals(lastQueueViews.get(playerId))) {
                lastQueueViews.put(playerId, view);
                listener.queueUpdated(view, false);
            }
        }
        // group players derive their volume from the members
        for (PlayerState other : players.values()) {
            if (other.groupMembers().contains(playerId)) {
                publishPlayerOnly(other.playerId());
            }
        }
    }

    private void publishPlayerOnly(String playerId) {
        PlayerState player = players.get(playerId);
        if (player == null) {
            return;
        }
        PlayerView view = playerView(player);
        if (!view.equals(lastPlayerViews.get(playerId))) {
            lastPlayerViews.put(playerId, view);
            listener.playerUpdated(view);
        }
    }

    private PlayerView playerView(PlayerState player) {
        PlayerView.CurrentMedia media = null;
        QueueState queue = player.activeSource() == null ? null : queues.get(player.activeSource());
        if (queue != null && !mediaCleared.contains(player.playerId())) {
            QueueItem item = currentItem(queue);
            if (item != null) {
                double position = player.elapsedTime() == null ? 0 : player.elapsedTime();
                double measured = player.elapsedTimeLastUpdated() == null ? now() : player.elapsedTimeLastUpdated();
                media = new PlayerView.CurrentMedia(item, queue.queueId, (int) position, measured);
            }
        }
        boolean grouped = player.type() == PlayerType.GROUP || !player.groupMembers().isEmpty();
        Integer groupVolume = grouped ? Integer.valueOf(groupVolume(player)) : player.volumeLevel();
        Boolean groupMuted = grouped
                ? poweredMembers(player).stream().allMatch(m -> Boolean.TRUE.equals(m.volumeMuted()))
                        && !poweredMembers(player).isEmpty()
                : player.volumeMuted();
        return new PlayerView(player, media, groupVolume, groupMuted);
    }

    private QueueView queueView(QueueState queue) {
        PlayerState player = players.get(queue.queueId);
        boolean active = isActive(queue);
        double elapsed = queue.elapsed;
        double updated = queue.elapsedUpdated;
        if (active && player.elapsedTime() != null) {
            elapsed = player.elapsedTime();
            updated = player.elapsedTimeLastUpdated() == null ? updated : player.elapsedTimeLastUpdated();
        }
        QueueItem current = currentItem(queue);
        QueueItem next = null;
        Integer nextIndex = null;
        if (current != null) {
            nextIndex = nextIndex(queue, queue.currentIndex, false);
            next = nextIndex == null ? null : queue.items.get(nextIndex);
        }
        return new QueueView(queue.queueId, active, displayName(queue), player.available(), queue.items.size(),
                queue.shuffle, queue.repeat, queue.dontStopTheMusic, queue.currentIndex, queue.indexInBuffer,
                elapsed, updated, queueState(queue), current, next, nextIndex, queue.resumePos,
                String.join(" / ", queue.enqueuedNames));
    }

    private String displayName(QueueState queue) {
        return players.get(queue.queueId).name();
    }

    private boolean isActive(QueueState queue) {
        PlayerState player = players.get(queue.queueId);
        return player != null && queue.queueId.equals(player.activeSource());
    }

    private PlaybackState queueState(QueueState queue) {
        return isActive(queue) ? players.get(queue.queueId).playbackState() : PlaybackState.IDLE;
    }

    private double correctedElapsed(QueueState queue) {
        if (isActive(queue)) {
            Double position = players.get(queue.queueId).correctedElapsed(now());
            return position == null ? 0 : position;
        }
        return queue.elapsed;
    }

    private QueueItem currentItem(QueueState queue) {
        Integer index = queue.currentIndex;
        return index == null || index < 0 || index >= queue.items.size() ? null : queue.items.get(index);
    }

    /** MA's {@code get_active_queue}: follows sync leader and active group, then the active source. */
    private QueueState activeQueue(PlayerState player) {
        if (player.syncedTo() != null && !player.syncedTo().equals(player.playerId())
                && players.containsKey(player.syncedTo())) {
            return activeQueue(players.get(player.syncedTo()));
        }
        if (player.activeGroup() != null && !player.activeGroup().equals(player.playerId())
                && players.containsKey(player.activeGroup())) {
            return activeQueue(players.get(player.activeGroup()));
        }
        String source = player.activeSource() != null ? player.activeSource() : player.playerId();
        return queues.get(source);
    }

    private int groupVolume(PlayerState group) {
        List<PlayerState> members = poweredMembers(group);
        if (group.type() != PlayerType.GROUP && group.groupMembers().isEmpty()) {
            return group.volumeLevel() == null ? 0 : group.volumeLevel();
        }
        int total = 0;
        int counted = 0;
        for (PlayerState member : members) {
            if (member.volumeLevel() != null) {
                total += member.volumeLevel();
                counted++;
            }
        }
        return counted == 0 ? 0 : Math.round((float) total / counted);
    }

    private List<PlayerState> poweredMembers(PlayerState group) {
        List<PlayerState> members = new ArrayList<>();
        for (String memberId : group.groupMembers()) {
            PlayerState member = players.get(memberId);
            if (member != null && member.available() && !Boolean.FALSE.equals(member.powered())) {
                members.add(member);
            }
        }
        return members;
    }

    private Optional<PlayerDevice.Source> source(PlayerState player, String sourceId) {
        if (sourceId == null) {
            return Optional.empty();
        }
        return player.device().sourceList().stream().filter(s -> s.id().equals(sourceId)).findFirst();
    }

    private PlayerState requirePlayer(String playerId) {
        PlayerState player = players.get(playerId);
        if (player == null) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + playerId + " is not available");
        }
        return player;
    }

    /** MA's {@code get_player(id, raise_unavailable=True)}. */
    private PlayerState requireAvailable(String playerId) {
        PlayerState player = players.get(playerId);
        if (player == null || !player.available() || !player.enabled()) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + playerId + " is not available");
        }
        return player;
    }

    /** MA indexes {@code self._queues[queue_id]}: an unknown id is a KeyError. */
    private QueueState requireQueue(String queueId) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            throw MaError.keyError(queueId);
        }
        return queue;
    }

    private QueueState requireActive(String queueId) {
        QueueState queue = queues.get(queueId);
        if (queue == null || !isActive(queue)) {
            throw MaError.of(ErrorCode.INVALID_COMMAND, "Queue " + queueId + " is not active");
        }
        return queue;
    }

    static Integer durationOf(MediaItem item) {
        return switch (item) {
            case Track track -> track.duration();
            case Radio radio -> null;
            default -> null;
        };
    }

    private static int clampIndex(int index, int size) {
        return Math.max(0, Math.min(index, size));
    }

    /** The mutable state of one queue; guarded by the hub's monitor. */
    private static final class QueueState {
        final String queueId;
        final List<QueueItem> items = new ArrayList<>();
        final List<String> enqueuedNames = new ArrayList<>();
        Integer currentIndex;
        Integer indexInBuffer;
        boolean shuffle;
        RepeatMode repeat = RepeatMode.OFF;
        boolean dontStopTheMusic;
        double elapsed;
        double elapsedUpdated;
        int resumePos;
        String sessionId;
        String sessionItemId;
        int sessionSeek;

        QueueState(String queueId) {
            this.queueId = queueId;
        }
    }

    /** A player's stored config (MA keeps it in settings.json, also while the player is gone). */
    private static final class ConfigState {
        final String provider;
        final PlayerType type;
        final List<PlayerConfigEntry> entries;
        final Map<String, Object> values = new HashMap<>();
        String defaultName;
        String name;
        boolean enabled = true;

        /** A player's config as MA starts it: Slimproto options for squeezelite players. */
        static ConfigState of(PlayerState state) {
            return new ConfigState(state.device().provider(), state.type(), state.name(),
                    state.device().provider().startsWith("squeezelite"));
        }

        ConfigState(String provider, PlayerType type, String defaultName, boolean slimproto) {
            this.provider = provider;
            this.type = type;
            this.defaultName = defaultName;
            this.entries = PlayerConfigEntry.forPlayer(slimproto);
        }

        PlayerConfig snapshot(String playerId) {
            List<PlayerConfig.Value> current = new ArrayList<>();
            for (PlayerConfigEntry entry : entries) {
                current.add(new PlayerConfig.Value(entry, value(entry)));
            }
            return new PlayerConfig(provider, playerId, enabled, name, defaultName, type, current);
        }

        /** One setting's effective value (saved, else its default), or null for a key this player has not. */
        Object value(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst().map(this::value).orElse(null);
        }

        private Object value(PlayerConfigEntry entry) {
            return values.containsKey(entry.key()) ? values.get(entry.key()) : entry.defaultValue();
        }
    }
}
