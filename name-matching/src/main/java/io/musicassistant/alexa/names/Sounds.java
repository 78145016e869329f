package io.musicassistant.alexa.names;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.commons.codec.language.ColognePhonetic;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.bm.Languages;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.PhoneticEngine;
import org.apache.commons.codec.language.bm.RuleType;

/**
 * Whether two words sound alike in a language, by Commons Codec's phonetic codes: Double Metaphone
 * for English (and romanised Japanese and Hindi, whose names Alexa writes the English way), Kölner
 * Phonetik for German (built for German spelling: "Meier"/"Mayer", "ph"/"f", "dt"/"t"), and
 * Beider–Morse with the language's own rules for French, Spanish, Italian and Portuguese (silent
 * letters, "gn"/"ñ", "ch" read per language), where Double Metaphone would read the words as English.
 * Codes are cached: Beider–Morse costs tens of microseconds a word, and names repeat.
 */
final class Sounds {

    /** Longer than Double Metaphone's default of 4, which makes "Kings of Leon" sound like "Kings of Convenience". */
    private static final int METAPHONE_LENGTH = 12;

    static final Sounds DOUBLE_METAPHONE = new Sounds(doubleMetaphone()::doubleMetaphone, false, null, false);
    static final Sounds COLOGNE = new Sounds(new ColognePhonetic()::colognePhonetic, false, DOUBLE_METAPHONE, false);
    /** Japanese: loanwords in katakana against their English spelling, by {@link Japanese#ear}. */
    static final Sounds JAPANESE_EAR = new Sounds(Japanese::ear, false, DOUBLE_METAPHONE, true);

    private static final int CACHE_LIMIT = 20_000;

    private final Function<String, String> code;
    private final boolean alternatives;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final Sounds english;
    private final boolean decisive;

    private Sounds(Function<String, String> code, boolean alternatives, Sounds english, boolean decisive) {
        this.code = code;
        this.alternatives = alternatives;
        this.english = english;
        this.decisive = decisive;
    }

    /**
     * Whether sounding alike (by the language's own code) is enough for a whole name: for Japanese,
     * whose katakana spelling of a loanword shares few letters with the English one.
     */
    boolean decides(String a, String b) {
        return decisive && same(a, b);
    }

    private static DoubleMetaphone doubleMetaphone() {
        DoubleMetaphone dm = new DoubleMetaphone();
        dm.setMaxCodeLen(METAPHONE_LENGTH);
        return dm;
    }

    /**
     * Beider–Morse with {@code language}'s rules. Its rule files load on first use (a few hundred
     * milliseconds), so an English or German request never pays for them.
     */
    static Sounds beiderMorse(String language) {
        Languages.LanguageSet set = Languages.LanguageSet.from(Set.of(language));
        return new Sounds(word -> BeiderMorse.ENGINE.encode(word, set), true, DOUBLE_METAPHONE, false);
    }

    /** Holds the engine: the JVM loads it, thread-safely, when a Romance language first needs it. */
    private static final class BeiderMorse {
        static final PhoneticEngine ENGINE = new PhoneticEngine(NameType.GENERIC, RuleType.APPROX, true);
    }

    /**
     * Whether {@code a} and {@code b} (letters only) sound alike: by the language's code, or, where
     * that is not English's, by English's too, because every library holds English names.
     */
    boolean alike(String a, String b) {
        return same(a, b) || english != null && english.same(a, b);
    }

    private boolean same(String a, String b) {
        String ca = code(a);
        String cb = code(b);
        if (ca.isEmpty() || cb.isEmpty()) {
            return false;
        }
        if (!alternatives) {
            return ca.equals(cb);
        }
        Set<String> left = Set.copyOf(Arrays.asList(ca.split("[|()\\-]+")));
        return Arrays.stream(cb.split("[|()\\-]+")).anyMatch(c -> !c.isEmpty() && left.contains(c));
    }

    private String code(String word) {
        String c = cache.get(word);
        if (c == null) {
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            String computed = code.apply(word);
            c = computed == null ? "" : computed;
            cache.put(word, c);
        }
        return c;
    }
}
