package io.musicassistant.alexa.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spoken numbers and years read as digits, per language (the first step that makes "radio two" "Radio 2"). */
class NumberWordsTest {

    @ParameterizedTest
    @CsvSource({
        "en, radio two, radio 2",
        "en, nineteen eighty four, 1984",
        "en, nineteen oh five, 1905",
        "en, twenty one pilots, 21 pilots",
        "en, blink one eighty two, blink 182",
        "en, two thousand and one, 2001",
        "en, one hundred and one dalmatians, 101 dalmatians",
        "en, ten thousand maniacs, 10000 maniacs",
        "en, 10.000 maniacs, 10000 maniacs",
        "en, absolute eighties, absolute 80s",
        "en, simon and garfunkel, simon & garfunkel",
        "de, neunzehnhundertvierundachtzig, 1984",
        "de, neunundneunzig luftballons, 99 luftballons",
        "de, tausendundeine nacht, 1001 nacht",
        "de, zwei, 2",
        "de, achtung baby, achtung baby",
        "de, die achtziger, 80er",
        "fr, dix-neuf cent quatre-vingt-quatre, 1984",
        "fr, mille neuf cent quatre-vingt-quatre, 1984",
        "fr, soixante et onze, 71",
        "fr, quatre vingt dix neuf, 99",
        "fr, vingt et un, 21",
        "es, mil novecientos ochenta y cuatro, 1984",
        "es, diecinueve días y quinientas noches, 19 dias & 500 noches",
        "es, cien punto nueve, 100 point 9",
        "it, millenovecentottantaquattro, 1984",
        "it, centodue, 102",
        "it, centro, centro",
        "pt, mil novecentos e oitenta e quatro, 1984",
        "pt, vinte e um, 21",
        "ja, 三百六十五日, 365 日",
        "ja, 三月九日, 3 月 9 日"
    })
    void spokenNumbersAreDigits(String language, String spoken, String expected) {
        assertEquals(expected, SpokenNameTest.words(language, spoken));
    }

    @ParameterizedTest
    @CsvSource({"en, seven and seven, 7 & 7", "en, one two three, 123"})
    void numbersThatDoNotContinueEachOtherAreReadGroupByGroup(String language, String spoken, String expected) {
        assertEquals(expected, SpokenNameTest.words(language, spoken));
    }

    @ParameterizedTest
    @CsvSource({"es, la quinta estación, 5 estacion", "es, la 5ª estación, 5 estacion", "en, 1st, 1"})
    void ordinalsAreTheirNumber(String language, String spoken, String expected) {
        assertEquals(expected, SpokenNameTest.words(language, spoken));
    }

    @org.junit.jupiter.api.Test
    void aWordThatDoesNotSplitIntoNumbersIsNoNumber() {
        assertEquals(
                List.of("einstein"),
                NameMatcher.forLocale("de").normalise("Einstein").full());
    }
}
