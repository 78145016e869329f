package io.musicassistant.alexa.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name in the comparable form of one language: lower case Latin letters and digits in words,
 * numbers as digits, "and" as "&", a leading article dropped, abbreviations read aloud ("st" →
 * "saint") and letters spelt one by one joined ("a c d c" → "acdc"). {@code base} is the name
 * without its version remarks ("(Live)", " - 2011 Remaster", "feat. …"), {@code full} with their
 * words, and {@code versions} the kinds of version named ({@link Versions}).
 */
public record SpokenName(
        List<String> base, List<String> full, List<String> subtitle, Set<String> versions, Joined joined) {

    /**
     * The name's letters and digits without word breaks, before numbers, articles and abbreviations
     * are read ({@code full} and {@code base}): "radio eins" and "radioeins", "six pence" and
     * "Sixpence", "the giornalisti" and "Thegiornalisti" are one name however the words were heard.
     */
    public record Joined(String full, String base) {
        static final Joined NONE = new Joined("", "");
    }

    private static final Pattern BRACKETS = Pattern.compile("[(\\[{]([^)\\]}]*)[)\\]}]?");
    private static final Pattern DASH_REMARK = Pattern.compile("\\s[-–—]\\s(.*)$");
    private static final Pattern FEATURING = Pattern.compile("\\s(?:feat\\.?|ft\\.|featuring)\\s.*$");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}&+]+");
    private static final Pattern AMPERSAND = Pattern.compile("([&+])");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** A station's frequency ("KEXP 90.3 FM"): nobody says it. */
    private static final Pattern FREQUENCY = Pattern.compile("\\s\\d{2,3}[.,]\\d{1,2}\\s*(?:fm|mhz)\\b");
    /** Bracketed remarks that are not a second title: guests, sources, years. */
    private static final Pattern REMARK =
            Pattern.compile("^\\s*(?:feat\\.?|ft\\.|featuring|with|from|aus|de|del|dal|da|avec|con|com|mit|\\d{4})\\b");

    private static final Pattern THOUSANDS = Pattern.compile("(\\d)[.,](\\d{3})(?!\\d)");
    private static final Pattern DECIMAL = Pattern.compile("(\\d)[.,](\\d)");
    /** "5ª", "1st", "3e": an ordinal is its number, as the spoken ordinal word is (see {@link Language#ordinals()}). */
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d{1,3})(?:st|nd|rd|th|a|o|re|e|eme|ieme|te|º|ª)\\b");
    /** "LOS40", "SWR3", "1LIVE": letters and digits are separate words, but "80s" and "80er" stay decades. */
    private static final Pattern LETTERS_DIGITS =
            Pattern.compile("(?<=\\p{L})(?=\\d)|(?<=\\d)(?=\\p{L})(?!s\\b|er\\b)");

    private static final Set<String> POINT =
            Set.of("point", "punto", "punkt", "komma", "virgola", "ponto", "virgule", "coma", "virgula");
    /** A dash remark naming a part or volume ("Teatro d'ira - Vol. I"), nothing people say. */
    private static final Pattern PART =
            Pattern.compile("^(?:vol|volume|part|pt|parte|teil|cap|chapter|capitulo|capitolo)\\b");
    /** "No. 5": the number sign read aloud (a plain "no" stays a word: "No Woman No Cry"). */
    private static final Pattern NUMBER_SIGN = Pattern.compile("\\bno\\.\\s*(?=\\d)");

    /**
     * Roman numerals II–XX, read as numbers when they follow a word. "I", "V" and "X" stay letters
     * ("Malcolm X", "Part I" is also the English word).
     */
    private static final Map<String, String> ROMAN = romanNumerals();

    /** Languages where "vi" is a word ("te vi", "vi amo"). */
    private static final Set<String> VI_IS_A_WORD = Set.of("es", "it", "pt");

    private static Map<String, String> romanNumerals() {
        String[] units = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
        Map<String, String> map = new HashMap<>();
        for (int n = 2; n <= 20; n++) {
            if (n != 5 && n != 10) {
                map.put("x".repeat(n / 10) + units[n % 10], Integer.toString(n));
            }
        }
        return Map.copyOf(map);
    }

    /**
     * A "v" between two consonants is the Latin "u" of a stylised name ("CHVRCHES", "Café Tacvba",
     * "BVLGARI"): no word of our languages has that v sound there. Not in a word without vowels,
     * which is letters ("DVD", "LVL").
     */
    private static final Pattern LATIN_V = Pattern.compile("(?<=[b-df-hj-np-tv-xz])v(?=[b-df-hj-np-tv-xz])");

    private static final Pattern VOWEL = Pattern.compile("[aeiouy]");

    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d\\d\\b");

    public SpokenName {
        base = List.copyOf(base);
        full = List.copyOf(full);
        subtitle = List.copyOf(subtitle);
        versions = Set.copyOf(versions);
        joined = joined == null ? Joined.NONE : joined;
    }

    /** {@code text} as a name in {@code language} ({@code de}, {@code de-DE}). */
    public static SpokenName of(String text, String language) {
        return of(text, Language.of(NameMatcher.languageOf(language)));
    }

    static SpokenName of(String text, Language language) {
        if (text == null || text.isBlank()) {
            return new SpokenName(List.of(), List.of(), List.of(), Set.of(), Joined.NONE);
        }
        String t = Symbols.read(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        t = NUMBER_SIGN.matcher(t).replaceAll("number ");
        String base = FREQUENCY.matcher(t).replaceAll(" ");
        String subtitle = "";
        String unbracketed = "";
        Set<String> versions = new TreeSet<>();
        Matcher dash = DASH_REMARK.matcher(base);
        if (dash.find()
                && (!Versions.in(dash.group(1)).isEmpty()
                        || YEAR.matcher(dash.group(1)).find()
                        || PART.matcher(dash.group(1)).find())) {
            versions.addAll(Versions.in(dash.group(1)));
            base = base.substring(0, dash.start());
        }
        Matcher brackets = BRACKETS.matcher(base);
        StringBuilder kept = new StringBuilder();
        while (brackets.find()) {
            boolean leading = base.substring(0, brackets.start()).isBlank();
            Set<String> named = Versions.in(brackets.group(1));
            versions.addAll(named);
            if (!leading
                    && named.isEmpty()
                    && !REMARK.matcher(brackets.group(1)).find()) {
                subtitle = brackets.group(1); // "Major Tom (Völlig losgelöst)": a second title
            }
            if (leading && named.isEmpty() && subtitle.isEmpty()) {
                unbracketed = base.substring(brackets.end()); // "(I Can't Get No) Satisfaction": often unsaid
            }
            brackets.appendReplacement(kept, leading ? Matcher.quoteReplacement(brackets.group(1)) : " ");
        }
        brackets.appendTail(kept);
        if (subtitle.isEmpty() && !unbracketed.isBlank()) {
            subtitle = FEATURING
                    .matcher(BRACKETS.matcher(unbracketed).replaceAll(" "))
                    .replaceAll("");
        }
        base = FEATURING.matcher(kept.toString()).replaceAll("");
        List<String> baseTokens = tokens(base, language);
        List<String> fullTokens = tokens(t, language);
        String joinedFull = compact(spelled(t, language));
        String joinedBase = compact(spelled(base, language));
        return new SpokenName(
                baseTokens.isEmpty() ? fullTokens : baseTokens,
                fullTokens,
                tokens(subtitle, language),
                versions,
                new Joined(joinedFull, joinedBase.isEmpty() ? joinedFull : joinedBase));
    }

    /** The comparable words of {@code text} (already lower case). */
    static List<String> tokens(String text, Language language) {
        List<String> words = new ArrayList<>(spelled(text, language));
        for (int i = 0; i < words.size(); i++) {
            String full = language.abbreviations()
                    .getOrDefault(words.get(i), Language.EN.abbreviations().get(words.get(i)));
            if (full != null && words.size() > 1) {
                words.set(i, full);
            }
        }
        if (words.size() > 1 && language.isArticle(words.getFirst())) {
            words.removeFirst();
        }
        words = new ArrayList<>(language.numbers().digits(words));
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean inside = i > 0 && i < words.size() - 1;
            if (language.isAnd(w) && inside) {
                words.set(i, "&");
            } else if (POINT.contains(w) && inside && Similarity.isNumber(words.get(i - 1))) {
                words.set(i, "point"); // "cien punto nueve": a frequency, as "100.9" reads
            } else if (i > 0 && ROMAN.containsKey(w) && !(w.equals("vi") && VI_IS_A_WORD.contains(language.code()))) {
                words.set(i, ROMAN.get(w)); // "Led Zeppelin IV", "Rocky II": a numeral after a name
            } else {
                String ordinal = language.ordinals().get(w);
                if (ordinal != null) {
                    words.set(i, ordinal);
                }
            }
        }
        return List.copyOf(words);
    }

    /** The words of {@code text} as written: scripts and symbols read, letters spelt one by one joined. */
    private static List<String> spelled(String text, Language language) {
        String latin = Scripts.latin(language.code().equals("ja") ? Japanese.read(text) : text)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("þ", "th")
                .replace("ı", "i");
        latin = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFKD)).replaceAll("");
        latin = latin.replace("'", language.apostropheSplits() ? " " : "")
                .replace("’", language.apostropheSplits() ? " " : "");
        latin = AMPERSAND.matcher(latin).replaceAll(" $1 ");
        latin = THOUSANDS.matcher(latin).replaceAll("$1$2");
        latin = DECIMAL.matcher(latin).replaceAll("$1 point $2");
        latin = ORDINAL.matcher(latin).replaceAll("$1");
        latin = LETTERS_DIGITS.matcher(latin).replaceAll(" ");
        List<String> words = new ArrayList<>(Arrays.asList(SPLIT.split(latin.strip())));
        words.removeIf(String::isEmpty);
        words = digitsToAscii(words);
        words = new ArrayList<>(LetterNames.read(words, language.code()));
        words.replaceAll(w -> VOWEL.matcher(w).find() ? LATIN_V.matcher(w).replaceAll("u") : w);
        return joinSpelledLetters(words);
    }

    private static List<String> digitsToAscii(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            StringBuilder b = new StringBuilder(w.length());
            w.codePoints().forEach(c -> b.appendCodePoint(Character.isDigit(c) ? '0' + Character.digit(c, 10) : c));
            out.add(b.toString());
        }
        return out;
    }

    /** "a c d c" → "acdc", "r e m" → "rem": a name spelt letter by letter is one word. */
    private static List<String> joinSpelledLetters(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j < words.size() && isLetter(words.get(j))) {
                j++;
            }
            if (j - i >= 2) {
                out.add(String.join("", words.subList(i, j)));
                i = j;
            } else {
                out.add(words.get(i));
                i++;
            }
        }
        return out;
    }

    private static boolean isLetter(String word) {
        return word.length() == 1 && Character.isLetter(word.charAt(0));
    }

    /** The words without "&", joined: how a name reads when word breaks do not count ("radio head"). */
    static String compact(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!w.equals("&")) {
                b.append(w);
            }
        }
        return b.toString();
    }

    public boolean isEmpty() {
        return full.isEmpty();
    }
}
