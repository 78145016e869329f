package io.musicassistant.alexa.names;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Symbols that stand for letters or words in artists' spellings: "P!nk", "Ke$ha", "A$AP Rocky"
 * (a symbol between letters is the letter it looks like), and names that are one symbol, such as
 * Ed Sheeran's albums "÷" and "×", which people say as the word.
 */
final class Symbols {

    private static final Map<String, String> LOOK_ALIKE = Map.of("!", "i", "$", "s", "@", "a");
    private static final Pattern BETWEEN_LETTERS =
            Pattern.compile("(?<=\\p{L})([!$@])(?=\\p{L})|(?<=^|\\s)\\$(?=\\p{L})");
    private static final Map<String, String> WHOLE = Map.of(
            "÷", "divide", "×", "multiply", "+", "plus", "=", "equals", "-", "subtract", "−", "subtract", "&", "and");

    private Symbols() {}

    /** {@code text} (lower case) with look-alike symbols read as letters and a one-symbol name as its word. */
    static String read(String text) {
        String whole = WHOLE.get(text.strip());
        if (whole != null) {
            return whole;
        }
        return BETWEEN_LETTERS.matcher(text).replaceAll(m -> LOOK_ALIKE.get(m.group()));
    }
}
