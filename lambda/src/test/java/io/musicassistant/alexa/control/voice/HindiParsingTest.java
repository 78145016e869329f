package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hindi (hi-IN): Hindi words in Devanagari, English ones in Latin, as Amazon writes Hindi requests. */
class HindiParsingTest {

    private static final Messages HI = Messages.forLocale("hi-IN");

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            album ok computer by radiohead     | ALBUM    | ok computer       | radiohead
            एल्बम रंग दे बसंती                  | ALBUM    | रंग दे बसंती       | -
            गाना tum hi ho by arijit singh     | TRACK    | tum hi ho         | arijit singh
            गाना तुम ही हो                      | TRACK    | तुम ही हो          | -
            song kesariya                      | TRACK    | kesariya          | -
            मेरी playlist road trip             | PLAYLIST | road trip         | -
            playlist workout                   | PLAYLIST | workout           | -
            artist shreya ghoshal              | ARTIST   | shreya ghoshal    | -
            singer sonu nigam                  | ARTIST   | sonu nigam        | -
            radio station radio mirchi         | RADIO    | radio mirchi      | -
            genre sufi                         | GENRE    | sufi              | -
            कुछ गाने                            | LIBRARY  | -                 | -
            मेरे गाने                           | LIBRARY  | -                 | -
            Music                              | LIBRARY  | -                 | -
            arijit singh                       | ANY      | arijit singh      | -
            radio mirchi                       | ANY      | radio mirchi      | -
            गानाtum hi ho                      | ANY      | गानाtum hi ho     | -
            """)
    void queriesAreParsedByTheirLeadingWords(String spoken, ContentKind kind, String name, String artist) {
        ContentQuery q = QueryParser.parse(spoken, HI).orElseThrow();
        assertEquals(kind, q.kind(), spoken);
        assertEquals(name, q.name(), spoken);
        assertEquals(artist, q.artist(), spoken);
    }

    @Test
    void answersAreHindi() {
        assertEquals("hi", HI.language());
        assertEquals(
                "kitchen में arijit singh का kesariya बजा रही हूँ.",
                HI.say("play.track.artist", "name", "kesariya", "artist", "arijit singh", "room", "kitchen"));
        assertEquals("3 मार्च 2026", HI.date(Instant.parse("2026-03-03T12:00:00Z")));
        assertEquals("kitchen, bedroom और hall", HI.and(List.of("kitchen", "bedroom", "hall")));
        assertEquals("kitchen या hall", HI.or(List.of("kitchen", "hall")));
    }
}
