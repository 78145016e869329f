package io.musicassistant.alexa.names;

import java.util.HashMap;
import java.util.Map;

/**
 * Devanagari written in Latin letters the way Hindi names are usually spelt in libraries ("तुम ही हो"
 * → "tum hi ho", long and short vowels alike, as "Tum Hi Ho" writes them): consonants carry an "a" unless a vowel sign or virama follows, and a word's last
 * inherent "a" is not spoken (schwa deletion), so it is dropped.
 */
final class Devanagari {

    private static final Map<Character, String> CONSONANTS = new HashMap<>();
    private static final Map<Character, String> VOWELS = new HashMap<>();
    private static final Map<Character, String> SIGNS = new HashMap<>();
    private static final char VIRAMA = '्';
    private static final char NUKTA = '़';

    static {
        put(
                CONSONANTS,
                "कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसहळ",
                "k kh g gh n ch chh j jh n t th d dh n t th d dh n p ph b bh m y r l v sh sh s h l");
        put(VOWELS, "अआइईउऊऋएऐओऔ", "a a i i u u ri e ai o au");
        put(SIGNS, "ािीुूृेैोौंःँ", "a i i u u ri e ai o au n h n");
    }

    private static void put(Map<Character, String> map, String from, String to) {
        String[] latin = to.split(" ");
        for (int i = 0; i < from.length(); i++) {
            map.put(from.charAt(i), latin[i]);
        }
    }

    private Devanagari() {}

    /** One run of Devanagari from {@code start}; returns where the run ends. */
    static int latin(String text, int start, StringBuilder out) {
        int i = start;
        boolean pendingA = false;
        while (i < text.length() && Character.UnicodeBlock.of(text.charAt(i)) == Character.UnicodeBlock.DEVANAGARI) {
            char c = text.charAt(i++);
            String consonant = CONSONANTS.get(c);
            if (consonant != null) {
                if (pendingA) {
                    out.append('a');
                }
                if (i < text.length() && text.charAt(i) == NUKTA) {
                    consonant = switch (consonant) {
                        case "j" -> "z";
                        case "ph" -> "f";
                        case "k" -> "q";
                        default -> consonant;
                    };
                    i++;
                }
                out.append(consonant);
                pendingA = true;
            } else if (c == VIRAMA) {
                pendingA = false;
            } else if (SIGNS.containsKey(c)) {
                boolean nasal = "ंःँ".indexOf(c) >= 0;
                if (nasal && pendingA) {
                    out.append('a');
                }
                out.append(SIGNS.get(c));
                pendingA = false;
            } else if (VOWELS.containsKey(c)) {
                if (pendingA) {
                    out.append('a');
                }
                out.append(VOWELS.get(c));
                pendingA = false;
            } else {
                if (pendingA) {
                    out.append('a');
                }
                pendingA = false;
                out.append(Character.isDigit(c) ? String.valueOf(Character.digit(c, 10)) : " ");
            }
        }
        // the word's final inherent "a" is silent in Hindi ("ham", not "hama")
        return i;
    }
}
