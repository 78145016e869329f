package io.musicassistant.alexa.masim.library;

import java.text.Normalizer;
import java.util.Comparator;
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
            Map.entry('ä', "ae"),
            Map.entry('æ', "ae"),
            Map.entry('ǽ', "ae"),
            Map.entry('đ', "d"),
            Map.entry('ð', "d"),
            Map.entry('ƒ', "f"),
            Map.entry('ħ', "h"),
            Map.entry('ı', "i"),
            Map.entry('ł', "l"),
            Map.entry('ø', "o"),
            Map.entry('ǿ', "o"),
            Map.entry('ö', "oe"),
            Map.entry('œ', "oe"),
            Map.entry('ß', "ss"),
            Map.entry('ŧ', "t"),
            Map.entry('ü', "ue"));

    // A stand-in for Python's unidecode on the Latin letters that do not decompose under NFD.
    private static final Map<Character, String> TRANSLITERATION = Map.ofEntries(
            Map.entry('æ', "ae"),
            Map.entry('ǽ', "ae"),
            Map.entry('œ', "oe"),
            Map.entry('ø', "o"),
            Map.entry('ǿ', "o"),
            Map.entry('ß', "ss"),
            Map.entry('ð', "d"),
            Map.entry('đ', "d"),
            Map.entry('þ', "th"),
            Map.entry('ł', "l"),
            Map.entry('ı', "i"),
            Map.entry('ħ', "h"),
            Map.entry('ŧ', "t"),
            Map.entry('ƒ', "f"),
            Map.entry('–', "-"),
            Map.entry('—', "-"),
            Map.entry('’', "'"),
            Map.entry('☕', ""));

    private static final String LEADING_JUNK = ",.:!?([{<>)]}/`'\"";
    private static final String[] ARTICLES = {
        "the ", "de ", "les ", "dj ", "las ", "los ", "le ", "la ", "el ", "a ", "an "
    };

    /**
     * SQLite's BINARY collation compares UTF-8 bytes, which is code point order. Java's
     * {@code String.compareTo} compares UTF-16 units and disagrees for characters beyond U+FFFF
     * (emoji) against U+E000–U+FFFF, so sorting by name uses this instead.
     */
    public static final Comparator<String> CODE_POINT_ORDER = Names::compareCodePoints;

    private Names() {}

    static int compareCodePoints(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** {@code remove_diacritics}: lower case, outlier table, then strip combining marks. */
    public static String removeDiacritics(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) {
            return lower; // neither the table nor NFD changes ASCII
        }
        return stripMarks(mapped(lower, OUTLIERS));
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
            default -> {}
        }
        value = value.toLowerCase(Locale.ROOT).strip();
        // ASCII (most names) needs neither the table nor NFD; the result is the same either way
        String plain = isAscii(value) ? value : stripMarks(mapped(value, TRANSLITERATION));
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            boolean keep = Character.isLetterOrDigit(cp) || (!replaceSpace && cp == ' ');
            if (keep) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Replaces the characters the table names; every table key is non-ASCII. */
    private static String mapped(String text, Map<Character, String> table) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = c < 128 ? null : table.get(c);
            if (replacement != null) {
                out.append(replacement);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String stripMarks(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
