package io.musicassistant.alexa.control.voice;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.PlayRequest;
import io.musicassistant.alexa.relay.protocol.PlayResult;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.PlayerList;
import io.musicassistant.alexa.relay.protocol.PlayerRef;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import io.musicassistant.alexa.relay.protocol.TransferRequest;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedHome;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A paired, online home whose players are a list the test sets, answering the player commands
 * over the real relay (ElasticMQ, Moto's DynamoDB) the way the connector does: unknown players are
 * not_found, unreachable ones player_unavailable, missing features unsupported.
 */
final class VoiceHome implements AutoCloseable {

    static final List<String> ALL_FEATURES = List.of("power", "volume_set", "volume_mute", "pause", "next_previous");

    final CloudFixture.User user;
    final CloudFixture.Home home;
    final List<PlayerInfo> players = new CopyOnWriteArrayList<>();
    /** Content names the home "cannot find"; a play of one of them answers not_found. */
    final List<String> missing = new CopyOnWriteArrayList<>(List.of("nothing"));
    /** Exact readings the home "cannot find", as {@code name|artist} (artist empty when none). */
    final List<String> missingReadings = new CopyOnWriteArrayList<>();

    private final ScriptedHome scripted;

    VoiceHome(CloudFixture cloud, PlayerInfo... players) {
        this.user = cloud.newUser();
        this.home = cloud.pairedHome(user);
        this.players.addAll(List.of(players));
        this.scripted = new ScriptedHome(cloud, home, this::answer);
    }

    static PlayerInfo player(String id, String name, String state) {
        return new PlayerInfo(
                id,
                name,
                "player",
                true,
                true,
                30,
                false,
                state,
                ALL_FEATURES,
                List.of(),
                PlayerInfo.PLAYING.equals(state) || PlayerInfo.PAUSED.equals(state)
                        ? new PlayerInfo.NowPlaying(
                                "Paranoid Android", "Radiohead", "OK Computer", "library://track/1", null)
                        : null);
    }

    static PlayerInfo unavailable(String id, String name) {
        return new PlayerInfo(
                id, name, "player", false, true, null, null, PlayerInfo.IDLE, ALL_FEATURES, List.of(), null);
    }

    static PlayerInfo withFeatures(PlayerInfo p, List<String> features) {
        return new PlayerInfo(
                p.playerId(),
                p.name(),
                p.type(),
                p.available(),
                p.powered(),
                p.volumeLevel(),
                p.muted(),
                p.playbackState(),
                features,
                p.groupMembers(),
                p.nowPlaying());
    }

    static PlayerInfo group(String id, String name, String state, String... members) {
        PlayerInfo base = player(id, name, state);
        return new PlayerInfo(
                id, name, "group", true, true, 30, false, state, ALL_FEATURES, List.of(members), base.nowPlaying());
    }

    /** Replaces the home's players (a test's own house, without pairing a new home). */
    VoiceHome with(PlayerInfo... replacement) {
        players.clear();
        players.addAll(List.of(replacement));
        return this;
    }

    /** Every command received so far. */
    List<RelayCommand> received() {
        return scripted.received();
    }

    /** The commands received since {@code from} with wire name {@code command}. */
    List<RelayCommand> since(int from, String command) {
        List<RelayCommand> all = List.copyOf(received());
        return all.subList(Math.min(from, all.size()), all.size()).stream()
                .filter(c -> c.command().equals(command))
                .toList();
    }

    private Optional<PlayerInfo> find(String id) {
        return players.stream().filter(p -> p.playerId().equals(id)).findFirst();
    }

    private RelayReply answer(RelayCommand command) {
        long now = System.currentTimeMillis();
        try {
            Object result = switch (command.command()) {
                case "players.list" -> new PlayerList(players);
                case "player.get" ->
                    reachable(RelayJson.convert(command.args(), PlayerRef.class).playerId(), false);
                case "player.control" -> control(RelayJson.convert(command.args(), PlayerAction.class));
                case "player.play" -> play(RelayJson.convert(command.args(), PlayRequest.class));
                case "player.transfer" -> {
                    TransferRequest t = RelayJson.convert(command.args(), TransferRequest.class);
                    reachable(t.fromPlayerId(), true);
                    yield reachable(t.toPlayerId(), true);
                }
                default -> throw new Refusal(RelayError.UNKNOWN_COMMAND);
            };
            return RelayReply.ok(command.id(), RelayJson.tree(result), now);
        } catch (Refusal r) {
            return RelayReply.error(command.id(), new RelayError(r.getMessage(), "scripted"), now);
        }
    }

    private PlayerInfo reachable(String id, boolean mustBeAvailable) {
        PlayerInfo p = find(id).orElseThrow(() -> new Refusal(RelayError.NO_SUCH_PLAYER));
        if (mustBeAvailable && !p.available()) {
            throw new Refusal(RelayError.PLAYER_UNAVAILABLE);
        }
        return p;
    }

    private PlayerInfo control(PlayerAction action) {
        PlayerInfo p = reachable(action.playerId(), true);
        String needs = switch (action.action()) {
            case VOLUME_SET, VOLUME_ADJUST, VOLUME_UP, VOLUME_DOWN -> "volume_set";
            case MUTE -> "volume_mute";
            case PAUSE -> "pause";
            default -> null;
        };
        if (needs != null && !p.supports(needs)) {
            throw new Refusal(RelayError.UNSUPPORTED);
        }
        return p;
    }

    private PlayResult play(PlayRequest request) {
        PlayerInfo p = reachable(request.playerId(), true);
        ContentQuery q = request.query();
        if (q.name() != null
                        && missing.stream().anyMatch(m -> q.name().toLowerCase().contains(m))
                || missingReadings.contains(q.name() + "|" + (q.artist() == null ? "" : q.artist()))) {
            throw new Refusal(RelayError.NOT_FOUND);
        }
        return switch (q.kind()) {
            case LIBRARY -> new PlayResult(ContentKind.LIBRARY, "Music Assistant library", null, p);
            case ANY -> new PlayResult(ContentKind.ARTIST, "Radiohead", null, p);
            case ALBUM -> new PlayResult(ContentKind.ALBUM, "OK Computer", "Radiohead", p);
            case TRACK -> new PlayResult(ContentKind.TRACK, "Paranoid Android", "Radiohead", p);
            default -> new PlayResult(q.kind(), q.name(), null, p);
        };
    }

    @Override
    public void close() {
        scripted.close();
    }

    private static final class Refusal extends RuntimeException {
        Refusal(String code) {
            super(code, null, false, false);
        }
    }
}
