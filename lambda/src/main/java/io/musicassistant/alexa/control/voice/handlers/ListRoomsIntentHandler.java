package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.control.voice.VoiceIntentHandler;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.List;

/** ListRoomsIntent: "You have 4 rooms: Kitchen, Living Room, Bedroom and Downstairs. Garage is unavailable." */
public final class ListRoomsIntentHandler extends VoiceIntentHandler {

    public ListRoomsIntentHandler() {
        super("ListRoomsIntent");
    }

    @Override
    public Speech answer(Turn turn, Intent intent) {
        Messages m = turn.messages();
        List<PlayerInfo> players = Rooms.players(turn);
        List<String> up =
                players.stream().filter(PlayerInfo::available).map(Rooms::name).toList();
        List<String> down =
                players.stream().filter(p -> !p.available()).map(Rooms::name).toList();
        String text = switch (up.size()) {
            case 0 -> m.say("rooms.none.available");
            case 1 -> m.say("rooms.one", "rooms", up.getFirst());
            default -> m.say("rooms.many", "count", up.size(), "rooms", m.and(up));
        };
        if (!down.isEmpty()) {
            text += " "
                    + m.say(
                            down.size() == 1 ? "rooms.unavailable.one" : "rooms.unavailable.many",
                            "rooms",
                            m.and(down));
        }
        return Speech.tell(text);
    }
}
