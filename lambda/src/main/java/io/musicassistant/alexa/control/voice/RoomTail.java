package io.musicassistant.alexa.control.voice;

import io.musicassistant.alexa.names.NameMatcher;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fallback for a room that reached the music query: the voice models route "play radiohead in
 * the kitchen" to PlayInRoomIntent, but Alexa's NLU may still pick PlayIntent, whose free-form
 * query then holds "radiohead in the kitchen". Words after a room preposition are the room only
 * when they name one of the user's players as it is called, or a part of that name ("kitchen" for
 * "Kitchen Speaker"), never by a near spelling or a longer phrase: "Live in Berlin" stays whole
 * unless a player is called "Berlin", and a player called "Merlin" never splits it. Japanese and
 * Hindi put the room first, so there the words before a postposition are the room
 * ("キッチンでレディオヘッド", "kitchen में arijit singh").
 */
public final class RoomTail {

    /**
     * Room prepositions, with the article that may follow, of the languages the voice models speak
     * with the room after the music (en, de, fr, it, es, pt).
     */
    private static final Pattern PREPOSITION = Pattern.compile(
            "\\s(?:in|on|im|am|auf|dans|sur|nel|nella|nello|sul|sulla|en|em|no|na)"
                    + "(?:\\s+(?:the|der|dem|den|la|le|les|il|lo|el))?\\s+(?=\\S)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Postpositions after a room said first: ja "で"/"に" ("のスピーカーで"), hi "में"/"पर" ("वाले speaker पर"). */
    private static final Pattern POSTPOSITION =
            Pattern.compile("(?:のスピーカー)?[でに]|\\s+(?:(?:वाले|के) speaker पर|में|पर)\\s+", Pattern.UNICODE_CASE);

    private RoomTail() {}

    /**
     * What to play and the room, when the query ends in a room; with several fitting players the
     * room is the spoken words, so that the user is asked which one.
     */
    public record Split(String query, String room) {}

    /**
     * {@code spoken} split at the last room preposition (or the first room postposition) whose room
     * words name a player; empty when none does. The players are asked for only when there is one.
     */
    public static Optional<Split> split(String spoken, Supplier<List<PlayerInfo>> listPlayers) {
        return split(spoken, null, listPlayers);
    }

    /** As {@link #split(String, Supplier)}, with room names read in {@code language} (null: English). */
    public static Optional<Split> split(String spoken, String language, Supplier<List<PlayerInfo>> listPlayers) {
        if (spoken == null) {
            return Optional.empty();
        }
        List<Split> cuts = new ArrayList<>();
        Matcher after = PREPOSITION.matcher(spoken);
        while (after.find()) {
            cuts.addFirst(new Split(spoken.substring(0, after.start()), spoken.substring(after.end())));
        }
        Matcher before = POSTPOSITION.matcher(spoken);
        while (before.find()) {
            cuts.add(new Split(spoken.substring(before.end()), spoken.substring(0, before.start())));
        }
        if (cuts.isEmpty()) {
            return Optional.empty();
        }
        List<PlayerInfo> players = listPlayers.get();
        NameMatcher matcher = NameMatcher.forLocale(language);
        for (Split cut : cuts) {
            String query = cut.query().strip();
            String room = cut.room().strip();
            List<PlayerInfo> named = named(players, room, matcher);
            if (!query.isEmpty() && !named.isEmpty()) {
                return Optional.of(
                        new Split(query, named.size() == 1 ? named.getFirst().name() : room));
            }
        }
        return Optional.empty();
    }

    /** The players {@code words} name: the best tier of an exact name, the name without "room", or a part of it. */
    static List<PlayerInfo> named(List<PlayerInfo> players, String words, NameMatcher matcher) {
        RoomResolver.Name asked = RoomResolver.Name.of(words, matcher);
        if (asked.tokens().isEmpty()) {
            return List.of();
        }
        int top = 0;
        List<PlayerInfo> best = new ArrayList<>();
        for (PlayerInfo p : players) {
            RoomResolver.Name name = RoomResolver.Name.of(p.name(), matcher);
            int score = RoomResolver.score(matcher, asked, name);
            boolean fits = score >= RoomResolver.SAME_CORE
                    || score == RoomResolver.CONTAINS && name.tokens().containsAll(asked.tokens());
            if (!fits || score < top) {
                continue;
            }
            if (score > top) {
                top = score;
                best.clear();
            }
            best.add(p);
        }
        return best;
    }
}
