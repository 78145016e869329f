package io.musicassistant.alexa.connector.slimproto;

import io.musicassistant.alexa.connector.audio.Acquisition;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A virtual player's fetch of the stream MA named in its {@code strm s} command: the HTTP request
 * MA's Slimproto server wrote for it, the answer's headers, then the body as it arrives. Along the
 * way it reports the {@code STAT} events a real player sends, which is how MA follows the item's
 * progress.
 */
final class StreamFetch {

    private static final Duration READ_STALL = Duration.ofSeconds(30);
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private StreamFetch() {}

    /** Fetches the stream MA named; the bytes received if it ended by itself, −1 if the sink declined more. */
    static long fetch(
            SlimprotoClient client, StreamStart start, Acquisition.Sink sink, AtomicReference<Socket> connection)
            throws IOException {
        long received = 0;
        try (Socket http = new Socket()) {
            connection.set(http);
            http.connect(new InetSocketAddress(start.host(client.host()), start.serverPort()), 5000);
            http.setSoTimeout((int) READ_STALL.toMillis());
            client.stat("STMc", 0);
            OutputStream out = http.getOutputStream();
            out.write(start.request().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // Buffered: the headers are read byte by byte to find their end, the body in chunks after them.
            InputStream in = new BufferedInputStream(http.getInputStream(), CHUNK);
            String headers = readHeaders(in);
            client.responseHeaders(headers);
            int status = status(headers);
            if (status != 200) {
                throw new IOException("Music Assistant's stream answered HTTP " + status + " for " + start.path());
            }
            sink.begin(header(headers, "content-type", "audio/mpeg"), length(header(headers, "content-length", "-1")));
            byte[] buffer = new byte[CHUNK];
            boolean loaded = false;
            int n;
            while ((n = in.read(buffer)) > 0) {
                received += n;
                if (!sink.accept(ByteBuffer.wrap(buffer, 0, n))) {
                    client.stat("STMf", received);
                    return -1;
                }
                if (!loaded && received >= CHUNK) {
                    loaded = true;
                    client.stat("STMt", received);
                    client.stat("STMl", received); // buffer ready: MA answers "strm u" and counts the item as playing
                }
            }
        }
        return received;
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Music Assistant closed the stream before its headers");
            }
            headers.append((char) b);
            if (headers.length() > MAX_HEADER_BYTES) {
                throw new IOException("stream headers too long");
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : (b == '\r' ? 1 : 0);
        }
        return headers.toString();
    }

    private static long length(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int status(String headers) {
        String[] first =
                headers.substring(0, Math.max(0, headers.indexOf('\r'))).split(" ");
        try {
            return first.length > 1 ? Integer.parseInt(first[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String header(String headers, String name, String fallback) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return fallback;
    }

    static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
