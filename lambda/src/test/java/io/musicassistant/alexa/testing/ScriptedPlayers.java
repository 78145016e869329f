package io.musicassistant.alexa.testing;

import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.PlayerList;
import io.musicassistant.alexa.relay.protocol.PlayerRef;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.Command;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The players of a scripted home, for the cloud's own tests of the control skill: answers
 * {@code players.list}, {@code player.get} and {@code player.control} the way the connector does
 * (its own tests check it against the MA simulator; local-stack runs the two together).
 */
public final class ScriptedPlayers {

    public static final String KITCHEN = "RINCON_48A6B8C1D2E301400";
    public static final String LIVING_ROOM = "3f7b2c9e-8a41-4c1d-9b0e-6d2f5a8c1e47";
    public static final String BEDROOM = "ap7a3c91d0e2f4";
    public static final String DOWNSTAIRS = "ugp_5d0e7f3a9b2c";
    public static final String GARAGE = "00:04:20:2a:7c:19";
    /** A player id with characters Alexa does not allow in endpoint ids. */
    public static final String ODD = "media_player.büro lautsprecher";

    static final List<String> FULL = List.of("power", "volume_set", "volume_mute", "pause", "next_previous");

    private final Map<String, PlayerInfo> players = new LinkedHashMap<>();

    public ScriptedPlayers() {
        put(new PlayerInfo(
                KITCHEN,
                "Kitchen",
                "player",
                true,
                true,
                20,
                false,
                PlayerInfo.PLAYING,
                FULL,
                List.of(),
                new PlayerInfo.NowPlaying("Paranoid Android", "Radiohead", "OK Computer", "library://track/3", null)));
        put(new PlayerInfo(
                LIVING_ROOM, "Living Room", "player", true, true, 35, false, PlayerInfo.PAUSED, FULL, List.of(), null));
        put(new PlayerInfo(
                BEDROOM,
                "Bedroom",
                "player",
                true,
                true,
                10,
                null,
                PlayerInfo.IDLE,
                List.of("volume_set", "pause"),
                List.of(),
                null));
        put(new PlayerInfo(
                DOWNSTAIRS,
                "Downstairs",
                "group",
                true,
                true,
                28,
                false,
                PlayerInfo.IDLE,
                List.of("power", "volume_set", "volume_mute", "pause"),
                List.of(KITCHEN, LIVING_ROOM),
                null));
        put(new PlayerInfo(GARAGE, "Garage", "player", false, false, 0, false, PlayerInfo.IDLE, FULL, List.of(), null));
    }

    public synchronized void put(PlayerInfo player) {
        players.put(player.playerId(), player);
    }

    public synchronized void remove(String playerId) {
        players.remove(playerId);
    }

    public synchronized PlayerInfo get(String playerId) {
        return players.get(playerId);
    }

    public synchronized PlayerInfo update(String playerId, UnaryOperator<PlayerInfo> change) {
        PlayerInfo after = change.apply(players.get(playerId));
        players.put(playerId, after);
        return after;
    }

    public synchronized List<PlayerInfo> all() {
        return new ArrayList<>(players.values());
    }

    /** The script for {@link ScriptedHome}. */
    public synchronized RelayReply answer(RelayCommand command) {
        long now = System.currentTimeMillis();
        Command which = Command.byWireName(command.command()).orElse(null);
        if (which == Command.PLAYERS_LIST) {
            return RelayReply.ok(command.id(), RelayJson.mapper().valueToTree(new PlayerList(all())), now);
        }
        if (which == Command.PLAYER_GET) {
            PlayerInfo p = players.get(
                    RelayJson.convert(command.args(), PlayerRef.class).playerId());
            return p == null ? error(command, RelayError.NO_SUCH_PLAYER) : ok(command, p);
        }
        if (which == Command.PLAYER_CONTROL) {
            PlayerAction action = RelayJson.convert(command.args(), PlayerAction.class);
            PlayerInfo p = players.get(action.playerId());
            if (p == null) {
                return error(command, RelayError.NO_SUCH_PLAYER);
            }
            if (!p.available()) {
                return error(command, RelayError.PLAYER_UNAVAILABLE);
            }
            PlayerInfo after = apply(p, action);
            if (after == null) {
                return error(command, RelayError.UNSUPPORTED);
            }
            players.put(after.playerId(), after);
            return ok(command, after);
        }
        return error(command, RelayError.UNSUPPORTED);
    }

    /** The player after {@code action}, or null when the player cannot do it. */
    static PlayerInfo apply(PlayerInfo p, PlayerAction a) {
        int volume = p.volumeLevel() == null ? 0 : p.volumeLevel();
        return switch (a.action()) {
            case PLAY -> with(p, p.powered(), volume, p.muted(), PlayerInfo.PLAYING);
            case PAUSE -> with(p, p.powered(), volume, p.muted(), PlayerInfo.PAUSED);
            case STOP -> with(p, p.powered(), volume, p.muted(), PlayerInfo.IDLE);
            case NEXT, PREVIOUS, SHUFFLE, REPEAT -> p;
            case POWER ->
                p.supports("power")
                        ? with(p, a.on(), volume, p.muted(), a.on() ? p.playbackState() : PlayerInfo.IDLE)
                        : null;
            case VOLUME_SET ->
                p.supports("volume_set") ? with(p, p.powered(), a.value(), p.muted(), p.playbackState()) : null;
            case VOLUME_ADJUST ->
                p.supports("volume_set")
                        ? with(
                                p,
                                p.powered(),
                                Math.max(0, Math.min(100, volume + a.value())),
                                p.muted(),
                                p.playbackState())
                        : null;
            case VOLUME_UP -> with(p, p.powered(), Math.min(100, volume + 5), p.muted(), p.playbackState());
            case VOLUME_DOWN -> with(p, p.powered(), Math.max(0, volume - 5), p.muted(), p.playbackState());
            case MUTE -> p.supports("volume_mute") ? with(p, p.powered(), volume, a.on(), p.playbackState()) : null;
        };
    }

    private static PlayerInfo with(PlayerInfo p, boolean powered, int volume, Boolean muted, String state) {
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

    private static RelayReply ok(RelayCommand command, PlayerInfo player) {
        return RelayReply.ok(command.id(), RelayJson.mapper().valueToTree(player), System.currentTimeMillis());
    }

    private static RelayReply error(RelayCommand command, String code) {
        return RelayReply.error(command.id(), new RelayError(code, code), System.currentTimeMillis());
    }
}
