package io.musicassistant.alexa.control.voice;

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
 * leading articles and prepositions ("the", "in der", "im") are dropped, a trailing "room"/"zimmer"
 * is optional, one name's words may contain the other's ("kitchen" → "Kitchen Speaker"), and a
 * letter or two may be off. The best tier wins; a tie between players is ambiguous.
 */
public final class RoomResolver {

    private static final Set<String> LEADING = Set.of(
            "the", "in", "on", "at", "my", "der", "die", "das", "den", "dem", "im", "ins", "am", "auf", "vom", "von",
            "zum", "zur", "mein", "meine");
    private static final Set<String> TRAILING = Set.of("room", "zimmer");

    static final int EXACT = 100;
    static final int SAME_CORE = 90;
    static final int CONTAINS = 70;
    static final int CLOSE = 50;

    private RoomResolver() {}

    /**
     * The player {@code spoken} means. {@code canonical} is the value entity resolution matched
     * in the model's static room list (e.g. "living room" for "lounge"), or null; whichever of it
     * and the spoken words matches better decides.
     */
    public static RoomMatch match(List<PlayerInfo> players, String spoken, String canonical) {
        Best fromSpoken = best(players, spoken);
        Best fromCanonical = canonical == null || canonical.isBlank() ? Best.NONE : best(players, canonical);
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

    private static Best best(List<PlayerInfo> players, String spoken) {
        Name asked = Name.of(spoken);
        if (asked.tokens().isEmpty()) {
            return Best.NONE;
        }
        int top = 0;
        List<PlayerInfo> winners = new ArrayList<>();
        for (PlayerInfo p : players) {
            int s = score(asked, Name.of(p.name()));
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

    static int score(Name asked, Name player) {
        if (player.tokens().isEmpty()) {
            return 0;
        }
        if (asked.key().equals(player.key())) {
            return EXACT;
        }
        if (asked.core().equals(player.core()) || asked.compact().equals(player.compact())) {
            return SAME_CORE;
        }
        if (contains(player.tokens(), asked.tokens()) || contains(asked.tokens(), player.tokens())) {
            return CONTAINS;
        }
        if (close(asked.core(), player.core()) || close(asked.compact(), player.compact())) {
            return CLOSE;
        }
        return 0;
    }

    private static boolean contains(List<String> outer, List<String> inner) {
        return outer.containsAll(inner);
    }

    /** Within one edit for five to eight letters, two beyond; shorter names must match exactly. */
    private static boolean close(String a, String b) {
        int len = Math.min(a.length(), b.length());
        int allowed = len < 5 ? 0 : len <= 8 ? 1 : 2;
        return allowed > 0 && Math.abs(a.length() - b.length()) <= allowed && distance(a, b, allowed) <= allowed;
    }

    /** Levenshtein distance, giving up (returning {@code max + 1}) once it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * A name's comparable forms: {@code key} its words without leading articles, {@code core} that
     * without a trailing "room"/"zimmer", {@code compact} the key without word breaks.
     */
    record Name(List<String> tokens, String key, String core, String compact) {

        static Name of(String text) {
            String k = Names.key(text == null ? "" : text);
            List<String> tokens = new ArrayList<>(k.isEmpty() ? List.of() : Arrays.asList(k.split("-")));
            while (tokens.size() > 1 && LEADING.contains(tokens.getFirst())) {
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
