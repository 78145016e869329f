package io.musicassistant.alexa.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spoken numbers of one language read as digits: "twenty one" → 21, "nineteen eighty four" → 1984,
 * "neunzehnhundertvierundachtzig" → 1984, "mil novecientos ochenta y cuatro" → 1984,
 * "quatre-vingt-dix-neuf" → 99. Numbers that do not continue each other are read digit group by
 * digit group, as years and names are spoken ("nineteen oh five" → 1905, "blink one eighty two"
 * → 182). Languages that glue number words into one word (German, Italian) are split into known
 * pieces; a word that does not split completely is not a number ("achtung", "centro").
 */
final class NumberWords {

    static final long HUNDRED = -100;
    static final long THOUSAND = -1000;
    private static final long JOIN = -1;

    private final Map<String, Long> words;
    private final Set<String> joiners;
    private final Set<String> afterNumberOnly;
    private final boolean glued;
    private final boolean vigesimal;

    NumberWords(
            Map<String, Long> words,
            Set<String> joiners,
            Set<String> afterNumberOnly,
            boolean glued,
            boolean vigesimal) {
        this.words = Map.copyOf(words);
        this.joiners = Set.copyOf(joiners);
        this.afterNumberOnly = Set.copyOf(afterNumberOnly);
        this.glued = glued;
        this.vigesimal = vigesimal;
    }

    /** "one=1 two=2 … hundred=H thousand=K": words to values, H and K the multipliers hundred and thousand. */
    static Map<String, Long> values(String pairs) {
        Map<String, Long> map = new HashMap<>();
        for (String pair : pairs.split(" ")) {
            String[] wv = pair.split("=");
            map.put(
                    wv[0],
                    switch (wv[1]) {
                        case "H" -> HUNDRED;
                        case "K" -> THOUSAND;
                        default -> Long.parseLong(wv[1]);
                    });
        }
        return map;
    }

    /** {@code tokens} with each run of number words replaced by its digits. */
    List<String> digits(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            Run run = new Run();
            int j = i;
            while (j < tokens.size()) {
                String t = tokens.get(j);
                List<Long> pieces = pieces(t);
                if (pieces != null && (!run.empty() || !afterNumberOnly.contains(t))) {
                    pieces.forEach(run::add);
                    j++;
                } else if (!run.empty()
                        && joiners.contains(t)
                        && j + 1 < tokens.size()
                        && (pieces = pieces(tokens.get(j + 1))) != null
                        && run.continuesWith(pieces.getFirst())) {
                    j++;
                } else {
                    break;
                }
            }
            if (run.empty()) {
                out.add(decade(tokens.get(i)));
                i++;
            } else {
                out.add(run.digits());
                i = j;
            }
        }
        return out;
    }

    /**
     * "zweiraumwohnung" → "2raumwohnung": a number word (or glued number) that begins a longer word,
     * read as its digits; the longest such beginning, followed by at least three letters.
     */
    String leadingDigits(String word) {
        for (int end = word.length() - 3; end >= 3; end--) {
            List<Long> p = pieces(word.substring(0, end));
            if (p != null && Character.isLetter(word.charAt(end))) {
                Run run = new Run();
                p.forEach(run::add);
                return run.digits() + word.substring(end);
            }
        }
        return word;
    }

    /** "eighties" → "80s", "achtziger" → "80er": decades as libraries write them. */
    private String decade(String word) {
        Long tens = null;
        String suffix = null;
        if (word.endsWith("ies")) {
            tens = words.get(word.substring(0, word.length() - 3) + "y");
            suffix = "s";
        } else if (word.endsWith("er") && word.length() > 4) {
            tens = words.get(word.substring(0, word.length() - 2));
            suffix = "er";
        }
        return tens != null && tens >= 20 && tens <= 90 && tens % 10 == 0 ? tens + suffix : word;
    }

    private static boolean isDigits(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) < '0' || word.charAt(i) > '9') {
                return false;
            }
        }
        return !word.isEmpty();
    }

    /** The number pieces of one word, or null when it is not (entirely) a number. */
    private List<Long> pieces(String word) {
        if (isDigits(word)) {
            return word.length() <= 9 ? List.of(Long.parseLong(word)) : null;
        }
        Long v = words.get(word);
        if (v != null) {
            return List.of(v);
        }
        if (!glued || word.length() < 5) {
            return null;
        }
        List<Long> split = split(word, 0);
        if (split == null || split.isEmpty() || split.getFirst() == JOIN || split.getLast() == JOIN) {
            return null;
        }
        // "vierundachtzig": German says the unit before the tens
        List<Long> merged = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            long piece = split.get(i);
            if (piece == JOIN && !merged.isEmpty() && merged.getLast() < 0) {
                continue; // "tausendundeine": "und" after a multiplier only joins
            }
            if (piece == JOIN) {
                long tens = split.get(i + 1);
                long unit = merged.isEmpty() ? 0 : merged.getLast();
                if (unit < 1 || unit > 9 || tens < 20 || tens > 90) {
                    return null;
                }
                merged.set(merged.size() - 1, unit + tens);
                i++;
            } else {
                merged.add(piece);
            }
        }
        return merged;
    }

    private List<Long> split(String word, int from) {
        if (from == word.length()) {
            return new ArrayList<>();
        }
        for (int end = word.length(); end > from; end--) {
            String piece = word.substring(from, end);
            Long v = words.get(piece);
            boolean joiner = joiners.contains(piece) && from > 0;
            if (v == null && !joiner) {
                continue;
            }
            List<Long> rest = split(word, end);
            if (rest != null) {
                rest.addFirst(v != null ? v : JOIN);
                return rest;
            }
        }
        return null;
    }

    /** One run of number words: groups that each continue a number, read one after the other. */
    private final class Run {
        private final StringBuilder done = new StringBuilder();
        private long total;
        private long small;
        private boolean open;

        boolean empty() {
            return !open && done.isEmpty();
        }

        void add(long v) {
            if (v == HUNDRED) {
                small = Math.max(small, 1) * 100;
            } else if (v == THOUSAND) {
                total += Math.max(small, 1) * 1000;
                small = 0;
            } else if (vigesimal && v == 20 && open && small % 100 == 4) {
                small += 76; // quatre-vingt(s): four twenties
            } else if (open && continuesWith(v)) {
                small += v;
            } else {
                flush();
                small = v;
            }
            open = true;
        }

        boolean continuesWith(long v) {
            if (!open || v == HUNDRED || v == THOUSAND) {
                return open;
            }
            if (total == 0 && small == 0) {
                return false; // after a spoken zero ("nineteen oh five") each digit stands alone
            }
            long below = small % 100;
            if (v >= 100) {
                return small % 1000 == 0;
            }
            if (v == 0) {
                return false;
            }
            if (v >= 20) {
                return below == 0;
            }
            if (v >= 10) {
                return below == 0 || vigesimal && (below == 60 || below == 80);
            }
            return below == 0 || below >= 20 && below % 10 == 0 || vigesimal && below % 20 == 10 && v >= 7;
        }

        private void flush() {
            if (open) {
                done.append(total + small);
            }
            total = 0;
            small = 0;
            open = false;
        }

        String digits() {
            flush();
            return done.toString();
        }
    }
}
