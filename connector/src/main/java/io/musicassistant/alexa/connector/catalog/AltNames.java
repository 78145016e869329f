package io.musicassistant.alexa.connector.catalog;

import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other ways people say a name, for the catalogs' {@code alternateNames}. Amazon's voice modeling
 * recognises lowercase dictionary words with spaces between them, letters read one by one written as
 * "r. e. m.", and numbers and symbols spelled out (docs/catalogs.md; the reference's "Voice
 * modeling"); anything else needs an alias. So: a leading "The" may be dropped ("Beatles"), "&" is
 * "and" and "and" may be written "&", numbers and years are spelled out ("The 1975" → "The nineteen
 * seventy five"), punctuation between letters is a word break ("AC/DC" → "AC DC", "Jay-Z" → "Jay Z"),
 * dotted abbreviations are letters ("R.E.M." → "R. E. M."), and a bracketed remark may be left out
 * ("Creep (Acoustic)" → "Creep"). At most {@link CatalogSnapshot#MAX_ALT_NAMES}, most useful first,
 * none equal to the name or to each other (ignoring case and spacing).
 */
public final class AltNames {

    private static final Pattern LEADING_THE = Pattern.compile("(?i)^the\\s+(?=\\S)");
    /** Two or more single letters each followed by a period, the last period optional: R.E.M., N.W.A */
    private static final Pattern DOTTED =
            Pattern.compile("(?<![\\p{L}\\p{N}])((?:\\p{L}\\.){2,}\\p{L}?)(?![\\p{L}\\p{N}])");

    private static final Pattern BETWEEN_WORDS =
            Pattern.compile("(?<=[\\p{L}\\p{N}])\\s*[/_\\-–—]+\\s*(?=[\\p{L}\\p{N}])");
    private static final Pattern BRACKETED = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]");
    private static final Pattern AND_WORD = Pattern.compile("(?i)\\s+and\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private AltNames() {}

    /** The alternates of {@code name}; empty when it is already as voice friendly as it gets. */
    public static List<String> of(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String original = tidy(name);
        Set<String> seen = new HashSet<>(Set.of(key(original))); // the name itself is never its own alternate
        List<String> alternates = new ArrayList<>();
        String bare = tidy(BRACKETED.matcher(original).replaceAll(" "));
        for (String base : bare.isEmpty() ? List.of(original) : List.of(original, bare)) {
            add(alternates, seen, base);
            add(alternates, seen, spoken(base));
            add(alternates, seen, withoutThe(base));
            add(alternates, seen, spoken(withoutThe(base)));
        }
        if (AND_WORD.matcher(original).find()) {
            add(alternates, seen, AND_WORD.matcher(original).replaceAll(" & "));
        }
        return List.copyOf(alternates.subList(0, Math.min(alternates.size(), CatalogSnapshot.MAX_ALT_NAMES)));
    }

    /** The name as it would be said: symbols as words, abbreviations as letters, numbers spelled out. */
    static String spoken(String name) {
        String s = name.replace("&", " and ")
                .replace("+", " and ")
                .replace("@", " at ")
                .replace("%", " percent ");
        s = s.replaceAll("#(?=\\d)", "number ");
        Matcher dotted = DOTTED.matcher(s);
        StringBuilder out = new StringBuilder();
        while (dotted.find()) {
            String letters = dotted.group(1).replace(".", "");
            StringBuilder spaced = new StringBuilder();
            for (int i = 0; i < letters.length(); ) {
                int cp = letters.codePointAt(i);
                spaced.append(spaced.isEmpty() ? "" : " ").appendCodePoint(cp).append('.');
                i += Character.charCount(cp);
            }
            dotted.appendReplacement(out, Matcher.quoteReplacement(spaced.toString()));
        }
        dotted.appendTail(out);
        s = BETWEEN_WORDS.matcher(out.toString()).replaceAll(" ");
        return tidy(SpokenNumbers.spellAll(s));
    }

    static String withoutThe(String name) {
        return LEADING_THE.matcher(name).replaceFirst("");
    }

    private static void add(List<String> alternates, Set<String> seen, String candidate) {
        String value = cut(tidy(candidate));
        if (!value.isEmpty() && seen.add(key(value))) {
            alternates.add(value);
        }
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static String tidy(String value) {
        return SPACES.matcher(value).replaceAll(" ").strip();
    }

    /** Spelled-out numbers make names longer; the catalog takes at most 512 characters. */
    private static String cut(String value) {
        if (value.length() <= CatalogSnapshot.MAX_NAME_LENGTH) {
            return value;
        }
        int end = CatalogSnapshot.MAX_NAME_LENGTH;
        if (Character.isLowSurrogate(value.charAt(end))) {
            end--;
        }
        return value.substring(0, end).strip();
    }
}
