package io.musicassistant.alexa.control.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure parts: what a spoken query asks for, which player a spoken room means, how sentences are built. */
class VoiceParsingTest {

    private static final Messages EN = Messages.english();

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            en | the album ok computer by radiohead   | ALBUM    | ok computer        | radiohead
            en | album abbey road                     | ALBUM    | abbey road         | -
            en | the playlist chill vibes             | PLAYLIST | chill vibes        | -
            en | my playlist road trip                | PLAYLIST | road trip          | -
            en | the song yesterday by the beatles    | TRACK    | yesterday          | the beatles
            en | track hey jude                       | TRACK    | hey jude           | -
            en | the artist adele                     | ARTIST   | adele              | -
            en | songs by fleetwood mac               | ARTIST   | fleetwood mac      | -
            en | the radio station jazz fm            | RADIO    | jazz fm            | -
            en | station bbc radio one                | RADIO    | bbc radio one      | -
            en | the genre jazz                       | GENRE    | jazz               | -
            en | music                                | LIBRARY  | -                  | -
            en | some music                           | LIBRARY  | -                  | -
            en | My Music                             | LIBRARY  | -                  | -
            en | radiohead                            | ANY      | radiohead          | -
            en | stand by me                          | ANY      | stand by me        | -
            en | radio paradise                       | ANY      | radio paradise     | -
            de | das album mensch von herbert grönemeyer | ALBUM | mensch             | herbert grönemeyer
            de | die playlist sommer                  | PLAYLIST | sommer             | -
            de | das lied atemlos von helene fischer  | TRACK    | atemlos            | helene fischer
            de | den song männer                      | TRACK    | männer             | -
            de | den künstler nena                    | ARTIST   | nena               | -
            de | musik von bach                       | ARTIST   | bach               | -
            de | den sender radio bob                 | RADIO    | radio bob          | -
            de | das genre klassik                    | GENRE    | klassik            | -
            de | meine musik                          | LIBRARY  | -                  | -
            de | etwas musik                          | LIBRARY  | -                  | -
            de | die toten hosen                      | ANY      | die toten hosen    | -
            """)
    void queriesAreParsedByTheirLeadingWords(
            String language, String spoken, ContentKind kind, String name, String artist) {
        ContentQuery q = QueryParser.parse(spoken, Messages.forLocale(language)).orElseThrow();
        assertEquals(kind, q.kind(), spoken);
        assertEquals(name, q.name(), spoken);
        assertEquals(artist, q.artist(), spoken);
        assertTrue(q.maxTracks() >= 1 && q.maxTracks() <= ContentQuery.MAX_TRACKS_LIMIT);
        assertTrue(!q.exact() && q.explicitAllowed(), "spoken text, matched forgivingly");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            en | the song stand by me by ben e king | stand/me by ben e king ; stand by me/ben e king ; stand by me by ben e king/-
            es | la canción la flor de la canela de chabuca granda | la flor/la canela de chabuca granda ; la flor de la canela/chabuca granda ; la flor de la canela de chabuca granda/-
            fr | l'album histoire de melody nelson | histoire/melody nelson ; histoire de melody nelson/-
            en | the album ok computer | ok computer/-
            """)
    void aTitleOrArtistHoldingTheWordByIsReadEveryWay(String language, String spoken, String expected) {
        List<String> readings = QueryParser.readings(spoken, Messages.forLocale(language)).stream()
                .map(q -> q.name() + "/" + (q.artist() == null ? "-" : q.artist()))
                .toList();
        assertEquals(List.of(expected.split(" ; ")), readings, spoken);
    }

    @Test
    void kindWordsAreTheLanguagesOwn() {
        assertEquals(
                ContentKind.ANY,
                QueryParser.parse("the album ok computer", Messages.forLocale("de-DE"))
                        .orElseThrow()
                        .kind());
        assertEquals(
                ContentKind.ANY,
                QueryParser.parse("das album mensch", EN).orElseThrow().kind());
    }

    @Test
    void aLanguageWithoutItsOwnMessagesSpeaksEnglish() {
        assertEquals("de", Messages.forLocale("de-AT").language());
        assertEquals("en", Messages.forLocale("xx-XX").language());
        assertEquals("en", Messages.forLocale(null).language());
        assertEquals("en", Messages.forLocale("../x").language());
        assertEquals(
                List.of("aus", "nichts", "keine", "deaktiviert"),
                Messages.forLocale("de-DE").words("repeat.words.off"));
    }

    @Test
    void manyTrackKindsQueueTwoHundred() {
        for (String s : List.of("radiohead", "the artist radiohead", "the genre jazz", "music", "the playlist x")) {
            assertEquals(200, QueryParser.parse(s, EN).orElseThrow().maxTracks(), s);
        }
        assertEquals(1, QueryParser.parse("the song x", EN).orElseThrow().maxTracks());
    }

    @Test
    void emptyOrOversizedQueriesAreNothing() {
        assertEquals(Optional.empty(), QueryParser.parse(null, EN));
        assertEquals(Optional.empty(), QueryParser.parse("   ", EN));
        assertEquals(Optional.empty(), QueryParser.parse("...", EN));
        assertEquals(Optional.empty(), QueryParser.parse("x".repeat(ContentQuery.MAX_TEXT_LENGTH + 1), EN));
        assertEquals(
                "ok computer",
                QueryParser.parse("the album   ok computer.", EN).orElseThrow().name());
    }

    static PlayerInfo p(String id, String name) {
        return VoiceHome.player(id, name, PlayerInfo.IDLE);
    }

    static final List<PlayerInfo> HOUSE = List.of(
            p("k", "Küche"),
            p("w", "Wohnzimmer"),
            p("lr", "Living Room"),
            p("ks", "Kitchen Speaker"),
            p("b", "Bedroom"),
            p("o", "Office Room"),
            p("den", "The Den"),
            p("bad", "Bad"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            küche               | k   | de-DE
            KUCHE               | k   | de-DE
            in der küche        | k   | de-DE
            wohnzimmer          | w   | de-DE
            im wohn zimmer      | w   | de-DE
            wohn                | w   | de-DE
            living room         | lr  | en-US
            the living room     | lr  | en-US
            livingroom          | lr  | en-US
            living              | lr  | en-US
            kitchen             | ks  | en-US
            the kitchen speaker | ks  | en-GB
            bedroom             | b   | en-US
            bed room            | b   | en-US
            bedrom              | b   | en-US
            bedroum             | b   | en-US
            office              | o   | en-US
            the office          | o   | en-US
            den                 | den | en-US
            the den             | den | en-US
            bad                 | bad | de-DE
            küche               | k   | en-US
            """)
    void roomsMatchForgivingly(String spoken, String id, String locale) {
        RoomMatch m = RoomResolver.match(HOUSE, spoken, null, locale);
        assertEquals(
                id, assertInstanceOf(RoomMatch.Found.class, m, spoken).player().playerId(), spoken);
    }

    @Test
    void unknownAndAmbiguousRooms() {
        assertInstanceOf(RoomMatch.Unknown.class, RoomResolver.match(HOUSE, "garage", null));
        // the language decides which leading words are dropped: English "im" is no article
        assertInstanceOf(RoomMatch.Unknown.class, RoomResolver.match(HOUSE, "im wohn zimmer", null, "en-US"));
        assertInstanceOf(
                RoomMatch.Found.class,
                RoomResolver.match(List.of(p("c", "Cuisine"), p("s", "Salon")), "dans la cuisine", null, "fr-FR"));
        assertInstanceOf(
                RoomMatch.Unknown.class, RoomResolver.match(HOUSE, "be", null), "short names must match exactly");
        List<PlayerInfo> two = List.of(p("a", "Kitchen Speaker"), p("b", "Kitchen Display"), p("c", "Kitchen"));
        assertEquals(
                "c",
                assertInstanceOf(RoomMatch.Found.class, RoomResolver.match(two, "kitchen", null))
                        .player()
                        .playerId(),
                "an exact name beats names that contain it");
        RoomMatch tie = RoomResolver.match(two.subList(0, 2), "kitchen", null);
        assertEquals(
                2, assertInstanceOf(RoomMatch.Ambiguous.class, tie).candidates().size());
        assertEquals(
                "lr",
                assertInstanceOf(RoomMatch.Found.class, RoomResolver.match(HOUSE, "lounge", "living room"))
                        .player()
                        .playerId(),
                "the static resolution's canonical name helps where the words do not");
    }

    @Test
    void sentencesFillPlaceholdersListAndEscape() {
        Messages en = Messages.forLocale("en-US");
        assertEquals("Paused the Den.", en.say("pause.done", "room", "Den"));
        assertEquals("Paused The Den.", en.say("pause.done", "room", "The Den"), "no \"the The\"");
        assertEquals("A, B and C", en.and(List.of("A", "B", "C")));
        assertEquals("A or B", en.or(List.of("A", "B")));
        List<String> many = IntStream.range(0, 30).mapToObj(i -> "R" + i).toList();
        assertTrue(en.and(many).endsWith(" and 19 more"), en.and(many));
        assertEquals("Pausiert im Raum Küche.", Messages.forLocale("de-DE").say("pause.done", "room", "Küche"));
        assertEquals(Messages.english(), Messages.forLocale("xx"));
        assertEquals(Messages.english(), Messages.forLocale(null));
        assertEquals(80, Messages.cut("y".repeat(500)).length());
        assertEquals(
                "Tom &amp; Jerry &lt;b&gt; &quot;x&quot; it&apos;s", Replies.ssml("Tom & Jerry <b> \"x\" it's\u0007"));
    }

    @Test
    void everyEnglishMessageHasAGermanOne() {
        var en = ResourceBundle.getBundle("io.musicassistant.alexa.control.voice.Messages", Locale.ROOT);
        Messages de = Messages.forLocale("de-DE");
        for (String key : en.keySet()) {
            if (en.getString(key).codePoints().noneMatch(Character::isLetter)) {
                continue; // punctuation such as the list separator is the same in both
            }
            // The German bundle falls back to the English one for a missing key, so a missing key shows as equal text.
            assertNotEquals(en.getString(key), de.say(key), "untranslated: " + key);
        }
    }
}
