package io.musicassistant.alexa.local;

import io.musicassistant.alexa.masim.audio.Mp3Audio;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * Fetches audio the way an Echo does: straight from the stream URL the skill handed out, over
 * HTTPS, as {@code Echo/1.0}, with or without a Range; and checks that the bytes are the right
 * ones (the MA simulator's audio is computable from the track's uri and the offset).
 */
final class EchoDevice implements AutoCloseable {

    private final HttpClient http;
    private final Duration timeout;

    EchoDevice(SSLContext trust) {
        this(trust, Duration.ofSeconds(30)); // until the answer's head; the stream server cuts stalls itself
    }

    /** An Echo that gives up on a connection or an answer's head after {@code timeout}. */
    EchoDevice(SSLContext trust, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .sslContext(trust)
                .connectTimeout(timeout)
                .build();
        this.timeout = timeout;
    }

    @Override
    public void close() {
        http.close();
    }

    /**
     * One fetch. {@code correct}: every byte is what Music Assistant's stream of that track holds at
     * that offset; {@code firstByteNanos} counts from the request to the first body byte.
     */
    record Fetched(
            int status,
            long bytes,
            long firstByteNanos,
            long totalNanos,
            String contentRange,
            String contentType,
            boolean correct) {}

    Fetched fetch(String url, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("User-Agent", "Echo/1.0(APNG)")
                .timeout(timeout);
        if (range != null) {
            request.header("Range", range);
        }
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            long offset = range == null ? 0 : Long.parseLong(range.substring("bytes=".length(), range.indexOf('-')));
            long seed = Mp3Audio.seed(uriOf(url));
            byte[] buffer = new byte[64 * 1024];
            byte[] expected = new byte[buffer.length];
            long firstByte = 0;
            long total = 0;
            boolean correct = response.statusCode() / 100 == 2;
            try (InputStream in = response.body()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (firstByte == 0) {
                        firstByte = System.nanoTime() - started;
                    }
                    Mp3Audio.fill(seed, offset + total, expected, 0, n);
                    correct &= Arrays.equals(buffer, 0, n, expected, 0, n);
                    total += n;
                }
            }
            return new Fetched(
                    response.statusCode(),
                    total,
                    firstByte,
                    System.nanoTime() - started,
                    response.headers().firstValue("Content-Range").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null),
                    correct && total > 0);
        } catch (IOException e) {
            throw new UncheckedIOException("fetching " + url.split("\\?", 2)[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Music Assistant uri a stream URL names (its path ends in the base64url of it). */
    static String uriOf(String url) {
        String path = URI.create(url).getPath();
        return new String(
                Base64.getUrlDecoder().decode(path.substring(path.lastIndexOf('/') + 1)), StandardCharsets.UTF_8);
    }
}
