package io.musicassistant.alexa.connector.content;

import io.musicassistant.alexa.names.Candidate;
import io.musicassistant.alexa.names.NameMatcher;
import io.musicassistant.alexa.names.SpokenName;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.Names;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How well a Music Assistant item matches a query (0–1). Content ids (exact queries) carry normalised
 * keys and must match exactly; spoken queries are scored by the project's one {@link NameMatcher} in
 * the language the user spoke (numbers, "and", articles, accents, versions, sounds), and below its
 * threshold an item is not a match.
 */
final class Matching {

    private static final Pattern AND_WORD = Pattern.compile("(?iU)\\band\\b");

    private Matching() {}

    /**
     * What to search for when Music Assistant finds nothing for {@code text}, in order. MA searches
     * names with "&" and "+" dropped ("Simon & Garfunkel" is "simongarfunkel"), so the "and" a user
     * says (or a content id's key carries) finds nothing: the text without it. And MA compares
     * letters, so "radio two" never finds "Radio 2": for a spoken query, the text as the matcher
     * reads it (numbers as digits, no leading article, other scripts in Latin letters).
     */
    static List<String> otherSearches(ContentQuery query, String text) {
        Set<String> others = new LinkedHashSet<>();
        others.add(
                AND_WORD.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip());
        if (!query.exact()) {
            SpokenName read = NameMatcher.forLocale(query.language()).normalise(text);
            others.add(String.join(
                    " ", read.full().stream().filter(w -> !w.equals("&")).toList()));
        }
        others.remove(text);
        others.remove("");
        return List.copyOf(others);
    }

    static double score(ContentQuery query, String name, List<String> artists) {
        return query.exact() ? exact(query, name, artists) : spoken(query, name, artists);
    }

    /** The score a query's item needs: equal keys for an exact query, the matcher's threshold for a spoken one. */
    static double threshold(ContentQuery query) {
        return query.exact() ? 1 : NameMatcher.THRESHOLD;
    }

    private static double exact(ContentQuery query, String name, List<String> artists) {
        if (!Names.matchesKey(Names.key(name), query.name())) {
            return 0;
        }
        if (query.artist() != null && artists.stream().noneMatch(a -> Names.matchesKey(Names.key(a), query.artist()))) {
            return 0;
        }
        return 1;
    }

    private static double spoken(ContentQuery query, String name, List<String> artists) {
        return NameMatcher.forLocale(query.language())
                .confidence(query.name(), query.artist(), new Candidate(name, artists));
    }
}
