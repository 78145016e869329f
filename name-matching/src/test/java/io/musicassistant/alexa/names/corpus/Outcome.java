package io.musicassistant.alexa.names.corpus;

/** What the matcher did with one case. {@code chosen} is null when it chose nothing. */
public record Outcome(String language, Corpus.Case example, Corpus.Item chosen, double confidence, Verdict verdict) {

    /**
     * True positive: the item meant. False positive: a wrong item, or any item when the library does
     * not hold the name. False negative: nothing, though an item was meant. True negative: nothing,
     * rightly.
     */
    public enum Verdict {
        TRUE_POSITIVE,
        FALSE_POSITIVE,
        FALSE_NEGATIVE,
        TRUE_NEGATIVE
    }

    public static Verdict verdict(Corpus.Case example, Corpus.Item chosen) {
        if (chosen == null) {
            return example.expectsNotFound() ? Verdict.TRUE_NEGATIVE : Verdict.FALSE_NEGATIVE;
        }
        return example.means(chosen) ? Verdict.TRUE_POSITIVE : Verdict.FALSE_POSITIVE;
    }

    public boolean failed() {
        return verdict == Verdict.FALSE_POSITIVE || verdict == Verdict.FALSE_NEGATIVE;
    }

    /** "spoken (by artist) → chosen vs expected", for the lists of failures. */
    public String describe() {
        String said = example.artist() == null ? example.spoken() : example.spoken() + " | by " + example.artist();
        String got = chosen == null ? "nothing" : quoted(chosen) + String.format(" (%.2f)", confidence);
        String wanted = example.expectsNotFound()
                ? "not found"
                : example.expectArtist() == null
                        ? '"' + example.expect() + '"'
                        : '"' + example.expect() + "\" by " + example.expectArtist();
        return String.format(
                "%s %-8s %-12s \"%s\" → %s vs %s",
                language, example.kind().label(), example.category().label(), said, got, wanted);
    }

    private static String quoted(Corpus.Item item) {
        return item.artists().isEmpty()
                ? '"' + item.name() + '"'
                : '"' + item.name() + "\" by " + String.join(", ", item.artists());
    }
}
