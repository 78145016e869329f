package io.musicassistant.alexa.control.voice;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which player an intent acts on. A room resolved to a dynamic entity (the user's own player ids,
 * pushed earlier in the session) is used as it is, without listing the players again. Otherwise
 * the spoken name is matched against the player list ({@link RoomResolver}); with no room named,
 * the only player, else the one that is playing, else the user is asked.
 */
public final class Rooms {

    private Rooms() {}

    /** The player to act on: its id, the name to say, and its state when the list was fetched. */
    public record Target(String playerId, String name, PlayerInfo info) {}

    /** Which player a request without a room means. */
    public enum Default {
        /** The one that is playing. */
        PLAYING,
        /** The one that is paused, else the one that is playing: what "resume" means. */
        PAUSED
    }

    /**
     * The target named by slot {@code slot} of {@code intent}; throws {@link VoiceAnswer} to ask
     * which room, or to say that the room is unknown or unavailable.
     */
    public static Target target(Turn turn, Intent intent, String slot, Default rule) {
        Optional<Target> named = named(turn, intent, slot);
        if (named.isPresent()) {
            return named.get();
        }
        List<PlayerInfo> players = players(turn);
        if (players.size() == 1) {
            return usable(turn, players.getFirst());
        }
        List<PlayerInfo> active = active(players, rule == Default.PAUSED ? PlayerInfo.PAUSED : PlayerInfo.PLAYING);
        if (active.isEmpty() && rule == Default.PAUSED) {
            active = active(players, PlayerInfo.PLAYING);
        }
        if (active.size() == 1) {
            return usable(turn, active.getFirst());
        }
        throw ask(turn, intent, slot, turn.messages().say("room.which"));
    }

    /** The target named by {@code slot}, or empty when the user named no room. */
    public static Optional<Target> named(Turn turn, Intent intent, String slot) {
        if (slot == null) {
            return Optional.empty();
        }
        Optional<Slots.Entity> dynamic = Slots.dynamicMatch(intent, slot);
        Optional<String> spoken = Slots.value(intent, slot);
        if (dynamic.isPresent()) {
            String id = dynamic.get().id();
            PlayerInfo known = turn.fetchedPlayers() == null
                    ? null
                    : turn.fetchedPlayers().stream()
                            .filter(p -> p.playerId().equals(id))
                            .findFirst()
                            .orElse(null);
            if (known != null) {
                return Optional.of(usable(turn, known));
            }
            String name = !dynamic.get().name().isBlank() ? dynamic.get().name() : spoken.orElse(id);
            return Optional.of(new Target(id, Messages.cut(name), null));
        }
        if (spoken.isEmpty()) {
            return Optional.empty();
        }
        List<PlayerInfo> players = players(turn);
        String canonical =
                Slots.staticMatch(intent, slot).map(Slots.Entity::name).orElse(null);
        RoomMatch match = RoomResolver.match(
                players, Messages.cut(spoken.get()), canonical, turn.messages().language());
        Messages m = turn.messages();
        return Optional.of(
                switch (match) {
                    case RoomMatch.Found found -> usable(turn, found.player());
                    case RoomMatch.Ambiguous ambiguous ->
                        throw ask(
                                turn,
                                intent,
                                slot,
                                m.say(
                                        "room.which.of",
                                        "rooms",
                                        m.or(ambiguous.candidates().stream()
                                                .map(Rooms::name)
                                                .toList())));
                    case RoomMatch.Unknown unknown ->
                        throw ask(
                                turn,
                                intent,
                                slot,
                                m.say(
                                        "room.unknown",
                                        "room",
                                        Messages.cut(unknown.spoken()),
                                        "rooms",
                                        m.and(players.stream().map(Rooms::name).toList())));
                });
    }

    /** The players, or a spoken "no players" when the home has none. */
    public static List<PlayerInfo> players(Turn turn) {
        List<PlayerInfo> players = turn.players();
        if (players.isEmpty()) {
            throw new VoiceAnswer(Speech.tell(turn.messages().say("room.none")));
        }
        return players;
    }

    /**
     * The reachable players in {@code state}, without the members of a group that is itself in
     * that state: a playing group and its playing speakers are one thing playing.
     */
    public static List<PlayerInfo> active(List<PlayerInfo> players, String state) {
        List<PlayerInfo> in = players.stream()
                .filter(p -> p.available() && state.equals(p.playbackState()))
                .toList();
        Set<String> followers = in.stream()
                .filter(PlayerInfo::isGroup)
                .flatMap(g -> g.groupMembers().stream())
                .collect(Collectors.toSet());
        return in.stream().filter(p -> !followers.contains(p.playerId())).toList();
    }

    /** The player as a target, or a spoken "unavailable" when Music Assistant cannot reach it. */
    public static Target usable(Turn turn, PlayerInfo player) {
        if (!player.available()) {
            throw new VoiceAnswer(Speech.tell(turn.messages().say("player.unavailable", "room", name(player))));
        }
        return new Target(player.playerId(), name(player), player);
    }

    public static String name(PlayerInfo player) {
        String name = player.name() == null || player.name().isBlank() ? player.playerId() : player.name();
        return Messages.cut(name);
    }

    /** A question whose answer, a room, completes {@code intent} in {@code slot}. */
    public static VoiceAnswer ask(Turn turn, Intent intent, String slot, String question) {
        Map<String, String> others = new HashMap<>(Slots.values(intent));
        others.remove(slot);
        return new VoiceAnswer(Speech.question(
                question, turn.messages().say("room.which"), new Pending(intent.getName(), slot, others)));
    }
}
