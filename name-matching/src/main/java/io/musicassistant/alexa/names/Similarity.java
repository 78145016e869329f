package io.musicassistant.alexa.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How alike two names' words are (0–1). Equal words score 1; numbers must be equal; other words
 * score their Jaro–Winkler similarity, raised when they also sound alike in the language and
 * lowered when they do not, so that a misheard spelling ("beyonse", "radiohed") passes while a
 * different word that merely shares letters ("creeps" for "creep", "crop") does not. Words pair up
 * best first; each pair counts by its letters, and words left over count as misses, so "creep"
 * against "Inertia Creeps" misses "inertia". The names with word breaks removed are compared too
 * ("radio head" and "Radiohead", "a c d c" and "AC/DC").
 */
final class Similarity {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /**
     * A word that sounds the same keeps this share of its distance to 1: 0.9 becomes 0.94, but 0.83
     * ("crop" for "creep", both KRP) stays below 0.9.
     */
    private static final double SOUND_ALIKE_DISTANCE = 0.6;

    /** A word that sounds different scores at most this: spelling alone never makes a match. */
    private static final double SOUND_DIFFERENT_FACTOR = 0.85;

    private static final int SHORT = 3;
    private static final int MIN_WORD = 4;
    private static final double SPOKEN_STATION_WORD = 0.25;
    /** A whole name that a language's ear hears as the same (Japanese loanwords): above the threshold. */
    private static final double HEARD_ALIKE = 0.93;

    private static final double SHORT_ALIKE = 0.95;

    /**
     * Two words heard for one written word, or one for two ("band news" for "BandNews"): nearly
     * equal, so that a further word the name lacks ("im wohn zimmer" for "Wohnzimmer") takes it below.
     */
    private static final double BROKEN_WORD = 0.98;

    private final Sounds sounds;

    Similarity(Sounds sounds) {
        this.sounds = sounds;
    }

    /** How alike the words {@code spoken} are to a library's name {@code named} (0–1). */
    double of(List<String> spoken, List<String> named) {
        List<String> a = words(spoken);
        List<String> b = unsaidPoints(a, words(named));
        String ca = String.join("", a);
        String cb = String.join("", b);
        if (ca.isEmpty() || cb.isEmpty()) {
            return 0;
        }
        if (ca.equals(cb)) {
            return 1;
        }
        if (numbersDisagree(a, b)) {
            return 0;
        }
        if (CallSigns.contained(a, b)) {
            return CallSigns.CONFIDENCE;
        }
        if (sounds.decides(String.join(" ", a), String.join(" ", b))) {
            return HEARD_ALIKE;
        }
        double score = words(a, b);
        // word breaks heard differently ("radio hed" for "Radiohead"): the names as one word, if about as long
        if (Math.abs(ca.length() - cb.length()) <= Math.max(2, Math.min(ca.length(), cb.length()) / 5)) {
            score = Math.max(score, word(ca, cb));
        }
        return score;
    }

    private static List<String> words(List<String> tokens) {
        List<String> w = new ArrayList<>(tokens);
        w.removeIf(t -> t.equals("&"));
        return w;
    }

    /**
     * "rtl 102 5" for "RTL 102.5": a frequency said without its decimal point is read as one number
     * ("1025", as "nineteen eighty four" is 1984), which the name's "102 point 5" then is too.
     */
    private static List<String> unsaidPoints(List<String> spoken, List<String> named) {
        List<String> out = null;
        for (int k = named.size() - 2; k >= 1; k--) {
            String joined = named.get(k - 1) + named.get(k + 1);
            if (named.get(k).equals("point")
                    && isNumber(named.get(k - 1))
                    && isNumber(named.get(k + 1))
                    && spoken.contains(joined)) {
                if (out == null) {
                    out = new ArrayList<>(named);
                }
                out.subList(k - 1, k + 2).clear();
                out.add(k - 1, joined);
                k--;
            }
        }
        return out == null ? named : out;
    }

    /** A spoken number the name does not have ("radio three" for "Radio 2") is a different item. */
    private static boolean numbersDisagree(List<String> spoken, List<String> named) {
        for (String w : spoken) {
            if (isNumber(w) && !named.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private double words(List<String> a, List<String> b) {
        record Pair(int i, int li, int j, int lj, double score) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                double s = word(a.get(i), b.get(j));
                if (s > 0) {
                    pairs.add(new Pair(i, 1, j, 1, s));
                }
                // two words heard for one ("band news" for "BandNews FM") or one for two: the same letters
                if (i + 1 < a.size() && joins(a.get(i), a.get(i + 1), b.get(j))) {
                    pairs.add(new Pair(i, 2, j, 1, BROKEN_WORD));
                }
                if (j + 1 < b.size() && joins(b.get(j), b.get(j + 1), a.get(i))) {
                    pairs.add(new Pair(i, 1, j, 2, BROKEN_WORD));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        double matched = 0;
        double letters = 0;
        for (Pair p : pairs) {
            if (!usedA[p.i()] && !usedA[p.i() + p.li() - 1] && !usedB[p.j()] && !usedB[p.j() + p.lj() - 1]) {
                int pair = 0;
                for (int k = p.i(); k < p.i() + p.li(); k++) {
                    usedA[k] = true;
                    pair += a.get(k).length();
                }
                for (int k = p.j(); k < p.j() + p.lj(); k++) {
                    usedB[k] = true;
                    pair += b.get(k).length();
                }
                matched += p.score() * pair;
                letters += pair;
            }
        }
        for (int i = 0; i < a.size(); i++) {
            if (!usedA[i]) {
                // "kiss fm" for "KISS": station words cost a spoken name little too
                letters += a.get(i).length() * (UNSPOKEN.contains(a.get(i)) ? SPOKEN_STATION_WORD : 1);
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (!usedB[j]) {
                // counted as at least a short word: a lone letter ("Hombres G") is a word the user left out
                letters += Math.max(b.get(j).length(), MIN_WORD) * extraWeight(b.get(j));
            }
        }
        return letters == 0 ? 0 : matched / letters;
    }

    /** {@code first} and {@code second} written together are {@code whole}. */
    private static boolean joins(String first, String second, String whole) {
        return first.length() + second.length() == whole.length() && whole.startsWith(first) && whole.endsWith(second);
    }

    /**
     * What a library word the user did not say costs, against 1 for a word said that the name
     * lacks: people shorten names ("Kinderzimmer" for "Kinderzimmer Lea"), and players and
     * stations carry words nobody says ("Living Room Sonos", "BBC Radio 6 Music").
     */
    private static double extraWeight(String word) {
        return UNSPOKEN.contains(word) ? 0.1 : 0.5;
    }

    /** Words in players' and stations' names that people leave out when they say them. */
    private static final Set<String> UNSPOKEN = Set.of(
            ("sonos echo dot speaker speakers lautsprecher box homepod chromecast nest bose soundbar tv player airplay"
                            + " cast enceinte altavoz altoparlante caixa radio fm am dab cadena italia deutschland"
                            + " espana france uk usa brasil mexico india japan canada australia")
                    .split(" "));

    /** How alike two words are: equal 1, numbers only when equal, others by spelling and sound. */
    double word(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (isNumber(a) || isNumber(b) || hasDigit(a) || hasDigit(b)) {
            return 0;
        }
        double jw = JARO_WINKLER.apply(a, b);
        if (a.length() <= SHORT && b.length() <= SHORT && sounds.alike(a, b)) {
            return SHORT_ALIKE; // "que" and "ke": too short for spelling to say anything, the sound decides
        }
        if (jw < 0.6) {
            return 0;
        }
        return sounds.alike(a, b) ? 1 - (1 - jw) * SOUND_ALIKE_DISTANCE : jw * SOUND_DIFFERENT_FACTOR;
    }

    static boolean isNumber(String w) {
        return !w.isEmpty() && w.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean hasDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
