package io.musicassistant.alexa.control.voice;

import io.musicassistant.alexa.names.NameMatcher;
import io.musicassistant.alexa.relay.protocol.Names;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Matches a spoken room against the names of the user's Music Assistant players. Speech
 * recognition writes names its own way ("living room" for "Livingroom", "kuche" for "Küche", "the
 * kitchen" for "Kitchen"), so the match is forgiving: case, accents and punctuation never matter,
 * the language's leading words ("the", "in der", "im", "dans la"; from the {@link NameMatcher}'s
 * language data) are dropped, a trailing "room"/"zimmer" is optional, one name's words may contain
 * the other's ("kitchen" → "Kitchen Speaker"), and otherwise the project's one name matcher decides
 * whether a name is close enough (misheard letters, numbers, sounds). The best tier wins; a tie
 * between players is ambiguous.
 */
public final class RoomResolver {

    private static final Set<String> TRAILING = Set.of("room", "zimmer");

    static final int EXACT = 100;
    static final int SAME_CORE = 90;
    static final int CONTAINS = 70;
    static final int CLOSE = 50;

    private RoomResolver() {}

    /** As {@link #match(List, String, String, String)} for an English request. */
    public static RoomMatch match(List<PlayerInfo> players, String spoken, String canonical) {
        return match(players, spoken, canonical, null);
    }

    /**
     * The player {@code spoken} means, in the request's {@code locale} (null: English). {@code
     * canonical} is the value entity resolution matched in the model's static room list (e.g.
     * "living room" for "lounge"), or null; whichever of it and the spoken words matches better decides.
     */
    public static RoomMatch match(List<PlayerInfo> players, String spoken, String canonical, String locale) {
        NameMatcher matcher = NameMatcher.forLocale(locale);
        Best fromSpoken = best(matcher, players, spoken);
        Best fromCanonical = canonical == null || canonical.isBlank() ? Best.NONE : best(matcher, players, canonical);
        Best best = fromCanonical.score() > fromSpoken.score()
                        || fromCanonical.score() == fromSpoken.score()
                                && fromCanonical.players().size()
                                        < fromSpoken.players().size()
                ? fromCanonical
                : fromSpoken;
        if (best.score() == 0) {
            return new RoomMatch.Unknown(spoken);
        }
        return best.players().size() == 1
                ? new RoomMatch.Found(best.players().getFirst())
                : new RoomMatch.Ambiguous(best.players());
    }

    private record Best(int score, List<PlayerInfo> players) {
        static final Best NONE = new Best(0, List.of());
    }

    private static Best best(NameMatcher matcher, List<PlayerInfo> players, String spoken) {
        Name asked = Name.of(spoken, matcher);
        if (asked.tokens().isEmpty()) {
            return Best.NONE;
        }
        int top = 0;
        List<PlayerInfo> winners = new ArrayList<>();
        for (PlayerInfo p : players) {
            int s = score(matcher, asked, Name.of(p.name(), matcher));
            if (s > top) {
                top = s;
                winners.clear();
            }
            if (s == top && s > 0) {
                winners.add(p);
            }
        }
        return top == 0 ? Best.NONE : new Best(top, winners);
    }

    static int score(NameMatcher matcher, Name asked, Name player) {
        if (player.tokens().isEmpty()) {
            return 0;
        }
        if (asked.key().equals(player.key())) {
            return EXACT;
        }
        if (asked.core().equals(player.core()) || asked.compact().equals(player.compact())) {
            return SAME_CORE;
        }
        if (player.tokens().containsAll(asked.tokens()) || asked.tokens().containsAll(player.tokens())) {
            return CONTAINS;
        }
        if (close(matcher, asked.key(), player.key()) || close(matcher, asked.core(), player.core())) {
            return CLOSE;
        }
        return 0;
    }

    /** Close enough by the name matcher; names under five letters must match exactly ("be" is not "bed"). */
    private static boolean close(NameMatcher matcher, String asked, String player) {
        return Math.min(asked.length(), player.length()) >= 5
                && matcher.confidence(asked, player) >= NameMatcher.THRESHOLD;
    }

    /**
     * A name's comparable forms: {@code key} its words without leading words, {@code core} that
     * without a trailing "room"/"zimmer", {@code compact} the key without word breaks.
     */
    record Name(List<String> tokens, String key, String core, String compact) {

        static Name of(String text, NameMatcher matcher) {
            String k = Names.key(text == null ? "" : text);
            List<String> tokens = new ArrayList<>(k.isEmpty() ? List.of() : Arrays.asList(k.split("-")));
            while (tokens.size() > 1 && matcher.roomWords().contains(tokens.getFirst())) {
                tokens.removeFirst();
            }
            String key = String.join(" ", tokens);
            String compact = String.join("", tokens);
            return new Name(List.copyOf(tokens), key, core(tokens), compact);
        }

        private static String core(List<String> tokens) {
            if (tokens.isEmpty()) {
                return "";
            }
            List<String> t = new ArrayList<>(tokens);
            String last = t.getLast();
            if (t.size() > 1 && TRAILING.contains(last)) {
                t.removeLast();
            } else if (last.endsWith("zimmer") && last.length() > "zimmer".length()) {
                t.set(t.size() - 1, last.substring(0, last.length() - "zimmer".length()));
            }
            return String.join("", t);
        }
    }
}
