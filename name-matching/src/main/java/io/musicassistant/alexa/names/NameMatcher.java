package io.musicassistant.alexa.names;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches a name as a person said it (through Alexa's speech recognition) to the names a library
 * spells. One matcher per language, because spoken numbers, "and", articles and sounds differ.
 * Below {@link #THRESHOLD} nothing is chosen: a wrong item is worse than "not found".
 *
 * <p>Skeleton: only equal normalised names match. The issue-14 matcher replaces the body.
 */
public final class NameMatcher {

    /** The confidence a choice needs. */
    public static final double THRESHOLD = 0.9;

    private final String language;

    private NameMatcher(String language) {
        this.language = language;
    }

    /** The matcher for an Alexa locale ({@code de-DE}) or a language ({@code de}); unknown ones get English. */
    public static NameMatcher forLocale(String localeOrLanguage) {
        String lang = localeOrLanguage == null || localeOrLanguage.length() < 2
                ? "en"
                : localeOrLanguage.substring(0, 2).toLowerCase(Locale.ROOT);
        return new NameMatcher(lang);
    }

    public String language() {
        return language;
    }

    /** How sure it is (0–1) that {@code spoken} names {@code name}. */
    public double confidence(String spoken, String name) {
        return key(spoken).equals(key(name)) && !key(name).isEmpty() ? 1.0 : 0.0;
    }

    /**
     * The candidate {@code spokenName} (optionally "by {@code spokenArtist}") means, or empty when
     * none reaches {@link #THRESHOLD}. On a tie the earlier candidate wins.
     */
    public Optional<Choice> best(String spokenName, String spokenArtist, List<Candidate> candidates) {
        Choice best = null;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            double score = confidence(spokenName, c.name());
            if (spokenArtist != null && !spokenArtist.isBlank()) {
                score = Math.min(
                        score,
                        c.artists().stream()
                                .mapToDouble(a -> confidence(spokenArtist, a))
                                .max()
                                .orElse(0));
            }
            if (score >= THRESHOLD && (best == null || score > best.confidence())) {
                best = new Choice(i, score);
            }
        }
        return Optional.ofNullable(best);
    }

    private static String key(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
