package io.musicassistant.alexa.connector.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingTest {

    static ContentQuery spoken(ContentKind kind, String name, String artist) {
        return new ContentQuery(kind, name, artist, false, 10, true);
    }

    @Test
    void spokenNamesMatchForgivingly() {
        assertEquals(100, Matching.score(spoken(ContentKind.ARTIST, "radio head", null), "Radiohead", List.of()));
        assertEquals(100, Matching.score(spoken(ContentKind.ARTIST, "beatles", null), "The Beatles", List.of()));
        assertEquals(100, Matching.score(spoken(ContentKind.ARTIST, "sigur ros", null), "Sigur Rós", List.of()));
        assertTrue(Matching.score(spoken(ContentKind.TRACK, "karma police", null), "Karma Police (Live)", List.of())
                >= 60);
        assertEquals(10, Matching.score(spoken(ContentKind.ARTIST, "miles davis", null), "Daft Punk", List.of()));
    }

    @Test
    void theArtistDecidesBetweenSameNamedItems() {
        ContentQuery q = spoken(ContentKind.TRACK, "creep", "radiohead");
        int right = Matching.score(q, "Creep", List.of("Radiohead"));
        int wrong = Matching.score(q, "Creep", List.of("TLC"));
        assertTrue(right > wrong + 50);
    }

    @Test
    void exactQueriesNeedEqualKeys() {
        ContentQuery q = new ContentQuery(ContentKind.ALBUM, "ok-computer", "radiohead", true, 10, true);
        assertEquals(Matching.EXACT, Matching.score(q, "OK Computer", List.of("Radiohead")));
        assertEquals(0, Matching.score(q, "OK Computer OKNOTOK", List.of("Radiohead")));
        assertEquals(0, Matching.score(q, "OK Computer", List.of("Someone Else")));
    }
}
