package io.musicassistant.alexa.relay.protocol;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised names: the same words written differently ("Sigur Rós" / "sigur ros", "Simon &amp;
 * Garfunkel" / "simon and garfunkel") get the same key. The cloud builds content ids from
 * {@link #key}; the connector compares Music Assistant's names with {@link #matchKey}.
 */
public final class Names {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern BRACKETED = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(the|a|an|die|der|das|le|la|les|el|los)-(?=.)");

    private Names() {}

    /** Canonical key: lowercase letters and digits of any script, words joined by single dashes. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = name.replace("&", " and ").replace("+", " and ");
        s = foldSpecialLetters(s);
        s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        s = COMBINING_MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = NOT_WORD.matcher(s).replaceAll("-");
        return trimDashes(s);
    }

    /** A looser key for matching what a user said: no bracketed remarks, no leading article. */
    public static String matchKey(String name) {
        if (name == null) {
            return "";
        }
        String withoutRemarks = BRACKETED.matcher(name).replaceAll(" ");
        String k = key(withoutRemarks.isBlank() ? name : withoutRemarks);
        return LEADING_ARTICLE.matcher(k).replaceFirst("");
    }

    /** Marks the end of a key that was cut short (content ids bound their length); never part of a key. */
    public static final char CUT = '*';

    /** Turns a key back into words, for searching ("ok-computer" → "ok computer"). */
    public static String words(String key) {
        return key == null ? "" : key.replace(CUT, ' ').replace('-', ' ').trim();
    }

    /** Whether a name's full key is the key a content id carries (a cut key matches what it was cut from). */
    public static boolean matchesKey(String fullKey, String keyFromId) {
        if (keyFromId.endsWith(String.valueOf(CUT))) {
            return fullKey.startsWith(keyFromId.substring(0, keyFromId.length() - 1));
        }
        return fullKey.equals(keyFromId);
    }

    private static String foldSpecialLetters(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case 'ß' -> "ss";
                case 'æ' -> "ae";
                case 'Æ' -> "AE";
                case 'ø' -> "o";
                case 'Ø' -> "O";
                case 'œ' -> "oe";
                case 'Œ' -> "OE";
                case 'ł' -> "l";
                case 'Ł' -> "L";
                case 'đ' -> "d";
                case 'Đ' -> "D";
                case 'þ' -> "th";
                case 'Þ' -> "Th";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length() + 4).append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
