package io.musicassistant.alexa.music;

import io.musicassistant.alexa.platform.Secrets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Queue ids carry the queue's starting modes ({@code <random>.<flags>}, flags {@code s} shuffle,
 * {@code l} loop, {@code -} none) so that Initiate writes nothing: the modes only reach DynamoDB
 * when the user changes them.
 */
public record QueueId(String value, boolean initialShuffle, boolean initialLoop) {

    private static final Pattern FORM = Pattern.compile("q[0-9a-z]{24}\\.(-|s|l|sl)");

    public static QueueId create(boolean shuffle, boolean loop) {
        String flags = shuffle && loop ? "sl" : shuffle ? "s" : loop ? "l" : "-";
        return new QueueId("q" + Secrets.randomBase32(120) + "." + flags, shuffle, loop);
    }

    public static Optional<QueueId> parse(String value) {
        if (value == null || !FORM.matcher(value).matches()) {
            return Optional.empty();
        }
        String flags = value.substring(value.indexOf('.') + 1);
        return Optional.of(new QueueId(value, flags.contains("s"), flags.contains("l")));
    }

    public QueueState initialState() {
        return new QueueState(initialShuffle, initialLoop, false, -1);
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
