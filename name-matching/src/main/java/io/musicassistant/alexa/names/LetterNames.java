package io.musicassistant.alexa.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Letters spelt by their names, as Alexa writes them in Romance languages: "erre be de" is "RBD",
 * "emme due o" is "m2o", "jota balvin" is "J Balvin". Names that are also ordinary words ("de",
 * "te", "ese", "elle") count as letters only next to an unmistakable letter name.
 */
final class LetterNames {

    private static final Map<String, Map<String, String>> NAMES = Map.of(
            "es",
                    names(
                            "a be ce de e efe ge hache i jota ka ele eme ene o pe cu erre ese te u uve equis zeta",
                            "a b c d e f g h i j k l m n o p q r s t u v x z"),
            "it",
                    names(
                            "a bi ci di e effe gi acca i elle emme enne o pi cu erre esse ti u vu ics zeta",
                            "a b c d e f g h i l m n o p q r s t u v x z"),
            "pt",
                    names(
                            "a be ce de e efe ge aga i jota ca ele eme ene o pe que erre esse te u ve xis ze",
                            "a b c d e f g h i j k l m n o p q r s t u v x z"),
            "fr",
                    names(
                            "a be ce de e effe ge ache i ji ka elle emme enne o pe ku erre esse te u ve ixe zede",
                            "a b c d e f g h i j k l m n o p q r s t u v x z"));

    /** Letter names that are also words: letters only beside an unmistakable one. */
    private static final Set<String> WORDS = Set.of(
            "a", "e", "i", "o", "u", "be", "ce", "de", "di", "te", "ti", "pe", "ese", "que", "ca", "elle", "esse", "ge",
            "ve", "ze", "ka", "ku", "ji", "bi", "ci", "gi", "pi", "cu", "zeta", "ele");

    private LetterNames() {}

    private static Map<String, String> names(String spoken, String letters) {
        String[] s = spoken.split(" ");
        String[] l = letters.split(" ");
        if (s.length != l.length) {
            throw new IllegalArgumentException(s.length + " names, " + l.length + " letters");
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < s.length; i++) {
            map.put(s[i], l[i]);
        }
        return map;
    }

    /** {@code words} with spelt letter names read as letters, in a name of two words or more. */
    static List<String> read(List<String> words, String language) {
        Map<String, String> names = NAMES.get(language);
        if (names == null || words.size() < 2) {
            return words;
        }
        List<String> out = new ArrayList<>(words);
        boolean[] letter = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            letter[i] = names.containsKey(words.get(i)) && !WORDS.contains(words.get(i));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < words.size(); i++) {
                boolean besideLetter = i > 0 && letter[i - 1] || i + 1 < words.size() && letter[i + 1];
                if (!letter[i] && names.containsKey(words.get(i)) && besideLetter) {
                    letter[i] = true;
                    changed = true;
                }
            }
        }
        for (int i = 0; i < words.size(); i++) {
            if (letter[i]) {
                out.set(i, names.get(words.get(i)));
            }
        }
        return out;
    }
}
