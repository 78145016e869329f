package io.musicassistant.alexa.control.voice.handlers;

import com.amazon.ask.model.Intent;
import com.amazon.ask.model.Slot;
import io.musicassistant.alexa.control.voice.Failures;
import io.musicassistant.alexa.control.voice.Messages;
import io.musicassistant.alexa.control.voice.QueryParser;
import io.musicassistant.alexa.control.voice.RoomMatch;
import io.musicassistant.alexa.control.voice.RoomResolver;
import io.musicassistant.alexa.control.voice.Rooms;
import io.musicassistant.alexa.control.voice.Slots;
import io.musicassistant.alexa.control.voice.Speech;
import io.musicassistant.alexa.control.voice.Turn;
import io.musicassistant.alexa.relay.RelayException;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.PlayResult;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.RelayError;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PlayIntent: "play {query}", {query} an AMAZON.SearchQuery, which must stand alone in its
 * samples, so the room comes from the default rule, or from the answer to "Which room?" (then as
 * slot {@code room}, which the model's PlayIntent itself does not declare).
 */
public class PlayIntentHandler extends PlayerIntentHandler {

    public static final String QUERY = "query";

    public PlayIntentHandler() {
        super("PlayIntent", QUERY);
    }

    protected PlayIntentHandler(String intent, String... slots) {
        super(intent, slots);
    }

    /** Where a room may follow the music in a free-form query: "… in the kitchen", "… im Wohnzimmer". */
    private static final Pattern ROOM_TAIL = Pattern.compile(
            "^(.+)\\s+(?:in the|on the|in|on|im|in der|in dem|auf der|auf dem|auf)\\s+(.+)$", Pattern.CASE_INSENSITIVE);

    /**
     * "play radiohead in the kitchen" may reach PlayIntent with all of it as the query (a SearchQuery
     * takes everything). When what follows the last "in the" is exactly one of the user's rooms,
     * it is the room, and the rest is what to play (the last "in" wins: "songs in the key of life in the kitchen").
     */
    @Override
    protected Intent refine(Turn turn, Intent intent) {
        Optional<String> spoken = Slots.value(intent, QUERY);
        if (spoken.isEmpty()
                || Slots.value(intent, ROOM).isPresent()
                || spoken.get().length() > Slots.MAX_VALUE_LENGTH) {
            return intent;
        }
        Matcher m = ROOM_TAIL.matcher(spoken.get());
        if (!m.matches()) {
            return intent;
        }
        List<PlayerInfo> players = turn.players();
        if (!(RoomResolver.match(players, m.group(2), null, turn.locale()) instanceof RoomMatch.Found found)) {
            return intent;
        }
        Intent.Builder b =
                Intent.builder().withName(intent.getName()).withConfirmationStatus(intent.getConfirmationStatus());
        Slots.values(intent)
                .forEach((name, value) -> b.putSlotsItem(
                        name, Slot.builder().withName(name).withValue(value).build()));
        b.putSlotsItem(
                QUERY, Slot.builder().withName(QUERY).withValue(m.group(1)).build());
        b.putSlotsItem(
                ROOM,
                Slot.builder().withName(ROOM).withValue(found.player().name()).build());
        return b.build();
    }

    /** What to play is checked before any room is chosen: no "Which room?" for something unplayable. */
    @Override
    protected Speech precheck(Turn turn, Intent intent) {
        Optional<String> spoken = Slots.value(intent, QUERY);
        if (spoken.isPresent() && spoken.get().length() > Slots.MAX_VALUE_LENGTH) {
            return Speech.tell(turn.messages().say("too.long"));
        }
        if (spoken.flatMap(QueryParser::parse).isEmpty()) {
            return Speech.ask(turn.messages().say("play.what"), turn.messages().say("play.what"));
        }
        return null;
    }

    @Override
    protected Speech act(Turn turn, Intent intent, Rooms.Target target) {
        String spoken = Slots.value(intent, QUERY).orElseThrow();
        ContentQuery query = QueryParser.parse(spoken).orElseThrow().withLanguage(turn.locale());
        PlayResult result;
        try {
            result = turn.control().play(turn.home(), target.playerId(), query, turn.deadline());
        } catch (RelayException e) {
            if (Failures.remote(e, RelayError.NOT_FOUND)) {
                return Speech.tell(turn.messages().say("play.not.found", "query", Messages.cut(spoken)));
            }
            if (Failures.remote(e, RelayError.CONTENT_FILTERED)) {
                return Speech.tell(turn.messages().say("content.filtered", "query", Messages.cut(spoken)));
            }
            throw e;
        }
        return Speech.tell(playing(turn.messages(), result, query, spoken, target.name()));
    }

    /** "Playing the album OK Computer by Radiohead in the Kitchen." */
    static String playing(Messages m, PlayResult result, ContentQuery query, String spoken, String room) {
        ContentKind kind = result.kind() != null ? result.kind() : query.kind();
        String name = Messages.cut(firstNonBlank(result.name(), query.name(), spoken));
        String artist = result.artist() == null || result.artist().isBlank() ? null : Messages.cut(result.artist());
        String key = switch (kind) {
            case TRACK, ANY -> artist == null ? "play.track" : "play.track.artist";
            case ALBUM -> artist == null ? "play.album" : "play.album.artist";
            case ARTIST -> "play.artist";
            case PLAYLIST -> "play.playlist";
            case RADIO -> "play.radio";
            case GENRE -> "play.genre";
            case LIBRARY -> "play.library";
        };
        return m.say(key, "name", name, "artist", artist == null ? "" : artist, "room", room);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
