package io.musicassistant.alexa.names.corpus;

import io.musicassistant.alexa.names.Candidate;
import io.musicassistant.alexa.names.Choice;
import io.musicassistant.alexa.names.NameMatcher;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the matcher over a corpus: each case against every library item of its kind. */
public final class CorpusRun {

    private CorpusRun() {}

    public static List<Outcome> evaluate(Corpus corpus) {
        NameMatcher matcher = NameMatcher.forLocale(corpus.language());
        Map<Kind, List<Corpus.Item>> items = new EnumMap<>(Kind.class);
        Map<Kind, List<Candidate>> candidates = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            items.put(kind, corpus.itemsOf(kind));
            candidates.put(
                    kind, items.get(kind).stream().map(Corpus.Item::candidate).toList());
        }
        List<Outcome> outcomes = new ArrayList<>(corpus.cases().size());
        for (Corpus.Case c : corpus.cases()) {
            Optional<Choice> choice = matcher.best(c.spoken(), c.artist(), candidates.get(c.kind()));
            Corpus.Item chosen =
                    choice.map(ch -> items.get(c.kind()).get(ch.index())).orElse(null);
            double confidence = choice.map(Choice::confidence).orElse(0.0);
            outcomes.add(new Outcome(corpus.language(), c, chosen, confidence, Outcome.verdict(c, chosen)));
        }
        return outcomes;
    }

    public static List<Outcome> evaluateAll(List<Corpus> corpora) {
        return corpora.stream().flatMap(c -> evaluate(c).stream()).toList();
    }
}
