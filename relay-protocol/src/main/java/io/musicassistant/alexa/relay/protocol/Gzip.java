package io.musicassistant.alexa.relay.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Compression for large relay replies and cached track lists, with a bound on what a peer can inflate. */
public final class Gzip {

    private Gzip() {}

    public static byte[] compress(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, text.length() / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Inflates at most {@code maxBytes}; a larger (or corrupt) payload is a {@link ProtocolException}. */
    public static String decompress(byte[] data, int maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            byte[] result = in.readNBytes(maxBytes + 1);
            if (result.length > maxBytes) {
                throw new ProtocolException("compressed payload inflates beyond " + maxBytes + " bytes");
            }
            return new String(result, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProtocolException("corrupt compressed payload", e);
        }
    }
}
