package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceAnswer;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import io.musicassistant.alexa.relay.RelayException;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.List;
import java.util.Optional;

/**
 * MoveMusicIntent: moves what plays to {room} (Music Assistant's queue transfer). The source is
 * {fromRoom} when named, else the one room playing (or, with none playing, the one paused).
 */
public final class MoveMusicIntentHandler extends VoiceIntentHandler {

    public static final String FROM_ROOM = "fromRoom";

    public MoveMusicIntentHandler() {
        super("MoveMusicIntent", PlayerIntentHandler.ROOM, FROM_ROOM);
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        Messages m = turn.messages();
        Rooms.Target to = Rooms.named(turn, intent, PlayerIntentHandler.ROOM)
                .orElseThrow(() -> Rooms.ask(turn, intent, PlayerIntentHandler.ROOM, m.say("move.which.to")));
        Optional<Rooms.Target> named = Rooms.named(turn, intent, FROM_ROOM);
        Rooms.Target from = named.isPresent() ? named.get() : source(turn, intent, to);
        if (from.playerId().equals(to.playerId())) {
            return Speech.tell(m.say("move.same", "room", to.name()));
        }
        try {
            turn.control().transfer(turn.home(), from.playerId(), to.playerId(), turn.deadline());
        } catch (RelayException e) {
            throw PlayerIntentHandler.playerFailure(turn, culprit(turn, from, to), e);
        }
        return Speech.tell(m.say("move.done", "from", from.name(), "room", to.name()));
    }

    private static Rooms.Target source(Turn turn, Intent intent, Rooms.Target to) {
        List<PlayerInfo> players = Rooms.players(turn);
        List<PlayerInfo> active = Rooms.active(players, PlayerInfo.PLAYING);
        List<PlayerInfo> playing = others(active, to);
        if (playing.isEmpty() && active.isEmpty()) {
            playing = others(Rooms.active(players, PlayerInfo.PAUSED), to);
        }
        if (playing.isEmpty()) {
            throw new VoiceAnswer(Speech.tell(
                    active.isEmpty()
                            ? turn.messages().say("move.nothing")
                            : turn.messages().say("move.same", "room", to.name())));
        }
        if (playing.size() == 1) {
            return Rooms.usable(turn, playing.getFirst());
        }
        Messages m = turn.messages();
        throw Rooms.ask(
                turn,
                intent,
                FROM_ROOM,
                m.say(
                        "move.which.from",
                        "rooms",
                        m.and(playing.stream().map(Rooms::name).toList())));
    }

    /** Which of the two rooms a player failure is about: the source when it is gone or unavailable, else the target. */
    private static Rooms.Target culprit(Turn turn, Rooms.Target from, Rooms.Target to) {
        try {
            Optional<PlayerInfo> source = turn.players().stream()
                    .filter(p -> p.playerId().equals(from.playerId()))
                    .findFirst();
            return source.isEmpty() || !source.get().available() ? from : to;
        } catch (RuntimeException e) {
            return to; // the list itself failed; the failure will be said as it is
        }
    }

    private static List<PlayerInfo> others(List<PlayerInfo> players, Rooms.Target to) {
        return players.stream().filter(p -> !p.playerId().equals(to.playerId())).toList();
    }
}
