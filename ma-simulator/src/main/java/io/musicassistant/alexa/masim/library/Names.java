package io.musicassistant.alexa.masim.library;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * MA's name normalisations (music_assistant_models/helpers.py): {@code create_sort_name},
 * {@code remove_diacritics} and {@code create_safe_string}. MA's library search compares
 * {@code create_safe_string} forms with SQL {@code LIKE %…%}, so search behaviour hinges on these.
 */
public final class Names {

    // remove_diacritics() first applies this small table (models' _OUTLIERS), which is why the
    // sort name of "Röyksopp" is "roeyksopp" while its safe string is "royksopp".
    private static final Map<Character, String> OUTLIERS = Map.ofEntries(
            Map.entry('ä', "ae"), Map.entry('æ', "ae"), Map.entry('ǽ', "ae"), Map.entry('đ', "d"),
            Map.entry('ð', "d"), Map.entry('ƒ', "f"), Map.entry('ħ', "h"), Map.entry('ı', "i"),
            Map.entry('ł', "l"), Map.entry('ø', "o"), Map.entry('ǿ', "o"), Map.entry('ö', "oe"),
            Map.entry('œ', "oe"), Map.entry('ß', "ss"), Map.entry('ŧ', "t"), Map.entry('ü', "ue"));

    // A stand-in for Python's unidecode on the Latin letters that do not decompose under NFD.
    private static final Map<Character, String> TRANSLITERATION = Map.ofEntries(
            Map.entry('æ', "ae"), Map.entry('ǽ', "ae"), Map.entry('œ', "oe"), Map.entry('ø', "o"),
            Map.entry('ǿ', "o"), Map.entry('ß', "ss"), Map.entry('ð', "d"), Map.entry('đ', "d"),
            Map.entry('þ', "th"), Map.entry('ł', "l"), Map.entry('ı', "i"), Map.entry('ħ', "h"),
            Map.entry('ŧ', "t"), Map.entry('ƒ', "f"), Map.entry('–', "-"), Map.entry('—', "-"),
            Map.entry('’', "'"), Map.entry('☕', ""));

    private static final String LEADING_JUNK = ",.:!?([{<>)]}/`'\"";
    private static final String[] ARTICLES =
            {"the ", "de ", "les ", "dj ", "las ", "los ", "le ", "la ", "el ", "a ", "an "};

    private Names() {
    }

    /** {@code remove_diacritics}: lower case, outlier table, then strip combining marks. */
    public static String removeDiacritics(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        StringBuilder mapped = new StringBuilder(lower.length());
        for (char c : lower.toCharArray()) {
            String replacement = OUTLIERS.get(c);
            mapped.append(replacement != null ? replacement : String.valueOf(c));
        }
        return stripMarks(mapped.toString());
    }

    /** {@code create_sort_name}: "The Beatles" → "beatles, the". */
    public static String sortName(String input) {
        String value = removeDiacritics(input.toLowerCase(Locale.ROOT).strip());
        while (!value.isEmpty() && LEADING_JUNK.indexOf(value.charAt(0)) >= 0) {
            value = value.substring(1);
        }
        for (String article : ARTICLES) {
            if (value.startsWith(article)) {
                value = value.substring(article.length()) + ", " + article;
                break;
            }
        }
        return value.strip();
    }

    /**
     * {@code create_safe_string}: lower case, transliterate, drop everything but letters, digits
     * and (unless {@code replaceSpace}) spaces.
     *
     * <p>Deviation: unidecode turns CJK into pinyin; we keep non-Latin letters as they are, so
     * "坂本龍一" stays searchable by its own characters.
     */
    public static String safe(String input, boolean replaceSpace) {
        String value = input;
        switch (value) {
            case "P!nk", "p!nk" -> value = value.replace("!", "i");
            case "KoЯn", "koЯn" -> value = value.replace("Я", "r");
            case "$hort" -> value = "short";
            default -> { }
        }
        value = value.toLowerCase(Locale.ROOT).strip();
        StringBuilder mapped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            String replacement = TRANSLITERATION.get(c);
            mapped.append(replacement != null ? replacement : String.valueOf(c));
        }
        String plain = stripMarks(mapped.toString());
        StringBuilder out = new StringBuilder(plain.length());
        plain.codePoints().forEach(cp -> {
            boolean keep = Character.isLetterOrDigit(cp) || (!replaceSpace && cp == ' ');
            if (keep) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String stripMarks(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
