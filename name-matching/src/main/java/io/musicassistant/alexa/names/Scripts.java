package io.musicassistant.alexa.names;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes other scripts in Latin letters, so that a name Alexa heard in one script matches a library
 * that spells it in another ("Кино" and "Kino", "ねこ" and "Neko", "तुम ही हो" and "Tum Hi Ho").
 * Tables, not a dictionary: Cyrillic, Greek, kana and Devanagari are written by sound; kanji (and
 * other ideographs) have several readings that need a dictionary, so they stay as they are and
 * match only names written in the same kanji.
 */
final class Scripts {

    private static final Map<Character, String> LETTERS = new HashMap<>();
    private static final Map<String, String> KANA = new HashMap<>();
    private static final Pattern LONG_VOWEL = Pattern.compile("([aeiou])\\1|(?<=o)u");

    static {
        letters(
                "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ",
                "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya ye i yi g");
        letters("αβγδεζηθικλμνξοπρσςτυφχψω", "a v g d e z i th i k l m n x o p r s s t y f ch ps o");
        kana("あいうえお", "a i u e o");
        kana("かきくけこがぎぐげご", "ka ki ku ke ko ga gi gu ge go");
        kana("さしすせそざじずぜぞ", "sa shi su se so za ji zu ze zo");
        kana("たちつてとだぢづでど", "ta chi tsu te to da ji zu de do");
        kana("なにぬねのはひふへほ", "na ni nu ne no ha hi fu he ho");
        kana("ばびぶべぼぱぴぷぺぽ", "ba bi bu be bo pa pi pu pe po");
        kana("まみむめもやゆよ", "ma mi mu me mo ya yu yo");
        kana("らりるれろわをんゔ", "ra ri ru re ro wa o n vu");
        kana("ぁぃぅぇぉゃゅょゎ", "a i u e o ya yu yo wa");
    }

    private static void letters(String from, String to) {
        String[] latin = to.split(" ");
        for (int i = 0; i < from.length(); i++) {
            LETTERS.put(from.charAt(i), latin[i].equals("_") ? "" : latin[i]);
        }
    }

    private static void kana(String from, String to) {
        String[] latin = to.split(" ");
        for (int i = 0; i < from.length(); i++) {
            KANA.put(String.valueOf(from.charAt(i)), latin[i]);
        }
    }

    private Scripts() {}

    /** {@code text} (lower case) with Cyrillic, Greek, kana and Devanagari written in Latin letters. */
    static String latin(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
            if (block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA) {
                StringBuilder romaji = new StringBuilder();
                i = kana(text, i, romaji);
                // long vowels once, as Hepburn without macrons writes them: "toukyou" → "tokyo"
                out.append(LONG_VOWEL.matcher(romaji).replaceAll("$1"));
            } else if (block == Character.UnicodeBlock.DEVANAGARI) {
                i = Devanagari.latin(text, i, out);
            } else {
                String l = LETTERS.get(c);
                if (l == null && c > 0x36F) {
                    // "ί", "й": the letter's base without its accent ("ι"), where the table has no own entry
                    l = LETTERS.get(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                            .charAt(0));
                }
                out.append(l == null ? String.valueOf(c) : l);
                i++;
            }
        }
        return out.toString();
    }

    private static char hiragana(char c) {
        return c >= 'ァ' && c <= 'ヶ' ? (char) (c - 0x60) : c;
    }

    /** One run of kana from {@code start}; returns where the run ends. */
    private static int kana(String text, int start, StringBuilder out) {
        int i = start;
        boolean doubleNext = false;
        while (i < text.length()) {
            char c = hiragana(text.charAt(i));
            Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
            if (block != Character.UnicodeBlock.HIRAGANA && block != Character.UnicodeBlock.KATAKANA) {
                break;
            }
            i++;
            if (c == 'っ') {
                doubleNext = true;
                continue;
            }
            if (c == 'ー') {
                // a long vowel: written once, as Hepburn without macrons writes it ("rāmen" → "ramen")
                continue;
            }
            String syllable = KANA.getOrDefault(String.valueOf(c), "");
            if (i < text.length() && "ゃゅょャュョ".indexOf(text.charAt(i)) >= 0 && syllable.endsWith("i")) {
                String glide = KANA.get(String.valueOf(hiragana(text.charAt(i))));
                String stem = syllable.substring(0, syllable.length() - 1);
                syllable = stem.endsWith("sh") || stem.endsWith("ch") || stem.equals("j")
                        ? stem + glide.substring(1)
                        : stem + glide;
                i++;
            }
            if (i < text.length() && "ぁぃぅぇぉァィゥェォ".indexOf(text.charAt(i)) >= 0 && !syllable.isEmpty()) {
                // ファ, ティ, ウィ: the small vowel replaces the syllable's own ("fu" + "a" → "fa")
                String vowel = KANA.get(String.valueOf(hiragana(text.charAt(i))));
                String stem = syllable.substring(0, syllable.length() - 1);
                syllable = (stem.isEmpty() ? "w" : stem) + vowel;
                i++;
            }
            if (doubleNext && !syllable.isEmpty()) {
                syllable = (syllable.startsWith("ch") ? "t" : syllable.substring(0, 1)) + syllable;
                doubleNext = false;
            }
            out.append(syllable);
        }
        return i;
    }
}
