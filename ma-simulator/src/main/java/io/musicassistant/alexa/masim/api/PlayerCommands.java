package io.musicassistant.alexa.masim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.musicassistant.alexa.masim.auth.User;
import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.player.PlayerHub;
import io.musicassistant.alexa.masim.player.PlayerState;
import io.musicassistant.alexa.masim.player.PlayerView;
import io.musicassistant.alexa.masim.profile.Profile;
import java.util.Locale;
import java.util.Optional;

/** The {@code players/*} commands (controllers/players/controller.py; spec §3.5). */
final class PlayerCommands {

    /** A parsed player command: which player, and what to do once MA's checks have passed. */
    private record Bound(String playerId, Runnable action) {}

    @FunctionalInterface
    private interface Binder {
        Bound bind(Call call);
    }

    private final Services services;
    private final PlayerHub hub;

    private PlayerCommands(Services services) {
        this.services = services;
        this.hub = services.players();
    }

    static void register(CommandRegistry registry, Services services) {
        PlayerCommands players = new PlayerCommands(services);
        PlayerHub hub = services.players();
        registry.register("players/all", Access.user("players.read"), players::all);
        registry.register("players/get", Access.user("players.read"), players::get);
        registry.register("players/get_by_name", Access.user("players.read"), players::getByName);

        players.command(registry, "play", c -> {
            String id = c.args().str("player_id");
            return new Bound(id, () -> hub.players().cmdPlay(id, c.username()));
        });
        players.command(registry, "pause", c -> {
            String id = c.args().str("player_id");
            return new Bound(id, () -> hub.players().cmdPause(id));
        });
        players.command(registry, "stop", c -> {
            String id = c.args().str("player_id");
            return new Bound(id, () -> hub.players().cmdStop(id));
        });
        players.command(registry, "next", c -> {
            String id = c.args().str("player_id");
            return new Bound(id, () -> hub.players().cmdNext(id, c.username()));
        });
        players.command(registry, "previous", c -> {
            String id = c.args().str("player_id");
            return new Bound(id, () -> hub.players().cmdPrevious(id, c.username()));
        });
        players.command(registry, "seek", c -> {
            String id = c.args().str("player_id");
            int position = c.args().integer("position");
            return new Bound(id, () -> hub.players().cmdSeek(id, position, c.username()));
        });
        players.command(registry, "power", c -> {
            String id = c.args().str("player_id");
            boolean powered = c.args().bool("powered");
            return new Bound(id, () -> hub.players().cmdPower(id, powered));
        });
        players.command(registry, "volume_set", c -> {
            String id = c.args().str("player_id");
            int level = c.args().integer("volume_level");
            return new Bound(id, () -> hub.volumes().cmdVolumeSet(id, level));
        });
        players.command(registry, "volume_up", c -> {
            String id = c.args().str("player_id");
            return new Bound(id, () -> hub.volumes().cmdVolumeStep(id, true));
        });
        players.command(registry, "volume_down", c -> {
            String id = c.args().str("player_id");
            return new Bound(id, () -> hub.volumes().cmdVolumeStep(id, false));
        });
        players.command(registry, "volume_mute", c -> {
            String id = c.args().str("player_id");
            boolean muted = c.args().bool("muted");
            return new Bound(id, () -> hub.volumes().cmdVolumeMute(id, muted));
        });
        players.command(registry, "group_volume", c -> {
            String id = c.args().str("player_id");
            int level = c.args().integer("volume_level");
            return new Bound(id, () -> hub.volumes().cmdGroupVolume(id, level));
        });
        players.command(registry, "group_volume_up", c -> {
            String id = c.args().str("player_id");
            return new Bound(id, () -> hub.volumes().cmdGroupVolumeStep(id, true));
        });
        players.command(registry, "group_volume_down", c -> {
            String id = c.args().str("player_id");
            return new Bound(id, () -> hub.volumes().cmdGroupVolumeStep(id, false));
        });
        players.command(registry, "group_volume_mute", c -> {
            String id = c.args().str("player_id");
            boolean muted = c.args().bool("muted");
            return new Bound(id, () -> hub.volumes().cmdGroupVolumeMute(id, muted));
        });
        if (services.profile() == Profile.NEWEST) {
            players.command(registry, "play_pause", c -> {
                String id = c.args().str("player_id");
                return new Bound(id, () -> hub.players().cmdPlayPause(id, c.username()));
            });
        } else {
            // Feb-2026/2.9: play_pause is not decorated, so an unknown player is an error (10)
            registry.register("players/cmd/play_pause", Access.user("players.control"), c -> {
                String id = c.args().str("player_id");
                PlayerState player = hub.players().state(id).orElse(null);
                if (player == null || !player.available() || !player.enabled()) {
                    throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + id + " is not available");
                }
                players.run(id, () -> hub.players().cmdPlayPause(id, c.username()));
                return Reply.none();
            });
        }
    }

    /**
     * MA's {@code handle_player_command} decorator: arguments are parsed first; an unknown or
     * unavailable player is silently ignored (result null); a player outside the user's filter is
     * 22; failures are wrapped into PlayerCommandFailed (11) — every failure on stable, only
     * non-MA errors on newest.
     */
    private void command(CommandRegistry registry, String name, Binder binder) {
        registry.register("players/cmd/" + name, Access.user("players.control"), call -> {
            Bound bound = binder.bind(call);
            Optional<PlayerState> player = hub.players().state(bound.playerId());
            if (player.isEmpty() || !player.get().available()) {
                return Reply.none();
            }
            User user = call.user();
            if (user != null && !user.mayUsePlayer(bound.playerId())) {
                throw MaError.of(
                        ErrorCode.INSUFFICIENT_PERMISSIONS,
                        user.username() + " does not have access to player "
                                + player.get().name());
            }
            run(bound.playerId(), bound.action());
            return Reply.none();
        });
    }

    private void run(String playerId, Runnable action) {
        try {
            action.run();
        } catch (MaError error) {
            if (services.profile() == Profile.NEWEST && error.isMusicAssistantError()) {
                throw error;
            }
            throw error.wrapped(ErrorCode.PLAYER_COMMAND_FAILED);
        } catch (RuntimeException unexpected) {
            String text =
                    unexpected.getMessage() == null ? unexpected.getClass().getSimpleName() : unexpected.getMessage();
            throw MaError.of(ErrorCode.PLAYER_COMMAND_FAILED, text);
        }
    }

    private Reply all(Call call) {
        Args a = call.args();
        boolean returnUnavailable = a.bool("return_unavailable", true);
        boolean returnDisabled = a.bool("return_disabled", false);
        String providerFilter = a.optStr("provider_filter");
        a.bool("return_protocol_players", false);
        User user = call.user();
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (PlayerView view : hub.players().all()) {
            PlayerState p = view.state();
            if (!returnUnavailable && !p.available()) {
                continue;
            }
            if (!returnDisabled && !p.enabled()) {
                continue;
            }
            if (providerFilter != null && !providerFilter.equals(p.device().provider())) {
                continue;
            }
            if (user != null && !user.isAdmin() && !user.mayUsePlayer(p.playerId())) {
                continue;
            }
            result.add(services.json().player(view));
        }
        return Reply.of(result);
    }

    private Reply get(Call call) {
        String playerId = call.args().str("player_id");
        boolean raiseUnavailable = call.args().bool("raise_unavailable", false);
        User user = call.user();
        if (user != null && !user.isAdmin() && !user.mayUsePlayer(playerId)) {
            throw MaError.of(
                    ErrorCode.INSUFFICIENT_PERMISSIONS,
                    user.username() + " does not have access to player " + playerId);
        }
        Optional<PlayerView> view = hub.players().get(playerId);
        if (raiseUnavailable
                && (view.isEmpty()
                        || !view.get().state().available()
                        || !view.get().state().enabled())) {
            throw MaError.of(ErrorCode.PLAYER_UNAVAILABLE, "Player " + playerId + " is not available");
        }
        return view.map(v -> Reply.of(services.json().player(v))).orElseGet(Reply::none);
    }

    private Reply getByName(Call call) {
        String name = call.args().str("name");
        User user = call.user();
        for (PlayerView view : hub.players().all()) {
            if (view.state().name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                if (user != null
                        && !user.isAdmin()
                        && !user.mayUsePlayer(view.state().playerId())) {
                    throw MaError.of(
                            ErrorCode.INSUFFICIENT_PERMISSIONS,
                            user.username() + " does not have access to player "
                                    + view.state().playerId());
                }
                return Reply.of(services.json().player(view));
            }
        }
        return Reply.none();
    }
}
