package io.musicassistant.alexa.names.corpus;

import java.util.Collection;

/** Counts of outcomes, and the precision and recall they give. */
public record Tally(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

    public static Tally of(Collection<Outcome> outcomes) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (Outcome o : outcomes) {
            switch (o.verdict()) {
                case TRUE_POSITIVE -> tp++;
                case FALSE_POSITIVE -> fp++;
                case FALSE_NEGATIVE -> fn++;
                case TRUE_NEGATIVE -> tn++;
            }
        }
        return new Tally(tp, fp, fn, tn);
    }

    public int cases() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** TP / (TP + FP); 1 when nothing was chosen (nothing wrong was played). */
    public double precision() {
        int chosen = truePositives + falsePositives;
        return chosen == 0 ? 1.0 : (double) truePositives / chosen;
    }

    /** TP / (TP + FN), over the cases that name an item; 1 when there are none. */
    public double recall() {
        int meant = truePositives + falseNegatives;
        return meant == 0 ? 1.0 : (double) truePositives / meant;
    }
}
