package io.musicassistant.alexa.names.corpus;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints the matcher's precision and recall on the corpus per language × kind, per category and in
 * total, the failing cases, and the time per case. Run by {@code scripts/bench-names [--rounds N]}.
 */
public final class CorpusBenchmark {

    private CorpusBenchmark() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int rounds = args.length == 2 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 200;
        List<Corpus> corpora = Corpus.all();
        List<Outcome> outcomes = CorpusRun.evaluateAll(corpora);

        table(
                out,
                "language × kind",
                outcomes,
                o -> o.language() + " " + o.example().kind().label());
        table(out, "language", outcomes, Outcome::language);
        table(out, "category", outcomes, o -> o.example().category().label());
        table(out, "kind", outcomes, o -> o.example().kind().label());
        row(out, "total", Tally.of(outcomes));
        out.println();

        List<Outcome> failing = outcomes.stream().filter(Outcome::failed).toList();
        out.printf("failing cases (%d): spoken → chosen vs expected%n", failing.size());
        failing.forEach(o -> out.println("  " + o.describe()));
        out.println();

        timing(out, corpora, outcomes.size(), rounds);
    }

    private static void table(PrintStream out, String title, List<Outcome> outcomes, Function<Outcome, String> key) {
        out.printf(
                "%n%-16s %5s %4s %4s %4s %4s %9s %7s%n", title, "cases", "TP", "FP", "FN", "TN", "precision", "recall");
        Map<String, List<Outcome>> groups =
                outcomes.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        groups.forEach((name, group) -> row(out, name, Tally.of(group)));
    }

    private static void row(PrintStream out, String name, Tally t) {
        out.printf(
                "%-16s %5d %4d %4d %4d %4d %9.3f %7.3f%s%n",
                name,
                t.cases(),
                t.truePositives(),
                t.falsePositives(),
                t.falseNegatives(),
                t.trueNegatives(),
                t.precision(),
                t.recall(),
                t.precision() >= CorpusTest.PRECISION_BAR && t.recall() >= CorpusTest.RECALL_BAR
                        ? ""
                        : "  ← below the bars");
    }

    /** Warms up, then times whole passes over every case (each against all items of its kind). */
    private static void timing(PrintStream out, List<Corpus> corpora, int cases, int rounds) {
        int warmUp = Math.max(1, rounds / 4);
        long evaluated = 0;
        for (int i = 0; i < warmUp; i++) {
            evaluated += CorpusRun.evaluateAll(corpora).size();
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            evaluated += CorpusRun.evaluateAll(corpora).size();
        }
        long nanos = System.nanoTime() - start;
        if (evaluated != (long) cases * (warmUp + rounds)) {
            throw new IllegalStateException("evaluated " + evaluated + " cases");
        }
        int items = corpora.stream().mapToInt(c -> c.library().size()).sum();
        out.printf(
                "time: %.1f µs per case (%d cases against %d library items in %d languages; %d timed passes after %d"
                        + " warm-up)%n",
                nanos / 1_000.0 / rounds / cases, cases, items, corpora.size(), rounds, warmUp);
    }
}
