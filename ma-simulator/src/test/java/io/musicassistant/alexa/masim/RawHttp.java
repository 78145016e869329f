package io.musicassistant.alexa.masim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Sends an HTTP request as raw text, the way squeezelite sends the one it got in {@code strm s}. */
final class RawHttp {

    /** A response with the header block as received and the body up to the end of the connection. */
    record Response(String statusLine, List<String> headerLines, byte[] body, long millis) {

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        Optional<String> header(String name) {
            for (String line : headerLines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return Optional.of(line.substring(colon + 1).strip());
                }
            }
            return Optional.empty();
        }

        String headerBlock() {
            return statusLine + "\r\n" + String.join("\r\n", headerLines) + "\r\n\r\n";
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {}

    /** Sends {@code request} verbatim and reads at most {@code maxBody} bytes of the body. */
    static Response send(int port, String request, long maxBody) {
        long started = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed in the header block: " + head);
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (body.size() < maxBody) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBody - body.size()));
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
            }
            return new Response(lines[0], headers, body.toByteArray(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response send(int port, String request) {
        return send(port, request, Long.MAX_VALUE);
    }

    static String get(String path, int port) {
        return "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
    }

    static boolean hasHeader(Response response, String name) {
        return response.headerLines().stream()
                .anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"));
    }
}
