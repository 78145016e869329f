package io.musicassistant.alexa.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole matcher: what it finds, what it refuses, and the threshold between. */
class NameMatcherTest {

    private static final NameMatcher EN = NameMatcher.forLocale("en-US");

    private static List<Candidate> names(String... names) {
        return java.util.Arrays.stream(names).map(Candidate::of).toList();
    }

    @Test
    void creepIsNotInertiaCreeps() {
        assertEquals(Optional.empty(), EN.best("creep", null, names("Inertia Creeps", "Paranoid Android")));
        assertTrue(EN.confidence("creep", "Inertia Creeps") < NameMatcher.THRESHOLD);
    }

    @Test
    void aPlainNamePrefersThePlainVersionAndASpokenVersionThatVersion() {
        List<Candidate> tracks = names("Creep (Acoustic)", "Creep", "Creep - Live");
        assertEquals(1, EN.best("creep", null, tracks).orElseThrow().index());
        assertEquals(0, EN.best("creep acoustic", null, tracks).orElseThrow().index());
        assertEquals(2, EN.best("creep live", null, tracks).orElseThrow().index());
        // with only the live version, a plain request still finds it
        assertEquals(
                0,
                EN.best("karma police", null, names("Karma Police (Live)"))
                        .orElseThrow()
                        .index());
    }

    @Test
    void theArtistMustAgree() {
        List<Candidate> tracks = List.of(
                new Candidate("Hurt", List.of("Nine Inch Nails")), new Candidate("Hurt", List.of("Johnny Cash")));
        assertEquals(1, EN.best("hurt", "johnny cash", tracks).orElseThrow().index());
        assertEquals(Optional.empty(), EN.best("hurt", "christina aguilera", tracks));
    }

    @ParameterizedTest
    @CsvSource({
        "en, radio two, Radio 2",
        "en, twenty one pilots, Twenty One Pilots",
        "en, 21 pilots, Twenty One Pilots",
        "en, nineteen eighty four, 1984",
        "en, ac dc, AC/DC",
        "en, a c d c, AC/DC",
        "en, rem, R.E.M.",
        "en, r e m, R.E.M.",
        "en, beyonce, Beyoncé",
        "en, radio head, Radiohead",
        "en, radiohed, Radiohead",
        "en, lord, Lorde",
        "en, saint vincent, St. Vincent",
        "en, mikis theodorakis, Μίκης Θεοδωράκης",
        "de, neunzehnhundertvierundachtzig, 1984",
        "de, ich und ich, Ich + Ich",
        "de, depesch mode, Depeche Mode",
        "fr, dix-neuf cent quatre-vingt-quatre, 1984",
        "fr, mille neuf cent quatre-vingt-quatre, 1984",
        "es, mil novecientos ochenta y cuatro, 1984",
        "es, que buena, Ke Buena",
        "it, karma police dal vivo, Karma Police (Live)",
        "pt, mil novecentos e oitenta e quatro, 1984",
        "ja, レモン, Lemon",
        "ja, ファーストラブ, First Love",
        "de, swr eins, SWR1 Baden-Württemberg",
        "en, living room, Living Room Sonos"
    })
    void finds(String language, String spoken, String name) {
        double c = NameMatcher.forLocale(language).confidence(spoken, name);
        assertTrue(c >= NameMatcher.THRESHOLD, spoken + " → " + name + ": " + c);
    }

    @ParameterizedTest
    @CsvSource({
        "en, creep, Creeps",
        "en, creep, crop",
        "en, paranoid, Paranoid Android",
        "en, prince buster, Prince",
        "en, kings of convenience, Kings of Leon",
        "en, pink floyd, P!nk",
        "en, radio three, Radio 2",
        "en, nineteen eighty five, 1984",
        "en, the killers, The Kills",
        "de, swr vier, SWR3",
        "ja, セカンドラブ, First Love",
        "ja, レモネード, Lemon"
    })
    void refusesNearMisses(String language, String spoken, String name) {
        double c = NameMatcher.forLocale(language).confidence(spoken, name);
        assertTrue(c < NameMatcher.THRESHOLD, spoken + " → " + name + ": " + c);
    }

    @Test
    void unknownLocalesAreEnglish() {
        assertEquals("en", NameMatcher.forLocale("xx-YY").language());
        assertEquals("en", NameMatcher.forLocale(null).language());
        assertEquals("de", NameMatcher.forLocale("de-DE").language());
    }

    @Test
    void aTieGoesToTheEarlierCandidate() {
        assertEquals(
                0,
                EN.best("yesterday", null, names("Yesterday", "Yesterday"))
                        .orElseThrow()
                        .index());
    }

    @Test
    void roomWordsComeFromTheLanguage() {
        assertTrue(NameMatcher.forLocale("de-DE").roomWords().contains("im"));
        assertTrue(NameMatcher.forLocale("fr-FR").roomWords().contains("dans"));
        assertTrue(NameMatcher.forLocale("en-GB").roomWords().contains("the"));
    }

    /** The same letters heard with other word breaks, before number words and articles are read. */
    @ParameterizedTest
    @CsvSource({
        "en, one republic, OneRepublic",
        "en, six pence none the richer, Sixpence None the Richer",
        "de, radio eins, radioeins",
        "it, the giornalisti, Thegiornalisti",
        "de, zweiraumwohnung, 2raumwohnung",
        "de, dreiländereck, 3ländereck"
    })
    void wordBreaksDoNotCountBeforeNumbersAndArticlesAreRead(String language, String spoken, String name) {
        assertEquals(1.0, NameMatcher.forLocale(language).confidence(spoken, name), 1e-9);
    }

    /** Two words heard for one word of the name ("band news" for "BandNews FM"), or one for two. */
    @ParameterizedTest
    @CsvSource({
        "pt, band news, BandNews FM",
        "en, kiss fm, KISSFM UK",
        "de, kinder zimmer, Kinderzimmer Lea",
        "en, bandnews, Band News FM"
    })
    void twoWordsHeardForOneStillMatch(String language, String spoken, String name) {
        assertTrue(NameMatcher.forLocale(language).confidence(spoken, name) >= NameMatcher.THRESHOLD);
    }

    @Test
    void twoWordsHeardForOneAndAWordTooManyDoNot() {
        assertTrue(EN.confidence("im wohn zimmer", "Wohnzimmer") < NameMatcher.THRESHOLD);
    }

    /** A frequency said without its decimal point ("rtl 102 5"), read as one number, is the name's "102.5". */
    @ParameterizedTest
    @CsvSource({
        "it, rtl 102 5, RTL 102.5",
        "es, la mega noventa y siete nueve, La Mega 97.9",
        "en, hot ninety seven one, Hot 97.1",
        "fr, quatre vingt dix huit cinq montréal, 98.5 Montréal"
    })
    void aFrequencyMayBeSaidWithoutItsPoint(String language, String spoken, String name) {
        assertEquals(1.0, NameMatcher.forLocale(language).confidence(spoken, name), 1e-9);
    }

    @Test
    void aFrequencySaidWithoutItsPointIsStillOnlyThatFrequency() {
        assertTrue(EN.confidence("hot ninety seven one", "Hot 97.7") < NameMatcher.THRESHOLD);
    }

    @Test
    void aRomanNumeralIsItsNumberSaid() {
        assertEquals(1.0, EN.confidence("led zeppelin four", "Led Zeppelin IV"), 1e-9);
        assertEquals(1.0, EN.confidence("rocky two", "Rocky II"), 1e-9);
        assertTrue(EN.confidence("led zeppelin two", "Led Zeppelin IV") < NameMatcher.THRESHOLD);
    }

    @Test
    void aLeadingBracketMayGoUnsaid() {
        assertTrue(EN.confidence("the reaper", "(Don't Fear) The Reaper") >= NameMatcher.THRESHOLD);
        assertTrue(
                EN.confidence("i do it for you", "(Everything I Do) I Do It for You (Live)") >= NameMatcher.THRESHOLD);
        assertEquals(1.0, EN.confidence("don't fear the reaper", "(Don't Fear) The Reaper"), 1e-9);
        assertTrue(EN.confidence("the reaper", "(Don't Fear) The Reaper Returns") < NameMatcher.THRESHOLD);
    }

    @Test
    void theArtistMayBeSaidByPartOfItsNameWhenTheTitleIsFound() {
        List<Candidate> tracks = List.of(
                new Candidate("Hurt", List.of("Nine Inch Nails")), new Candidate("Hurt", List.of("Johnny Cash")));
        assertEquals(1, EN.best("hurt", "johnny", tracks).orElseThrow().index());
        NameMatcher fr = NameMatcher.forLocale("fr-FR");
        assertTrue(fr.confidence("chanteur", "balavoine", new Candidate("Le chanteur", List.of("Daniel Balavoine")))
                >= NameMatcher.THRESHOLD);
        // not with a shortened title too, nor with a word that is not in the name
        NameMatcher de = NameMatcher.forLocale("de-DE");
        assertTrue(
                de.confidence("atemlos", "fischer", new Candidate("Atemlos durch die Nacht", List.of("Helene Fischer")))
                        < NameMatcher.THRESHOLD);
        assertEquals(Optional.empty(), EN.best("hurt", "christina", tracks));
    }
}
