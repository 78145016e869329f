package io.musicassistant.alexa.connector.content;

import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.Names;
import java.util.List;

/**
 * How well a Music Assistant item matches a query. Content ids (exact queries) carry normalised
 * keys and must match exactly; spoken queries are matched forgivingly: case, accents, articles,
 * bracketed remarks and word breaks ("radio head") do not matter.
 */
final class Matching {

    /** The score an exact query needs: name (and artist, when given) equal. */
    static final int EXACT = 1000;

    private Matching() {}

    static int score(ContentQuery query, String name, List<String> artists) {
        return query.exact() ? exact(query, name, artists) : spoken(query, name, artists);
    }

    private static int exact(ContentQuery query, String name, List<String> artists) {
        if (!Names.matchesKey(Names.key(name), query.name())) {
            return 0;
        }
        if (query.artist() != null && artists.stream().noneMatch(a -> Names.matchesKey(Names.key(a), query.artist()))) {
            return 0;
        }
        return EXACT;
    }

    private static int spoken(ContentQuery query, String name, List<String> artists) {
        String item = compact(Names.matchKey(name));
        String asked = compact(Names.matchKey(query.name()));
        if (item.isEmpty() || asked.isEmpty()) {
            return 0;
        }
        int score;
        if (item.equals(asked)) {
            score = 100;
        } else if (item.startsWith(asked) || asked.startsWith(item)) {
            score = 60;
        } else if (item.contains(asked) || asked.contains(item)) {
            score = 40;
        } else {
            score = 10;
        }
        if (query.artist() != null) {
            String wanted = compact(Names.matchKey(query.artist()));
            boolean same =
                    artists.stream().anyMatch(a -> compact(Names.matchKey(a)).equals(wanted));
            boolean close =
                    artists.stream().anyMatch(a -> compact(Names.matchKey(a)).contains(wanted));
            score += same ? 50 : close ? 20 : -30;
        }
        return score;
    }

    private static String compact(String key) {
        return key.replace("-", "");
    }
}
