package io.musicassistant.alexa.relay.protocol;

/**
 * The characters an SQS message body may hold: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD |
 * #x10000-#x10FFFF (Amazon's SendMessage reference; ElasticMQ enforces the same set). A lone
 * surrogate is outside it too. Text from Alexa that is bound for a home's queue is checked with
 * this at the edge, so that it is refused as bad input instead of failing the send.
 */
public final class SqsText {

    private SqsText() {}

    public static boolean allowed(int codePoint) {
        return codePoint == 0x9
                || codePoint == 0xA
                || codePoint == 0xD
                || codePoint >= 0x20 && codePoint <= 0xD7FF
                || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }

    /** Whether every character of {@code text} may travel in an SQS message (null and empty may). */
    public static boolean allowed(CharSequence text) {
        if (text == null) {
            return true;
        }
        // A char loop, not a code-point stream: every Alexa request's strings pass through here.
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair is a code point in U+10000..U+10FFFF, always allowed
            } else if (!allowed(c)) {
                return false; // a lone surrogate is in the gap D800..DFFF
            }
        }
        return true;
    }
}
