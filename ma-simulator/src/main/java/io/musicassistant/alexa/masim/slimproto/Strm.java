package io.musicassistant.alexa.masim.slimproto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The {@code strm} command: 24 bytes packed as {@code "!cc5sBcBcBBBLHL"} plus the HTTP request
 * (aioslimproto {@code _send_strm}; squeezelite {@code strm_packet} in slimproto.h @0c1d5052).
 *
 * <p>{@link #of} gives MA's values: aioslimproto's defaults (autostart '0', codec "p1321", flags
 * 0x20) with the thresholds MA's squeezelite player patches in for every strm (threshold 64 KB,
 * output threshold 1, {@code _patched_send_strm} in providers/squeezelite/player.py @01af2f4e).
 *
 * @param replayGain command-dependent: heartbeat id for 't', jiffies for 'u', ms for 'p'/'a'
 * @param serverIp IPv4 as an unsigned 32-bit value; 0 means the host of the control connection
 */
public record Strm(
        char command,
        char autostart,
        String codec,
        int threshold,
        char spdif,
        int transitionDuration,
        char transitionType,
        int flags,
        int outputThreshold,
        long replayGain,
        int serverPort,
        long serverIp,
        String httpRequest) {

    public static final int HEADER_BYTES = 24;

    public Strm {
        if (codec.length() != 5) {
            throw new IllegalArgumentException("codec details are 5 characters: " + codec);
        }
    }

    public static Strm of(char command) {
        return new Strm(command, '0', "p1321", 64, '0', 0, '0', 0x20, 1, 0, 0, 0, "");
    }

    public Strm withAutostart(char value) {
        return new Strm(
                command,
                value,
                codec,
                threshold,
                spdif,
                transitionDuration,
                transitionType,
                flags,
                outputThreshold,
                replayGain,
                serverPort,
                serverIp,
                httpRequest);
    }

    public Strm withFlags(int value) {
        return new Strm(
                command,
                autostart,
                codec,
                threshold,
                spdif,
                transitionDuration,
                transitionType,
                value,
                outputThreshold,
                replayGain,
                serverPort,
                serverIp,
                httpRequest);
    }

    public Strm withReplayGain(long value) {
        return new Strm(
                command,
                autostart,
                codec,
                threshold,
                spdif,
                transitionDuration,
                transitionType,
                flags,
                outputThreshold,
                value,
                serverPort,
                serverIp,
                httpRequest);
    }

    /** A stream start: codec details, where to connect and what to send there. */
    public Strm withStream(String codecDetails, int port, long ip, String request) {
        return new Strm(
                command,
                autostart,
                codecDetails,
                threshold,
                spdif,
                transitionDuration,
                transitionType,
                flags,
                outputThreshold,
                replayGain,
                port,
                ip,
                request);
    }

    public byte[] payload() {
        byte[] request = httpRequest.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + request.length);
        b.put((byte) command).put((byte) autostart).put(codec.getBytes(StandardCharsets.US_ASCII));
        b.put((byte) threshold).put((byte) spdif).put((byte) transitionDuration).put((byte) transitionType);
        b.put((byte) flags).put((byte) outputThreshold).put((byte) 0);
        b.putInt((int) replayGain).putShort((short) serverPort).putInt((int) serverIp);
        b.put(request);
        return b.array();
    }

    /** Reads a strm payload (the reverse of {@link #payload}); for tests and tools. */
    public static Strm parse(byte[] payload) {
        if (payload.length < HEADER_BYTES) {
            throw new IllegalArgumentException("strm payload shorter than 24 bytes: " + payload.length);
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        char command = (char) b.get();
        char autostart = (char) b.get();
        byte[] codec = new byte[5];
        b.get(codec);
        int threshold = b.get() & 0xff;
        char spdif = (char) b.get();
        int transitionDuration = b.get() & 0xff;
        char transitionType = (char) b.get();
        int flags = b.get() & 0xff;
        int outputThreshold = b.get() & 0xff;
        b.get();
        long replayGain = b.getInt() & 0xffffffffL;
        int port = b.getShort() & 0xffff;
        long ip = b.getInt() & 0xffffffffL;
        String request = new String(payload, HEADER_BYTES, payload.length - HEADER_BYTES, StandardCharsets.ISO_8859_1);
        return new Strm(
                command,
                autostart,
                new String(codec, StandardCharsets.US_ASCII),
                threshold,
                spdif,
                transitionDuration,
                transitionType,
                flags,
                outputThreshold,
                replayGain,
                port,
                ip,
                request);
    }
}
