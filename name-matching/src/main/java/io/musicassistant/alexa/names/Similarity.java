package io.musicassistant.alexa.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** A word that sounds the same keeps this share of its distance to 1 (0.3: 0.9 becomes 0.97). */
    private static final double SOUND_ALIKE_DISTANCE = 0.3;

    /** A word that sounds different scores at most this: spelling alone never makes a match. */
    private static final double SOUND_DIFFERENT_FACTOR = 0.85;

    private final Sounds sounds;

    Similarity(Sounds sounds) {
        this.sounds = sounds;
    }

    double of(List<String> a, List<String> b) {
        String ca = SpokenName.compact(a);
        String cb = SpokenName.compact(b);
        if (ca.isEmpty() || cb.isEmpty()) {
            return 0;
        }
        if (ca.equals(cb)) {
            return 1;
        }
        return Math.max(words(words(a), words(b)), word(ca, cb));
    }

    private static List<String> words(List<String> tokens) {
        List<String> w = new ArrayList<>(tokens);
        w.removeIf(t -> t.equals("&"));
        return w;
    }

    private double words(List<String> a, List<String> b) {
        record Pair(int i, int j, double score) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                double s = word(a.get(i), b.get(j));
                if (s > 0) {
                    pairs.add(new Pair(i, j, s));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        double matched = 0;
        for (Pair p : pairs) {
            if (!usedA[p.i()] && !usedB[p.j()]) {
                usedA[p.i()] = true;
                usedB[p.j()] = true;
                matched += p.score() * (a.get(p.i()).length() + b.get(p.j()).length());
            }
        }
        double letters = 0;
        for (String w : a) {
            letters += w.length();
        }
        for (String w : b) {
            letters += w.length();
        }
        return letters == 0 ? 0 : matched / letters;
    }

    /** How alike two words are: equal 1, numbers only when equal, others by spelling and sound. */
    double word(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (hasDigit(a) || hasDigit(b)) {
            return 0;
        }
        double jw = JARO_WINKLER.apply(a, b);
        if (jw < 0.6) {
            return 0;
        }
        return sounds.alike(a, b) ? 1 - (1 - jw) * SOUND_ALIKE_DISTANCE : jw * SOUND_DIFFERENT_FACTOR;
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
