package io.musicassistant.alexa.control.voice;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what a user asked to play into a content query. Leading words name the kind ("the album
 * OK Computer", "das Lied Yesterday"); "X by Y" ("X von Y") then splits off the artist for a track
 * or an album. Without a kind word the whole phrase goes to the connector as {@link ContentKind#ANY},
 * which picks the best match of any kind, so "Stand by Me" is not read as a song by "me". The words
 * are the language's own, from its messages ({@code query.*} keys), so a French "l'album" is a kind
 * word only in French.
 */
public final class QueryParser {

    /** What the connector queues for kinds that name many tracks; Music Assistant expands the rest. */
    static final int MANY_TRACKS = 200;

    static final int ALBUM_TRACKS = 100;

    private static final Map<String, ContentKind> LEADING_KEYS = Map.of(
            "query.album", ContentKind.ALBUM,
            "query.playlist", ContentKind.PLAYLIST,
            "query.track", ContentKind.TRACK,
            "query.artist", ContentKind.ARTIST,
            "query.radio", ContentKind.RADIO,
            "query.genre", ContentKind.GENRE);

    /**
     * A kind word, and whether it ends in a script written without spaces (Japanese "アルバムの"
     * runs straight into the name: "アルバムのokコンピューター"), so no space need follow it.
     */
    private record Lead(String words, ContentKind kind, boolean unspaced) {
        Lead(String words, ContentKind kind) {
            this(
                    words,
                    kind,
                    UNSPACED_SCRIPTS.contains(Character.UnicodeScript.of(words.codePointBefore(words.length()))));
        }
    }

    private static final Set<Character.UnicodeScript> UNSPACED_SCRIPTS =
            Set.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA);

    /** One language's words: kind words longest first, so "music by" wins over "music". */
    private record Vocabulary(List<Lead> leads, Pattern by, Set<String> library) {}

    private static final Map<String, Vocabulary> VOCABULARIES = new ConcurrentHashMap<>();

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");

    private QueryParser() {}

    /** The query {@code spoken} asks for, or empty when it names nothing (blank, or only a kind word). */
    public static Optional<ContentQuery> parse(String spoken, Messages messages) {
        return readings(spoken, messages).stream().findFirst();
    }

    /**
     * Every way {@code spoken} can be read, the likeliest first. A title or an artist may hold the
     * word that splits them ("Stand by Me by Ben E. King", "Histoire de Melody Nelson", "Paco de
     * Lucía"), so after the split at the first "by" come the split at the last one and the whole
     * phrase as a title; the caller tries the next reading when one finds nothing. Empty when it
     * names nothing.
     */
    public static List<ContentQuery> readings(String spoken, Messages messages) {
        if (spoken == null) {
            return List.of();
        }
        String text =
                EDGE_PUNCTUATION.matcher(SPACE.matcher(spoken).replaceAll(" ")).replaceAll("");
        if (text.isEmpty() || text.length() > ContentQuery.MAX_TEXT_LENGTH) {
            return List.of();
        }
        Vocabulary vocabulary = VOCABULARIES.computeIfAbsent(messages.language(), l -> vocabulary(messages));
        if (vocabulary.library().contains(text.toLowerCase(Locale.ROOT))) {
            return List.of(query(ContentKind.LIBRARY, null, null));
        }
        for (Lead lead : vocabulary.leads()) {
            int n = lead.words().length();
            if (text.length() > n
                    && text.regionMatches(true, 0, lead.words(), 0, n)
                    && (text.charAt(n) == ' ' || lead.unspaced())
                    && !text.substring(n).isBlank()) {
                String rest = text.substring(n).strip();
                if (lead.kind() == ContentKind.TRACK || lead.kind() == ContentKind.ALBUM) {
                    return splits(lead.kind(), rest, vocabulary.by());
                }
                return List.of(query(lead.kind(), rest, null));
            }
        }
        return List.of(query(ContentKind.ANY, text, null));
    }

    /** At the first "by", at the last, then the whole: at most three readings, none twice. */
    private static List<ContentQuery> splits(ContentKind kind, String rest, Pattern by) {
        List<MatchResult> words = by.matcher(rest).results().toList();
        LinkedHashSet<ContentQuery> readings = new LinkedHashSet<>();
        for (MatchResult w : words.isEmpty() ? List.<MatchResult>of() : List.of(words.getFirst(), words.getLast())) {
            String name = rest.substring(0, w.start()).strip();
            String artist = rest.substring(w.end()).strip();
            if (!name.isEmpty() && !artist.isEmpty()) {
                readings.add(query(kind, name, artist));
            }
        }
        readings.add(query(kind, rest, null));
        return List.copyOf(readings);
    }

    private static Vocabulary vocabulary(Messages messages) {
        List<Lead> leads = new ArrayList<>();
        LEADING_KEYS.forEach((key, kind) -> messages.words(key).forEach(w -> leads.add(new Lead(w, kind))));
        leads.sort(Comparator.comparingInt((Lead l) -> l.words().length())
                .reversed()
                .thenComparing(Lead::words));
        String byWords = messages.words("query.by").stream().map(Pattern::quote).collect(Collectors.joining("|"));
        Pattern by = Pattern.compile(" (?:" + byWords + ") ", Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
        return new Vocabulary(List.copyOf(leads), by, Set.copyOf(messages.words("query.library")));
    }

    private static final Map<ContentKind, Integer> TRACKS = Map.of(
            ContentKind.TRACK, 1,
            ContentKind.RADIO, 1,
            ContentKind.ALBUM, ALBUM_TRACKS);

    private static ContentQuery query(ContentKind kind, String name, String artist) {
        return new ContentQuery(kind, name, artist, false, TRACKS.getOrDefault(kind, MANY_TRACKS), true);
    }
}
