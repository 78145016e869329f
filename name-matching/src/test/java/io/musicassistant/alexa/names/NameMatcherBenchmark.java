package io.musicassistant.alexa.names;

import io.musicassistant.alexa.names.corpus.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long {@link NameMatcher#best} takes for one spoken name against 200 candidates (the corpus
 * library of the language, all kinds, repeated to 200 names), per language: the first call (cold
 * phonetic caches, a new matcher) and the steady state. Prints figures; asserts nothing.
 * Run: {@code scripts/bench-names --speed}.
 */
public final class NameMatcherBenchmark {

    private static final int CANDIDATES = 200;

    private NameMatcherBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        System.out.printf(Locale.ROOT, "%-8s %10s %14s %14s%n", "language", "spoken", "cold µs/best", "warm µs/best");
        for (Corpus corpus : Corpus.all()) {
            List<Candidate> candidates = new ArrayList<>(CANDIDATES);
            for (int i = 0; candidates.size() < CANDIDATES; i++) {
                candidates.add(corpus.library().get(i % corpus.library().size()).candidate());
            }
            List<Corpus.Case> cases = corpus.cases();
            NameMatcher matcher = NameMatcher.forLocale(corpus.language());
            long start = System.nanoTime();
            Corpus.Case first = cases.getFirst();
            matcher.best(first.spoken(), first.artist(), candidates);
            double cold = (System.nanoTime() - start) / 1_000.0;
            for (int r = 0; r < 3; r++) {
                cases.forEach(c -> matcher.best(c.spoken(), c.artist(), candidates));
            }
            int found = 0;
            start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (Corpus.Case c : cases) {
                    found += matcher.best(c.spoken(), c.artist(), candidates).isPresent() ? 1 : 0;
                }
            }
            double warm = (System.nanoTime() - start) / 1_000.0 / ((double) rounds * cases.size());
            System.out.printf(Locale.ROOT, "%-8s %10d %14.0f %14.1f%n", corpus.language(), cases.size(), cold, warm);
            if (found < 0) {
                System.out.println(found); // keeps the loop's results alive
            }
        }
        System.out.printf(
                Locale.ROOT, "(%d candidates per call, %d timed rounds over each corpus)%n", CANDIDATES, rounds);
    }
}
