package io.musicassistant.alexa.control.voice;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a user asked to play into a content query. A leading word names the kind ("the album
 * OK Computer", "das Lied Yesterday"); "X by Y" ("X von Y") then splits off the artist for a track
 * or an album. Without a kind word the whole phrase goes to the connector as {@link ContentKind#ANY},
 * which picks the best match of any kind, so "Stand by Me" is not read as a song by "me".
 */
public final class QueryParser {

    /** What the connector queues for kinds that name many tracks; Music Assistant expands the rest. */
    static final int MANY_TRACKS = 200;

    static final int ALBUM_TRACKS = 100;

    private record Prefix(Pattern pattern, ContentKind kind) {}

    private static final List<Prefix> PREFIXES = List.of(
            prefix("(?:the |an? )?(?:album|record) ", ContentKind.ALBUM),
            prefix("(?:das |ein |dem )?album ", ContentKind.ALBUM),
            prefix("(?:die |der )?platte ", ContentKind.ALBUM),
            prefix("(?:the |my |a |die |meine |eine )?(?:playlist|play list) ", ContentKind.PLAYLIST),
            prefix("(?:die |meine )?wiedergabeliste ", ContentKind.PLAYLIST),
            prefix("(?:the |a )?(?:song|track|tune) ", ContentKind.TRACK),
            prefix("(?:das |ein )?lied ", ContentKind.TRACK),
            prefix("(?:den |der |einen )?(?:song|titel|track) ", ContentKind.TRACK),
            prefix("(?:the )?(?:artist|band|singer) ", ContentKind.ARTIST),
            prefix("(?:music|songs|something|anything|tracks) by ", ContentKind.ARTIST),
            prefix(
                    "(?:den |die |der )?(?:künstler|kuenstler|künstlerin|interpreten|interpretin|interpret|band|sänger|sängerin) ",
                    ContentKind.ARTIST),
            prefix("(?:musik|lieder|songs|etwas|was|titel) von ", ContentKind.ARTIST),
            prefix("(?:the )?(?:radio station|station) ", ContentKind.RADIO),
            prefix("(?:den )?(?:radiosender|sender) ", ContentKind.RADIO),
            prefix("(?:the |some )?genre ", ContentKind.GENRE),
            prefix("(?:das |dem )?genre ", ContentKind.GENRE));

    private static Prefix prefix(String regex, ContentKind kind) {
        return new Prefix(
                Pattern.compile("^" + regex + "(.+)$", Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE), kind);
    }

    /** Phrases that mean "anything from my library". */
    private static final Set<String> LIBRARY = Set.of(
            "music",
            "some music",
            "my music",
            "my library",
            "my songs",
            "my collection",
            "all my music",
            "anything",
            "something",
            "songs",
            "some songs",
            "random music",
            "shuffle music",
            "musik",
            "etwas musik",
            "meine musik",
            "meine bibliothek",
            "meine songs",
            "meine lieder",
            "irgendwas",
            "irgendwelche musik",
            "irgendeine musik",
            "alle meine musik",
            "lieder");

    private static final Pattern BY =
            Pattern.compile("^(.+?) (?:by|von) (.+)$", Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");

    private QueryParser() {}

    /** The query {@code spoken} asks for, or empty when it names nothing (blank, or only a kind word). */
    public static Optional<ContentQuery> parse(String spoken) {
        if (spoken == null) {
            return Optional.empty();
        }
        String text =
                EDGE_PUNCTUATION.matcher(SPACE.matcher(spoken).replaceAll(" ")).replaceAll("");
        if (text.isEmpty() || text.length() > ContentQuery.MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        if (LIBRARY.contains(text.toLowerCase(Locale.ROOT))) {
            return Optional.of(query(ContentKind.LIBRARY, null, null));
        }
        for (Prefix p : PREFIXES) {
            Matcher m = p.pattern().matcher(text);
            if (m.matches()) {
                String rest = m.group(1).strip();
                if (p.kind() == ContentKind.TRACK || p.kind() == ContentKind.ALBUM) {
                    Matcher by = BY.matcher(rest);
                    if (by.matches()) {
                        return Optional.of(
                                query(p.kind(), by.group(1).strip(), by.group(2).strip()));
                    }
                }
                return Optional.of(query(p.kind(), rest, null));
            }
        }
        return Optional.of(query(ContentKind.ANY, text, null));
    }

    private static final Map<ContentKind, Integer> TRACKS = Map.of(
            ContentKind.TRACK, 1,
            ContentKind.RADIO, 1,
            ContentKind.ALBUM, ALBUM_TRACKS);

    private static ContentQuery query(ContentKind kind, String name, String artist) {
        return new ContentQuery(kind, name, artist, false, TRACKS.getOrDefault(kind, MANY_TRACKS), true);
    }
}
