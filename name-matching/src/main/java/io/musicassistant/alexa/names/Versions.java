package io.musicassistant.alexa.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The kinds of version a remark names ("(Live)", " - 2011 Remaster", "(Versión acústica)"), in
 * the languages of our locales. A spoken "live" prefers the live version; a name said plainly
 * prefers the plain one.
 */
final class Versions {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("live", "live"),
            Map.entry("vivo", "live"),
            Map.entry("directo", "live"),
            Map.entry("direct", "live"),
            Map.entry("acoustic", "acoustic"),
            Map.entry("acustico", "acoustic"),
            Map.entry("acustica", "acoustic"),
            Map.entry("acoustique", "acoustic"),
            Map.entry("akustik", "acoustic"),
            Map.entry("akustisch", "acoustic"),
            Map.entry("unplugged", "acoustic"),
            Map.entry("remaster", "remaster"),
            Map.entry("remastered", "remaster"),
            Map.entry("remasterizado", "remaster"),
            Map.entry("remasterise", "remaster"),
            Map.entry("remasterizzato", "remaster"),
            Map.entry("remasterizada", "remaster"),
            Map.entry("remix", "remix"),
            Map.entry("mix", "remix"),
            Map.entry("demo", "demo"),
            Map.entry("instrumental", "instrumental"),
            Map.entry("strumentale", "instrumental"),
            Map.entry("edit", "edit"),
            Map.entry("mono", "mono"),
            Map.entry("deluxe", "deluxe"),
            Map.entry("karaoke", "karaoke"));

    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");

    private Versions() {}

    /** The version kinds named in {@code remark} (any case, accents allowed). */
    static Set<String> in(String remark) {
        Set<String> kinds = new TreeSet<>();
        String plain = java.text.Normalizer.normalize(
                        remark.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "");
        for (String w : WORD.split(plain)) {
            String kind = WORDS.get(w);
            if (kind != null) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Words that introduce a version: "dal vivo", "en vivo", "ao vivo", "version acoustique". */
    private static final Set<String> BEFORE =
            Set.of("dal", "en", "ao", "al", "in", "da", "version", "versione", "versao");

    /** {@code words} without the words naming a version, and the preposition before such a word. */
    static List<String> without(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            boolean version = of(words.get(i)) != null;
            boolean before = BEFORE.contains(words.get(i)) && i + 1 < words.size() && of(words.get(i + 1)) != null;
            if (!version && !before) {
                out.add(words.get(i));
            }
        }
        return out;
    }

    /** The version kind a comparable word names, or null. */
    static String of(String word) {
        return WORDS.get(word);
    }
}
