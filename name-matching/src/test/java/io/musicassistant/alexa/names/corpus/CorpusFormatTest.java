package io.musicassistant.alexa.names.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The corpus is well formed and big enough to measure with; says nothing about the matcher. */
class CorpusFormatTest {

    /** Lower-case words of letters and digits, single spaces: what Alexa's recogniser writes. */
    private static final Pattern SPOKEN = Pattern.compile("[\\p{L}\\p{N}]+( [\\p{L}\\p{N}]+)*");

    private final List<Corpus> corpora = Corpus.all();

    @Test
    void everyFileParsesAndNamesItsLanguage() {
        for (String language : Corpus.languages()) {
            Corpus corpus = Corpus.load(language);
            assertEquals(language, corpus.language(), language + ".json names another language");
            assertFalse(corpus.library().isEmpty(), language + ": empty library");
            assertFalse(corpus.cases().isEmpty(), language + ": no cases");
        }
    }

    @Test
    void atLeastThreeHundredCasesInAtLeastFiveLanguages() {
        assertTrue(
                Corpus.languages().containsAll(List.of("en", "de", "fr", "es", "it")),
                "languages: " + Corpus.languages());
        assertTrue(corpora.size() >= 5, "languages: " + corpora.size());
        int cases = corpora.stream().mapToInt(c -> c.cases().size()).sum();
        assertTrue(cases >= 300, "cases: " + cases);
    }

    @Test
    void atLeastAFifthOfTheCasesOfEveryLanguageAreNotInTheLibrary() {
        for (Corpus corpus : corpora) {
            long notFound =
                    corpus.cases().stream().filter(Corpus.Case::expectsNotFound).count();
            assertTrue(
                    notFound * 5 >= corpus.cases().size(),
                    corpus.language() + ": " + notFound + " of "
                            + corpus.cases().size() + " not found");
        }
    }

    @Test
    void everyExpectedItemIsInTheLibraryOfItsKindExactlyOnce() {
        List<String> problems = new ArrayList<>();
        for (Corpus corpus : corpora) {
            for (Corpus.Case c : corpus.cases()) {
                if (c.expectsNotFound()) {
                    continue;
                }
                long meant = corpus.itemsOf(c.kind()).stream().filter(c::means).count();
                if (meant != 1) {
                    problems.add(corpus.language() + " \"" + c.spoken() + "\": " + meant + " items named \""
                            + c.expect() + "\"" + (c.expectArtist() == null ? "" : " by " + c.expectArtist()));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyCaseHasAKindACategoryAndASpokenFormAsAlexaWritesIt() {
        List<String> problems = new ArrayList<>();
        for (Corpus corpus : corpora) {
            for (Corpus.Case c : corpus.cases()) {
                String where = corpus.language() + " \"" + c.spoken() + "\"";
                if (c.kind() == null || c.category() == null) {
                    problems.add(where + ": no kind or category");
                }
                if (!writtenByAlexa(c.spoken()) || (c.artist() != null && !writtenByAlexa(c.artist()))) {
                    problems.add(where + ": not lower-case words without punctuation");
                }
                if (c.expectArtist() != null && c.expect() == null) {
                    problems.add(where + ": an expected artist without an expected item");
                }
                if ((c.category() == Category.NEAR_MISS) != c.expectsNotFound()) {
                    problems.add(where + ": near-miss and only near-miss cases expect not found");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void libraryItemsAreNamedAndDistinct() {
        for (Corpus corpus : corpora) {
            Set<Corpus.Item> seen = new HashSet<>();
            for (Corpus.Item item : corpus.library()) {
                assertNotNull(item.kind(), corpus.language() + ": an item without a kind");
                assertFalse(item.name() == null || item.name().isBlank(), corpus.language() + ": unnamed item");
                assertTrue(seen.add(item), corpus.language() + ": twice in the library: " + item);
            }
        }
    }

    @Test
    void theIssuesOwnCasesAreThere() {
        Corpus en = Corpus.load("en");
        assertTrue(has(en, "radio two", "Radio 2"));
        assertTrue(en.cases().stream().anyMatch(c -> c.spoken().startsWith("nineteen eighty")));
        assertTrue(has(en, "ac dc", "AC/DC"));
        assertTrue(has(en, "beyonce", "Beyoncé"));
        assertTrue(has(en, "the the", "The The"));
        assertTrue(CorpusTest.theCreepCase(en).expectsNotFound());
        assertTrue(en.itemsOf(Kind.TRACK).stream().anyMatch(i -> i.name().equals("Inertia Creeps")));
        assertTrue(en.itemsOf(Kind.TRACK).stream().noneMatch(i -> i.name().equals("Creep")));
    }

    private static boolean has(Corpus corpus, String spoken, String expect) {
        return corpus.cases().stream().anyMatch(c -> c.spoken().equals(spoken) && expect.equals(c.expect()));
    }

    private static boolean writtenByAlexa(String s) {
        return SPOKEN.matcher(s).matches() && s.equals(s.toLowerCase(Locale.ROOT));
    }
}
