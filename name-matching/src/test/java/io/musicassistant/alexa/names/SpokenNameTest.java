package io.musicassistant.alexa.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each normalisation step: punctuation, abbreviations, letters, articles, accents, scripts, versions. */
class SpokenNameTest {

    /** {@code text}'s comparable words in {@code language}, joined by spaces. */
    static String words(String language, String text) {
        return String.join(" ", NameMatcher.forLocale(language).normalise(text).full());
    }

    private static String base(String language, String text) {
        return String.join(" ", NameMatcher.forLocale(language).normalise(text).base());
    }

    @ParameterizedTest
    @CsvSource({
        "en, AC/DC, ac dc",
        "en, a c d c, acdc",
        "en, R.E.M., rem",
        "en, r e m, rem",
        "en, St. Vincent, saint vincent",
        "en, Mr. Blue Sky, mister blue sky",
        "en, P!nk, pink",
        "en, Ke$ha, kesha",
        "en, ÷, divide",
        "en, Guns N' Roses, guns & roses",
        "en, Florence + The Machine, florence & the machine",
        "es, erre be de, rbd",
        "es, jota balvin, j balvin",
        "it, emme due o, m 2 o",
        "de, St. Pauli, sankt pauli",
        "de, SWR3, swr 3",
        "de, 1LIVE, 1 live"
    })
    void abbreviationsAndLettersAreReadAloud(String language, String name, String expected) {
        assertEquals(expected, words(language, name));
    }

    @ParameterizedTest
    @CsvSource({
        "en, The Beatles, beatles",
        "en, The The, the",
        "de, Die Toten Hosen, toten hosen",
        "de, The Beatles, beatles",
        "fr, L'Aventurier, aventurier",
        "it, I Pooh, pooh",
        "es, Los Planetas, planetas",
        "pt, Os Mutantes, mutantes"
    })
    void aLeadingArticleIsDropped(String language, String name, String expected) {
        assertEquals(expected, words(language, name));
    }

    @ParameterizedTest
    @CsvSource({
        "en, Beyoncé, beyonce",
        "en, Sigur Rós, sigur ros",
        "de, Straße, strasse",
        "en, Mötley Crüe, motley crue",
        "en, Кино, kino",
        "en, Μίκης Θεοδωράκης, mikis theodorakis",
        "ja, ヨアソビ, yoasobi",
        "ja, きゃりーぱみゅぱみゅ, kyaripamyupamyu",
        "ja, ファーストラブ, fasutorabu",
        "ja, とうきょう, tokyo",
        "hi, तुम ही हो, tum hi ho"
    })
    void accentsAndOtherScriptsBecomeLatinLetters(String language, String name, String expected) {
        assertEquals(expected, words(language, name));
    }

    @Test
    void kanjiStaysAsWritten() {
        assertEquals("米津玄師", words("ja", "米津玄師"));
    }

    @ParameterizedTest
    @CsvSource({
        "Karma Police (Live), karma police, live",
        "Sexy Sadie - Remastered 2009, sexy sadie, remaster",
        "Hey Jude - 2015 Remaster, hey jude, remaster",
        "Creep (Acoustic), creep, acoustic",
        "Stay (feat. Justin Bieber), stay, ''",
        "Sunflower - Spider-Man: Into the Spider-Verse, sunflower spider man into the spider verse, ''"
    })
    void versionRemarksAreSetApart(String name, String expectedBase, String expectedVersions) {
        SpokenName n = NameMatcher.forLocale("en").normalise(name);
        assertEquals(expectedBase, base("en", name));
        assertEquals(expectedVersions.isEmpty() ? Set.of() : Set.of(expectedVersions), n.versions());
    }

    @Test
    void aBracketThatOpensTheNameIsPartOfIt() {
        assertEquals("whats the story morning glory", base("en", "(What's the Story) Morning Glory?"));
    }

    @Test
    void aSecondTitleInBracketsIsKept() {
        assertEquals(
                "vollig losgelost",
                String.join(
                        " ",
                        NameMatcher.forLocale("de")
                                .normalise("Major Tom (Völlig losgelöst)")
                                .subtitle()));
    }

    @ParameterizedTest
    @CsvSource({
        "en, Led Zeppelin IV, led zeppelin 4",
        "en, Rocky II, rocky 2",
        "en, Louis XIV, louis 14",
        "de, Teil XX, teil 20",
        "en, Malcolm X, malcolm x",
        "en, Part I, part i",
        "en, The xx, xx",
        "es, Cuando Te Vi, cuando te vi",
        "en, IV Play, iv play"
    })
    void romanNumeralsAfterAWordAreNumbers(String language, String name, String expected) {
        assertEquals(expected, words(language, name));
    }

    @ParameterizedTest
    @CsvSource({
        "en, CHVRCHES, churches",
        "es, Café Tacvba, cafe tacuba",
        "it, BVLGARI, bulgari",
        "en, DVD, dvd",
        "en, Harvard, harvard",
        "cs, Dvořák, dvorak"
    })
    void aVBetweenConsonantsIsTheLatinU(String language, String name, String expected) {
        assertEquals(expected, words(language, name));
    }
}
