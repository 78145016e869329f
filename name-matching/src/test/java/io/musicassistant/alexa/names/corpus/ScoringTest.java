package io.musicassistant.alexa.names.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.names.corpus.Outcome.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdicts and figures the bars rest on: a wrong item costs precision, silence costs recall. */
class ScoringTest {

    private static final Corpus.Item HURT_CASH = new Corpus.Item(Kind.TRACK, "Hurt", List.of("Johnny Cash"));
    private static final Corpus.Item HURT_NIN = new Corpus.Item(Kind.TRACK, "Hurt", List.of("Nine Inch Nails"));
    private static final Corpus.Item INERTIA = new Corpus.Item(Kind.TRACK, "Inertia Creeps", List.of());

    private static Corpus.Case meaning(String expect, String expectArtist) {
        return new Corpus.Case(Kind.TRACK, "hurt", null, expect, expectArtist, Category.ARTIST, null);
    }

    private static final Corpus.Case CREEP =
            new Corpus.Case(Kind.TRACK, "creep", null, null, null, Category.NEAR_MISS, null);

    @Test
    void theItemMeantIsATruePositiveAndOnlyWithTheRightArtist() {
        assertEquals(Verdict.TRUE_POSITIVE, Outcome.verdict(meaning("Hurt", "Johnny Cash"), HURT_CASH));
        assertEquals(Verdict.FALSE_POSITIVE, Outcome.verdict(meaning("Hurt", "Johnny Cash"), HURT_NIN));
        assertEquals(Verdict.TRUE_POSITIVE, Outcome.verdict(meaning("Hurt", null), HURT_NIN));
    }

    @Test
    void anyItemForANameNotInTheLibraryIsAFalsePositiveAndSilenceIsRight() {
        assertEquals(Verdict.FALSE_POSITIVE, Outcome.verdict(CREEP, INERTIA));
        assertEquals(Verdict.TRUE_NEGATIVE, Outcome.verdict(CREEP, null));
        assertEquals(Verdict.FALSE_NEGATIVE, Outcome.verdict(meaning("Hurt", null), null));
    }

    @Test
    void precisionCountsWrongChoicesAndRecallCountsMissedOnes() {
        Tally tally = new Tally(45, 1, 4, 20);
        assertEquals(70, tally.cases());
        assertEquals(45 / 46.0, tally.precision(), 1e-9);
        assertEquals(45 / 49.0, tally.recall(), 1e-9);
        assertEquals(1.0, new Tally(0, 0, 3, 2).precision(), "nothing chosen: nothing wrong was played");
        assertEquals(0.0, new Tally(0, 0, 3, 2).recall());
    }

    @Test
    void aTallyCountsEachVerdict() {
        List<Outcome> outcomes = List.of(
                new Outcome("en", meaning("Hurt", "Johnny Cash"), HURT_CASH, 1, Verdict.TRUE_POSITIVE),
                new Outcome("en", meaning("Hurt", "Johnny Cash"), HURT_NIN, 1, Verdict.FALSE_POSITIVE),
                new Outcome("en", CREEP, null, 0, Verdict.TRUE_NEGATIVE),
                new Outcome("en", meaning("Hurt", null), null, 0, Verdict.FALSE_NEGATIVE));
        assertEquals(new Tally(1, 1, 1, 1), Tally.of(outcomes));
        assertEquals(
                List.of(false, true, false, true),
                outcomes.stream().map(Outcome::failed).toList());
    }
}
