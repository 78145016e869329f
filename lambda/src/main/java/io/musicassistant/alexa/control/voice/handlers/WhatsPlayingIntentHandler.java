package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import io.musicassistant.alexa.relay.RelayException;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** WhatsPlayingIntent: what one room plays, or, with no room named, what every room that plays does. */
public final class WhatsPlayingIntentHandler extends VoiceIntentHandler {

    /** More than this many rooms playing at once are not all read out. */
    static final int MAX_ROOMS = 3;

    public WhatsPlayingIntentHandler() {
        super("WhatsPlayingIntent", PlayerIntentHandler.ROOM);
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        Messages m = turn.messages();
        Optional<Rooms.Target> named = Rooms.named(turn, intent, PlayerIntentHandler.ROOM);
        if (named.isPresent()) {
            Rooms.Target target = named.get();
            PlayerInfo player;
            try {
                player = target.info() != null
                        ? target.info()
                        : turn.control().player(turn.home(), target.playerId(), turn.deadline());
            } catch (RelayException e) {
                throw PlayerIntentHandler.playerFailure(turn, target, e);
            }
            String said = describe(m, target.name(), player);
            return Speech.tell(said != null ? said : m.say("playing.nothing.room", "room", target.name()));
        }
        List<String> sentences = new ArrayList<>();
        for (PlayerInfo p : Rooms.active(Rooms.players(turn), PlayerInfo.PLAYING)) {
            String said = describe(m, Rooms.name(p), p);
            if (said != null && sentences.size() < MAX_ROOMS) {
                sentences.add(said);
            }
        }
        return Speech.tell(sentences.isEmpty() ? m.say("playing.nothing") : String.join(" ", sentences));
    }

    /** "In the Kitchen: Paranoid Android by Radiohead.", or null when the player plays nothing. */
    static String describe(Messages m, String room, PlayerInfo player) {
        PlayerInfo.NowPlaying now = player.nowPlaying();
        if (now == null
                || now.title() == null
                || now.title().isBlank()
                || PlayerInfo.IDLE.equals(player.playbackState())) {
            return null;
        }
        String title = Messages.cut(now.title());
        return now.artist() == null || now.artist().isBlank()
                ? m.say("playing.now.title", "room", room, "title", title)
                : m.say("playing.now", "room", room, "title", title, "artist", Messages.cut(now.artist()));
    }
}
