package io.musicassistant.alexa.connector.players;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.content.ContentResolver;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.platform.CommandFailure;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.PlayResult;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.RelayError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Players, as Music Assistant's players and player_queues controllers expose them
 * (controllers/players/controller.py, controllers/player_queues.py). MA silently ignores commands
 * for unknown or unavailable players, so every action first checks the player exists and is
 * reachable, and answers with the player's state afterwards.
 */
public final class PlayerControl {

    /** How long one Music Assistant call may take: inside the relay's deadline, with room for a second call. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(4);

    private final MaClient ma;
    private final ContentResolver resolver;
    private final Duration call;

    public PlayerControl(MaClient ma, ContentResolver resolver) {
        this(ma, resolver, CALL_TIMEOUT);
    }

    /** With another per-call timeout (tests on a loaded machine, where a cold JVM can take seconds). */
    PlayerControl(MaClient ma, ContentResolver resolver, Duration call) {
        this.ma = ma;
        this.resolver = resolver;
        this.call = call;
    }

    public List<PlayerInfo> list() {
        List<PlayerInfo> players = new ArrayList<>();
        for (JsonNode p : ma.call("players/all", Map.of("return_unavailable", true), call)) {
            if (MaPlayers.offered(p)) {
                players.add(MaPlayers.read(p));
            }
        }
        return players;
    }

    public PlayerInfo get(String playerId) {
        JsonNode p = ma.call("players/get", Map.of("player_id", playerId), call);
        if (p == null || p.isNull() || !p.isObject()) {
            throw new CommandFailure(RelayError.NO_SUCH_PLAYER, "no such player");
        }
        return MaPlayers.read(p);
    }

    public PlayerInfo control(PlayerAction action) {
        PlayerInfo player = reachable(action.playerId());
        String id = player.playerId();
        switch (action.action()) {
            case PLAY -> ma.call("players/cmd/play", Map.of("player_id", id), call);
            case PAUSE -> {
                require(player, "pause");
                ma.call("players/cmd/pause", Map.of("player_id", id), call);
            }
            case STOP -> ma.call("players/cmd/stop", Map.of("player_id", id), call);
            case NEXT -> ma.call("players/cmd/next", Map.of("player_id", id), call);
            case PREVIOUS -> ma.call("players/cmd/previous", Map.of("player_id", id), call);
            case POWER -> {
                require(player, "power");
                ma.call("players/cmd/power", Map.of("player_id", id, "powered", action.on()), call);
            }
            case VOLUME_SET -> setVolume(player, action.value());
            case VOLUME_ADJUST ->
                setVolume(player, clamp((player.volumeLevel() == null ? 0 : player.volumeLevel()) + action.value()));
            case VOLUME_UP -> {
                require(player, "volume_set");
                ma.call(
                        player.isGroup() ? "players/cmd/group_volume_up" : "players/cmd/volume_up",
                        Map.of("player_id", id),
                        call);
            }
            case VOLUME_DOWN -> {
                require(player, "volume_set");
                ma.call(
                        player.isGroup() ? "players/cmd/group_volume_down" : "players/cmd/volume_down",
                        Map.of("player_id", id),
                        call);
            }
            case MUTE -> {
                require(player, "volume_mute");
                // a group's mute is its members' (group_volume_muted), like its volume
                ma.call(
                        player.isGroup() ? "players/cmd/group_volume_mute" : "players/cmd/volume_mute",
                        Map.of("player_id", id, "muted", action.on()),
                        call);
            }
            case SHUFFLE ->
                ma.call("player_queues/shuffle", Map.of("queue_id", queueOf(id), "shuffle_enabled", action.on()), call);
            case REPEAT ->
                ma.call("player_queues/repeat", Map.of("queue_id", queueOf(id), "repeat_mode", action.repeat()), call);
        }
        return expected(get(id), action, player);
    }

    public PlayResult play(String playerId, ContentQuery query) {
        PlayerInfo player = reachable(playerId);
        ContentResolver.Playable playable = resolver.playable(query);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("queue_id", player.playerId());
        args.put("media", playable.uris().size() == 1 ? playable.uris().getFirst() : playable.uris());
        args.put("option", "replace");
        ma.call("player_queues/play_media", args, call);
        return new PlayResult(playable.kind(), playable.name(), playable.artist(), get(player.playerId()));
    }

    public PlayerInfo transfer(String fromPlayerId, String toPlayerId) {
        PlayerInfo from = reachable(fromPlayerId);
        PlayerInfo to = reachable(toPlayerId);
        ma.call(
                "player_queues/transfer",
                Map.of(
                        "source_queue_id",
                        queueOf(from.playerId()),
                        "target_queue_id",
                        to.playerId(),
                        "auto_play",
                        true),
                call);
        return get(to.playerId());
    }

    private PlayerInfo reachable(String playerId) {
        PlayerInfo player = get(playerId);
        if (!player.available()) {
            throw new CommandFailure(RelayError.PLAYER_UNAVAILABLE, "Music Assistant cannot reach that player");
        }
        return player;
    }

    private void setVolume(PlayerInfo player, int level) {
        require(player, "volume_set");
        if (player.isGroup()) {
            ma.call("players/cmd/group_volume", Map.of("player_id", player.playerId(), "volume_level", level), call);
        } else {
            ma.call("players/cmd/volume_set", Map.of("player_id", player.playerId(), "volume_level", level), call);
        }
    }

    /** The queue a player plays from: its own, unless it follows another (a group's). */
    private String queueOf(String playerId) {
        JsonNode queue = ma.call("player_queues/get_active_queue", Map.of("player_id", playerId), call);
        return queue != null && queue.hasNonNull("queue_id")
                ? queue.path("queue_id").asText()
                : playerId;
    }

    private static void require(PlayerInfo player, String feature) {
        if (!player.supports(feature)) {
            throw new CommandFailure(RelayError.UNSUPPORTED, "this player cannot " + feature.replace('_', ' '));
        }
    }

    /**
     * Music Assistant applies some commands asynchronously; the answer states what was asked for
     * even when MA's state has not caught up yet, as Alexa expects of a successful directive.
     */
    static PlayerInfo expected(PlayerInfo now, PlayerAction action, PlayerInfo before) {
        return switch (action.action()) {
            case PLAY -> with(now, now.powered(), now.volumeLevel(), now.muted(), PlayerInfo.PLAYING);
            case VOLUME_SET -> with(now, now.powered(), action.value(), now.muted(), now.playbackState());
            case VOLUME_ADJUST ->
                with(
                        now,
                        now.powered(),
                        clamp((before.volumeLevel() == null ? 0 : before.volumeLevel()) + action.value()),
                        now.muted(),
                        now.playbackState());
            case MUTE -> with(now, now.powered(), now.volumeLevel(), action.on(), now.playbackState());
            case POWER -> with(now, action.on(), now.volumeLevel(), now.muted(), now.playbackState());
            case PAUSE -> with(now, now.powered(), now.volumeLevel(), now.muted(), PlayerInfo.PAUSED);
            case STOP -> with(now, now.powered(), now.volumeLevel(), now.muted(), PlayerInfo.IDLE);
            default -> now;
        };
    }

    private static PlayerInfo with(PlayerInfo p, boolean powered, Integer volume, Boolean muted, String state) {
        return new PlayerInfo(
                p.playerId(),
                p.name(),
                p.type(),
                p.available(),
                powered,
                volume,
                muted,
                state,
                p.features(),
                p.groupMembers(),
                p.nowPlaying());
    }

    private static int clamp(int level) {
        return Math.max(0, Math.min(100, level));
    }
}
