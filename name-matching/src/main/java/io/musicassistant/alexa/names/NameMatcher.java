package io.musicassistant.alexa.names;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches a name as a person said it (through Alexa's speech recognition) to the names a library
 * spells. One matcher per language, because spoken numbers, "and", articles and sounds differ.
 * Both names are first brought into the same form ({@link SpokenName}: numbers as digits, "and"
 * as "&", no leading article, accents and other scripts in Latin letters), then scored by their
 * words' spelling and sound ({@link Similarity}). Below {@link #THRESHOLD} nothing is chosen: a
 * wrong item is worse than "not found".
 */
public final class NameMatcher {

    /**
     * The confidence a choice needs. A name whose words all match scores 1; one misheard but
     * alike-sounding word in a short name keeps it above 0.9; a missing or extra word, or a word
     * that only looks alike, takes it below.
     */
    public static final double THRESHOLD = 0.9;

    /** What a version the user did not ask for costs: the plain one wins, but a lone live version is found. */
    static final double OTHER_VERSION = 0.02;

    /** What the plain version costs when the user asked for a version ("karma police live") the library lacks. */
    static final double MISSING_VERSION = 0.05;

    /** A title's first words with its artist: found, but below any full title. */
    static final double SHORTENED_TITLE = 0.91;

    /** An artist said by part of the name ("balavoine" for Daniel Balavoine), the title found in full. */
    static final double ARTIST_PART = 0.92;

    private static final int NAME_CACHE_LIMIT = 20_000;
    private static final Map<String, Map<String, SpokenName>> NAMES = new ConcurrentHashMap<>();

    private final Language language;
    private final Similarity similarity;

    private NameMatcher(Language language) {
        this.language = language;
        this.similarity = new Similarity(language.sounds());
        NAMES.computeIfAbsent(language.code(), c -> new ConcurrentHashMap<>());
    }

    /** The matcher for an Alexa locale ({@code de-DE}) or a language ({@code de}); unknown ones get English. */
    public static NameMatcher forLocale(String localeOrLanguage) {
        return new NameMatcher(Language.of(languageOf(localeOrLanguage)));
    }

    static String languageOf(String localeOrLanguage) {
        return localeOrLanguage == null || localeOrLanguage.length() < 2
                ? "en"
                : localeOrLanguage.substring(0, 2).toLowerCase(Locale.ROOT);
    }

    public String language() {
        return language.code();
    }

    /** The words that may come before a room's name in this language ("the", "im", "dans la"), one word each. */
    public Set<String> roomWords() {
        return language.roomWords();
    }

    /** {@code text} in this language's comparable form. */
    public SpokenName normalise(String text) {
        return SpokenName.of(text, language);
    }

    /** A library name's form, cached: the same library is searched again and again. */
    private SpokenName library(String name) {
        Map<String, SpokenName> cache = NAMES.get(language.code());
        SpokenName n = cache.get(name);
        if (n == null) {
            if (cache.size() > NAME_CACHE_LIMIT) {
                cache.clear();
            }
            n = normalise(name);
            cache.put(name, n);
        }
        return n;
    }

    /** How sure it is (0–1) that {@code spoken} names {@code name}. */
    public double confidence(String spoken, String name) {
        return name(normalise(spoken), normalise(name));
    }

    /** How sure it is (0–1) that {@code spokenName} (by {@code spokenArtist}, nullable) names {@code candidate}. */
    public double confidence(String spokenName, String spokenArtist, Candidate candidate) {
        return score(normalise(spokenName), artist(spokenArtist), candidate);
    }

    /**
     * The candidate {@code spokenName} (optionally "by {@code spokenArtist}") means, or empty when
     * none reaches {@link #THRESHOLD}. On a tie the earlier candidate wins.
     */
    public Optional<Choice> best(String spokenName, String spokenArtist, List<Candidate> candidates) {
        SpokenName asked = normalise(spokenName);
        SpokenName by = artist(spokenArtist);
        Choice best = null;
        for (int i = 0; i < candidates.size(); i++) {
            double score = score(asked, by, candidates.get(i));
            if (score >= THRESHOLD && (best == null || score > best.confidence())) {
                best = new Choice(i, score);
            }
        }
        return Optional.ofNullable(best);
    }

    private SpokenName artist(String spokenArtist) {
        return spokenArtist == null || spokenArtist.isBlank() ? null : normalise(spokenArtist);
    }

    private double score(SpokenName asked, SpokenName by, Candidate candidate) {
        SpokenName item = library(candidate.name());
        double score = name(asked, item);
        if (by != null && score > 0) {
            double artist = 0;
            for (String a : candidate.artists()) {
                SpokenName named = library(a);
                artist = Math.max(artist, similarity.of(by.full(), named.full()));
                if (joinedAlike(by.joined().full(), named.joined().full())) {
                    artist = 1;
                } else if (score >= THRESHOLD && partOf(by.full(), named.full())) {
                    // the title found, the artist said by part of the name: "chanteur by balavoine"
                    artist = Math.max(artist, ARTIST_PART);
                }
            }
            if (artist >= THRESHOLD && score < THRESHOLD && startsWith(item.base(), asked.full())) {
                // the artist named, a title's first words are enough: "atemlos by Helene Fischer"
                score = SHORTENED_TITLE;
            }
            score = Math.min(score, artist);
        }
        return score;
    }

    /**
     * Two names' letters without word breaks are the same, a leading number word read as its digits
     * ("zweiraumwohnung" and "2raumwohnung").
     */
    private boolean joinedAlike(String spoken, String named) {
        if (spoken.isEmpty() || named.isEmpty()) {
            return false;
        }
        if (spoken.equals(named)) {
            return true;
        }
        // one begins with digits, the other perhaps with the number said
        return Character.isDigit(named.charAt(0))
                        && !Character.isDigit(spoken.charAt(0))
                        && language.numbers().leadingDigits(spoken).equals(named)
                || Character.isDigit(spoken.charAt(0))
                        && !Character.isDigit(named.charAt(0))
                        && language.numbers().leadingDigits(named).equals(spoken);
    }

    /** {@code spoken}'s words, at least five letters, are consecutive words of {@code name}. */
    private static boolean partOf(List<String> spoken, List<String> name) {
        return String.join("", spoken).length() >= 5
                && spoken.size() < name.size()
                && Collections.indexOfSubList(name, spoken) >= 0;
    }

    private static boolean startsWith(List<String> title, List<String> spoken) {
        return !spoken.isEmpty()
                && spoken.size() < title.size()
                && String.join("", spoken).length() >= 4
                && title.subList(0, spoken.size()).equals(spoken);
    }

    /** The name score, with the version asked for (or not) deciding between versions of one name. */
    private double name(SpokenName asked, SpokenName item) {
        if (asked.isEmpty() || item.isEmpty()) {
            return 0;
        }
        List<String> plain = Versions.without(asked.full());
        Set<String> wanted = Versions.in(String.join(" ", asked.full()));
        double whole = Math.max(
                similarity.of(asked.full(), item.full()), similarity.of(asked.full(), item.subtitle()) - OTHER_VERSION);
        if (joinedAlike(asked.joined().full(), item.joined().full())) {
            whole = 1; // "radio eins" for "radioeins", "six pence" for "Sixpence": the same letters
        } else if (joinedAlike(asked.joined().full(), item.joined().base())) {
            whole = Math.max(whole, 1 - (item.versions().isEmpty() ? 0 : OTHER_VERSION));
        }
        if (wanted.isEmpty() || plain.isEmpty()) {
            double base =
                    similarity.of(asked.full(), item.base()) - (item.versions().isEmpty() ? 0 : OTHER_VERSION);
            return Math.max(whole, base);
        }
        double base = similarity.of(plain, item.base());
        return item.versions().containsAll(wanted) ? Math.max(whole, base) : Math.max(whole, base - MISSING_VERSION);
    }
}
