package io.musicassistant.alexa.masim.audio;

import java.nio.charset.StandardCharsets;

/**
 * Real MP3 bytes for the simulator's streams: MPEG-1 Layer III, 128 kbit/s, 48 kHz, mono, no CRC.
 * At 48 kHz every frame is exactly 384 bytes (1152 samples, 24 ms), so a track of {@code s}
 * seconds is {@code 16000 * s} bytes and any byte can be computed from its offset alone.
 *
 * <p>Each frame is silent (side info all zero: no main data, so decoders output silence) and carries
 * a pattern derived from the item and the frame number in its ancillary bytes; tests compare
 * what they fetched with {@link #fill} to prove they got the right track at the right offset.
 *
 * <p>The simulator's stream server ({@code /single/…}) seeds every item with its MA uri as the
 * API reports it: {@code seed("library://track/12")} for a track, {@code seed("library://radio/3")}
 * for a radio. A track's body is {@link #length}{@code (duration)} bytes from offset 0; after a
 * seek to {@code s} seconds it starts at offset {@code s * 1000 / FRAME_MILLIS * FRAME_BYTES}
 * (the frame holding that moment). A radio's body never ends.
 */
public final class Mp3Audio {

    public static final String CONTENT_TYPE = "audio/mpeg";
    public static final int FRAME_BYTES = 384;
    public static final int BYTES_PER_SECOND = 16_000;
    public static final int FRAME_MILLIS = 24;
    /** Sync, MPEG-1, Layer III, no CRC | 128 kbit/s, 48 kHz, no padding | mono. */
    private static final byte[] HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x94, (byte) 0xC0};
    /** Mono side information is 17 bytes; all zero means "no audio data" (silence). */
    private static final int SIDE_INFO_BYTES = 17;

    private static final int PAYLOAD_START = HEADER.length + SIDE_INFO_BYTES;

    private Mp3Audio() {}

    /** Length in bytes of an item of the given duration (at least one frame). */
    public static long length(int durationSeconds) {
        long frames = Math.max(1, (long) durationSeconds * 1000 / FRAME_MILLIS);
        return frames * FRAME_BYTES;
    }

    /** A seed that tells items apart; the same item always gives the same bytes. */
    public static long seed(String item) {
        long h = 0xcbf29ce484222325L;
        for (byte b : item.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** Writes the bytes at {@code offset..offset+length} of the stream with this seed into {@code out}. */
    public static void fill(long seed, long offset, byte[] out, int at, int length) {
        for (int i = 0; i < length; i++) {
            out[at + i] = byteAt(seed, offset + i);
        }
    }

    public static byte byteAt(long seed, long offset) {
        long frame = offset / FRAME_BYTES;
        int inFrame = (int) (offset % FRAME_BYTES);
        if (inFrame < HEADER.length) {
            return HEADER[inFrame];
        }
        if (inFrame < PAYLOAD_START) {
            return 0;
        }
        long x = seed ^ (frame * 0x9E3779B97F4A7C15L) ^ inFrame;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 29;
        return (byte) x;
    }

    /** Whether {@code bytes} starts at a frame boundary of this format (what a player's decoder looks for). */
    public static boolean startsWithFrame(byte[] bytes) {
        return bytes.length >= HEADER.length && bytes[0] == HEADER[0] && bytes[1] == HEADER[1] && bytes[2] == HEADER[2];
    }
}
