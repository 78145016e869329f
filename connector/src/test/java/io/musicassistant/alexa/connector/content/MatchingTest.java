package io.musicassistant.alexa.connector.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.names.NameMatcher;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingTest {

    static ContentQuery spoken(ContentKind kind, String name, String artist) {
        return new ContentQuery(kind, name, artist, false, 10, true);
    }

    private static boolean matches(ContentQuery q, String name, List<String> artists) {
        return Matching.score(q, name, artists) >= Matching.threshold(q);
    }

    @Test
    void spokenNamesMatchForgivingly() {
        assertTrue(matches(spoken(ContentKind.ARTIST, "radio head", null), "Radiohead", List.of()));
        assertTrue(matches(spoken(ContentKind.ARTIST, "beatles", null), "The Beatles", List.of()));
        assertTrue(matches(spoken(ContentKind.ARTIST, "sigur ros", null), "Sigur Rós", List.of()));
        assertTrue(matches(spoken(ContentKind.RADIO, "radio two", null), "Radio 2", List.of()));
        assertTrue(matches(spoken(ContentKind.ARTIST, "ac dc", null), "AC/DC", List.of()));
        assertTrue(matches(spoken(ContentKind.TRACK, "karma police", null), "Karma Police (Live)", List.of()));
        assertTrue(Matching.score(spoken(ContentKind.TRACK, "karma police", null), "Karma Police", List.of())
                > Matching.score(spoken(ContentKind.TRACK, "karma police", null), "Karma Police (Live)", List.of()));
        assertTrue(Matching.score(spoken(ContentKind.ARTIST, "miles davis", null), "Daft Punk", List.of()) < 0.5);
    }

    @Test
    void aNearMissIsNoMatch() {
        // the case: "creep" when the library only has Inertia Creeps
        assertTrue(!matches(spoken(ContentKind.TRACK, "creep", null), "Inertia Creeps", List.of("Massive Attack")));
        // an earlier rule took any name containing the spoken words
        assertTrue(!matches(spoken(ContentKind.TRACK, "paranoid", null), "Paranoid Android", List.of("Radiohead")));
    }

    @Test
    void theQueryLanguageReadsTheNumbers() {
        ContentQuery german =
                spoken(ContentKind.ALBUM, "neunzehnhundertvierundachtzig", null).withLanguage("de-DE");
        assertTrue(matches(german, "1984", List.of("Van Halen")));
        // without a language the query is English, where the German number is just a word
        assertTrue(!matches(spoken(ContentKind.ALBUM, "neunzehnhundertvierundachtzig", null), "1984", List.of()));
    }

    @Test
    void theArtistMustAgree() {
        ContentQuery q = spoken(ContentKind.TRACK, "creep", "radiohead");
        assertTrue(matches(q, "Creep", List.of("Radiohead")));
        assertTrue(!matches(q, "Creep", List.of("TLC")));
    }

    @Test
    void whatToSearchForWhenMusicAssistantFindsNothing() {
        assertEquals(
                List.of("simon garfunkel"),
                Matching.otherSearches(spoken(ContentKind.ARTIST, "x", null), "simon and garfunkel"));
        assertEquals(List.of("radio 2"), Matching.otherSearches(spoken(ContentKind.RADIO, "x", null), "radio two"));
        ContentQuery german = spoken(ContentKind.ALBUM, "x", null).withLanguage("de-DE");
        assertEquals(List.of("1984"), Matching.otherSearches(german, "neunzehnhundertvierundachtzig"));
        ContentQuery exact = new ContentQuery(ContentKind.ALBUM, "radio-two", null, true, 10, true);
        assertEquals(
                List.of(), Matching.otherSearches(exact, "radio two"), "a content id's words are searched as they are");
    }

    @Test
    void exactQueriesNeedEqualKeys() {
        ContentQuery q = new ContentQuery(ContentKind.ALBUM, "ok-computer", "radiohead", true, 10, true);
        assertEquals(1, Matching.score(q, "OK Computer", List.of("Radiohead")));
        assertEquals(0, Matching.score(q, "OK Computer OKNOTOK", List.of("Radiohead")));
        assertEquals(0, Matching.score(q, "OK Computer", List.of("Someone Else")));
        assertEquals(1, Matching.threshold(q));
        assertEquals(NameMatcher.THRESHOLD, Matching.threshold(spoken(ContentKind.ALBUM, "ok computer", null)));
    }
}
