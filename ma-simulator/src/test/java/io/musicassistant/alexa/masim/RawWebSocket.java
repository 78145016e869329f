package io.musicassistant.alexa.masim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * WebSocket framing by hand on a plain socket, for what a library client hides: a client that
 * never answers pings or never reads, and exactly how a connection ends (the JDK's client misses
 * a drop that arrives while it still delivers the frame before; docs/toolchain.md).
 */
final class RawWebSocket {

    private RawWebSocket() {}

    record Frame(int opcode, byte[] payload) {}

    /** Writes the upgrade request for {@code /ws}; the answer is read with {@link #readHeaders}. */
    static void upgrade(OutputStream out) throws IOException {
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** A client-to-server text frame (clients must mask). */
    static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        }
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    static String readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            headers.append((char) b);
        }
        return headers.toString();
    }

    /** Reads one unmasked server frame, or null at end of stream. */
    static Frame readFrame(InputStream in) throws IOException {
        int first = in.read();
        int second = first < 0 ? -1 : in.read();
        if (second < 0) {
            return null;
        }
        long length = second & 0x7F;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        byte[] payload = in.readNBytes((int) length);
        return payload.length < length ? null : new Frame(first & 0x0F, payload);
    }

    static String readTextFrame(InputStream in) throws IOException {
        Frame frame = readFrame(in);
        return frame == null ? null : new String(frame.payload(), StandardCharsets.UTF_8);
    }

    /** Connects, authenticates with {@code token} and reads up to the auth answer; false if it never came. */
    static boolean authenticate(OutputStream out, InputStream in, String token) throws IOException {
        upgrade(out);
        out.write(maskedText("{\"message_id\":\"1\",\"command\":\"auth\",\"args\":{\"token\":\"" + token + "\"}}"));
        out.flush();
        if (!readHeaders(in).startsWith("HTTP/1.1 101")) {
            return false;
        }
        String frame;
        do {
            frame = readTextFrame(in);
        } while (frame != null && !frame.contains("\"authenticated\":true"));
        return frame != null;
    }
}
