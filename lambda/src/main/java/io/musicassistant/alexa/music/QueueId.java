package io.musicassistant.alexa.music;

import io.musicassistant.alexa.platform.Randomness;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Queue ids carry what the queue started with — {@code q<random>.<flags>}, flags {@code s} shuffle,
 * {@code l} loop, {@code r} repeat, {@code c} clean (the device filters explicit content), {@code -}
 * none — so that Initiate writes nothing and the queue directives, which carry no filters, still
 * know which content the queue plays. Modes reach DynamoDB only when the user changes them.
 */
public record QueueId(
        String value, boolean initialShuffle, boolean initialLoop, boolean initialRepeat, boolean explicitAllowed) {

    private static final Pattern FORM = Pattern.compile("q[0-9a-z]{24}\\.(-|s?l?r?c?)");

    public static QueueId create(boolean shuffle, boolean loop, boolean repeat, boolean explicitAllowed) {
        String flags = (shuffle ? "s" : "") + (loop ? "l" : "") + (repeat ? "r" : "") + (explicitAllowed ? "" : "c");
        return new QueueId(
                "q" + Randomness.randomBase32(120) + "." + (flags.isEmpty() ? "-" : flags),
                shuffle,
                loop,
                repeat,
                explicitAllowed);
    }

    public static Optional<QueueId> parse(String value) {
        if (value == null || !FORM.matcher(value).matches() || value.endsWith(".")) {
            return Optional.empty();
        }
        String flags = value.substring(value.indexOf('.') + 1);
        return Optional.of(new QueueId(
                value, flags.contains("s"), flags.contains("l"), flags.contains("r"), !flags.contains("c")));
    }

    public QueueState initialState() {
        return new QueueState(initialShuffle, initialLoop, initialRepeat, -1);
    }

    /** A stable 64-bit seed for this queue's shuffle order (FNV-1a of the id). */
    public long seed() {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
