package io.musicassistant.alexa.masim.slimproto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A client's STAT (slimproto.h {@code STAT_packet}, 53 bytes, big-endian). aioslimproto only
 * reads {@code jiffies} and {@code elapsed_milliseconds} (of STMt) from the body, so a short body
 * still carries its event; its numbers then read as 0 and {@code complete} is false.
 */
record Stat(
        String event, long jiffies, long elapsedSeconds, long elapsedMillis, long serverTimestamp, boolean complete) {

    /** aioslimproto unpacks {@code "!BBBLLLLHLLLLHLL"} from {@code data[4:51]}. */
    static final int MIN_BYTES = 51;

    static Stat parse(byte[] data) {
        if (data.length < 4) {
            return new Stat("", 0, 0, 0, 0, false);
        }
        String event = new String(data, 0, 4, StandardCharsets.ISO_8859_1);
        if (data.length < MIN_BYTES) {
            return new Stat(event, 0, 0, 0, 0, false);
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        return new Stat(
                event,
                b.getInt(25) & 0xffffffffL,
                b.getInt(37) & 0xffffffffL,
                b.getInt(43) & 0xffffffffL,
                b.getInt(47) & 0xffffffffL,
                true);
    }
}
