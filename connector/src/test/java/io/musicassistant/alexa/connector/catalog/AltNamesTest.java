package io.musicassistant.alexa.connector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Spoken alternates of library names, after Amazon's voice-modeling advice. */
class AltNamesTest {

    @Test
    void aLeadingTheMayBeLeftOut() {
        assertEquals(List.of("Beatles"), AltNames.of("The Beatles"));
        assertEquals(List.of(), AltNames.of("Theatre of Tragedy"), "only the word The");
        assertEquals(List.of(), AltNames.of("The"), "nothing is left without it");
    }

    @Test
    void ampersandAndAndStandForEachOther() {
        assertEquals(List.of("Simon and Garfunkel"), AltNames.of("Simon & Garfunkel"));
        assertEquals(List.of("Rock & Roll"), AltNames.of("Rock and Roll"));
        assertEquals(List.of("Florence and the Machine"), AltNames.of("Florence + the Machine"));
        assertEquals(List.of("Earth, Wind and Fire"), AltNames.of("Earth, Wind & Fire"));
    }

    @Test
    void punctuationBetweenLettersIsAWordBreakAndDottedLettersAreSpelled() {
        assertEquals(List.of("AC DC"), AltNames.of("AC/DC"));
        assertEquals(List.of("R. E. M."), AltNames.of("R.E.M."));
        assertEquals(List.of("N. W. A."), AltNames.of("N.W.A"));
        assertEquals(List.of("Jay Z"), AltNames.of("Jay-Z"));
        assertEquals(List.of("U. S. Maple"), AltNames.of("U.S. Maple"));
        assertEquals(List.of(), AltNames.of("Mr. Brightside"), "a word with a period is not an abbreviation");
    }

    @Test
    void numbersAndYearsAreSpelledOut() {
        assertEquals(List.of("nineteen ninety nine"), AltNames.of("1999"));
        assertEquals(List.of("The nineteen seventy five", "1975", "nineteen seventy five"), AltNames.of("The 1975"));
        assertEquals(List.of("Blink one hundred eighty two"), AltNames.of("Blink-182"));
        assertEquals(List.of("U two"), AltNames.of("U2"));
        assertEquals(List.of("Sum forty one"), AltNames.of("Sum 41"));
        assertEquals(List.of("two thousand one: A Space Odyssey"), AltNames.of("2001: A Space Odyssey"));
        assertEquals(List.of("fourth of July"), AltNames.of("4th of July"));
        assertEquals(List.of("Vol. two"), AltNames.of("Vol.2"));
        assertEquals(List.of("number one Record"), AltNames.of("#1 Record"));
    }

    @Test
    void aBracketedRemarkMayBeLeftOut() {
        assertEquals(List.of("Creep"), AltNames.of("Creep (Acoustic)"));
        assertEquals(List.of("Get Lucky"), AltNames.of("Get Lucky [feat. Pharrell Williams]"));
        assertEquals(
                List.of("nineteen ninety nine (Remastered)", "1999", "nineteen ninety nine"),
                AltNames.of("1999 (Remastered)"));
    }

    @Test
    void namesThatNeedNoHelpGetNone() {
        assertEquals(List.of(), AltNames.of("Radiohead"));
        assertEquals(List.of(), AltNames.of("Sigur Rós"), "letters of any script are fine as they are");
        assertEquals(List.of(), AltNames.of("坂本龍一"));
        assertEquals(List.of(), AltNames.of("  "));
        assertEquals(List.of(), AltNames.of(null));
    }

    @Test
    void alternatesAreDistinctBoundedAndNeverTheNameItself() {
        String busy = "The 2 & The 3 (Live at the 1999 Show) [Remix #4]";
        List<String> alternates = AltNames.of(busy);
        assertTrue(alternates.size() <= CatalogSnapshot.MAX_ALT_NAMES, alternates.toString());
        Set<String> keys = new HashSet<>();
        for (String alternate : alternates) {
            assertTrue(keys.add(alternate.toLowerCase(Locale.ROOT)), "duplicate " + alternate);
            assertFalse(alternate.equalsIgnoreCase(busy));
            assertEquals(alternate.strip(), alternate);
            assertFalse(alternate.contains("  "));
        }
        String longName = "1".repeat(600);
        for (String alternate : AltNames.of(longName)) {
            assertTrue(alternate.length() <= CatalogSnapshot.MAX_NAME_LENGTH);
        }
        assertEquals(List.of("THE BEATLES".substring(4)), AltNames.of("THE BEATLES"), "case does not matter for The");
    }

    @Test
    void spokenNumbersReadAsPeopleSayThem() {
        assertEquals("zero", SpokenNumbers.cardinal(0));
        assertEquals("thirteen", SpokenNumbers.cardinal(13));
        assertEquals("forty two", SpokenNumbers.cardinal(42));
        assertEquals("one hundred", SpokenNumbers.cardinal(100));
        assertEquals("one hundred eighty two", SpokenNumbers.cardinal(182));
        assertEquals("one thousand", SpokenNumbers.cardinal(1000));
        assertEquals("twelve thousand three hundred forty five", SpokenNumbers.cardinal(12_345));
        assertEquals("one million two", SpokenNumbers.cardinal(1_000_002));
        assertEquals("nineteen hundred", SpokenNumbers.year(1900));
        assertEquals("nineteen oh five", SpokenNumbers.year(1905));
        assertEquals("two thousand", SpokenNumbers.year(2000));
        assertEquals("two thousand nine", SpokenNumbers.year(2009));
        assertEquals("twenty ten", SpokenNumbers.year(2010));
        assertEquals("twenty twenty four", SpokenNumbers.year(2024));
        assertEquals("first", SpokenNumbers.ordinal(1));
        assertEquals("twelfth", SpokenNumbers.ordinal(12));
        assertEquals("twentieth", SpokenNumbers.ordinal(20));
        assertEquals("twenty second", SpokenNumbers.ordinal(22));
        assertEquals("one hundredth", SpokenNumbers.ordinal(100));
        assertEquals("one thousand cats", SpokenNumbers.spellAll("1,000 cats"));
        assertEquals("two point zero", SpokenNumbers.spellAll("2.0"));
        assertEquals("zero zero seven", SpokenNumbers.spellAll("007"));
        assertEquals("three thousand four hundred fifty six", SpokenNumbers.spellAll("3456"), "not a year");
        assertEquals(
                "one two three four five six seven eight nine zero one two three",
                SpokenNumbers.spellAll("1234567890123"),
                "too long to say as one number");
        assertEquals("twenty first Century", SpokenNumbers.spellAll("21st Century"));
        assertEquals("four this", SpokenNumbers.spellAll("4this"), "a suffix must end the word");
    }
}
