package io.musicassistant.alexa.connector.audio;

import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The stream server's audio answers: a cached track (whole, a range, or as it arrives) and live
 * radio. Everything that waits for audio waits here, on the request's own thread.
 */
final class AudioAnswers {

    private static final JsonLog LOG = JsonLog.get(EchoStreamServer.class);
    /** Music Assistant may take a while to start a streaming service's track. */
    static final Duration FIRST_BYTE_PATIENCE = Duration.ofSeconds(20);
    /**
     * A range into a track still arriving waits this long for the whole track (own files arrive in
     * seconds); after that it gets what has arrived so far (Music Assistant paces streaming services).
     */
    static final Duration RANGE_PATIENCE = Duration.ofSeconds(10);

    private static final int CHUNK = 64 * 1024;

    private AudioAnswers() {}

    static void track(Exchange exchange, CachedTrack track, Optional<ByteRange.Request> range)
            throws IOException, InterruptedException {
        try {
            track.awaitAvailable(0, FIRST_BYTE_PATIENCE);
        } catch (IOException e) {
            LOG.warn("stream.no_audio", "key", track.key(), "error", e.getMessage());
            exchange.headers().put(HttpHeader.RETRY_AFTER, "5");
            exchange.text(503, "audio not available");
            return;
        }
        long total = track.length();
        HttpFields.Mutable headers = exchange.headers();
        headers.put(HttpHeader.CONTENT_TYPE, track.contentType());
        headers.put(HttpHeader.ACCEPT_RANGES, "bytes");
        headers.put(HttpHeader.CACHE_CONTROL, "private, max-age=3600");
        if (total < 0 && range.isPresent() && !ByteRange.wholeFromStart(range.get())) {
            if (!track.awaitComplete(RANGE_PATIENCE)) {
                partial(exchange, track, range.get());
                return;
            }
            total = track.length();
        }
        if (total < 0) {
            // Still arriving and Music Assistant announced no length: stream it, chunked, as it comes.
            exchange.status(200, -1);
            if (!exchange.head()) {
                copy(exchange, track, 0, Long.MAX_VALUE);
            }
            return;
        }
        ByteRange bytes = new ByteRange(0, total - 1);
        int status = 200;
        if (range.isPresent()) {
            Optional<ByteRange> wanted = ByteRange.resolve(range.get(), total);
            if (wanted.isEmpty()) {
                headers.put(HttpHeader.CONTENT_RANGE, "bytes */" + total);
                exchange.status(416, -1);
                return;
            }
            bytes = wanted.get();
            status = 206;
            headers.put(HttpHeader.CONTENT_RANGE, bytes.contentRange(total));
        }
        exchange.status(status, bytes.length());
        if (!exchange.head()) {
            copy(exchange, track, bytes.first(), bytes.length());
        }
    }

    /**
     * A range into a track that is still arriving slowly: what is on disk from its start, with the
     * complete length unknown ({@code bytes a-b/*}, RFC 9110 §14.4).
     */
    private static void partial(Exchange exchange, CachedTrack track, ByteRange.Request request)
            throws IOException, InterruptedException {
        long first = switch (request) {
            case ByteRange.Request.From from -> from.first();
            case ByteRange.Request.Suffix suffix -> -1;
        };
        if (first < 0) {
            exchange.headers().put(HttpHeader.RETRY_AFTER, "5");
            exchange.text(503, "the end of this track has not arrived yet");
            return;
        }
        long available;
        try {
            available = track.awaitAvailable(first, FIRST_BYTE_PATIENCE);
        } catch (IOException e) {
            exchange.headers().put(HttpHeader.RETRY_AFTER, "5");
            exchange.text(503, "audio not available");
            return;
        }
        if (available == 0) {
            exchange.headers().put(HttpHeader.CONTENT_RANGE, "bytes */" + track.length());
            exchange.status(416, -1);
            return;
        }
        long wanted = request instanceof ByteRange.Request.From from ? from.last() - first + 1 : available;
        ByteRange bytes = new ByteRange(first, first + Math.min(available, wanted) - 1);
        exchange.headers().put(HttpHeader.CONTENT_RANGE, "bytes " + bytes.first() + "-" + bytes.last() + "/*");
        exchange.status(206, bytes.length());
        if (!exchange.head()) {
            copy(exchange, track, bytes.first(), bytes.length());
        }
    }

    /**
     * Copies bytes of a track, waiting for those that have not arrived yet. If the copy fails (the
     * download was cut, the cache file went wrong), the body is not closed and the failure reaches
     * Jetty, which then drops the connection: a chunked body must not end normally, or the Echo
     * would take a short track for a whole one.
     */
    private static void copy(Exchange exchange, CachedTrack track, long from, long count)
            throws IOException, InterruptedException {
        OutputStream out = exchange.body();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        try (FileChannel file = track.openForReading()) {
            long position = from;
            long left = count;
            while (left > 0) {
                long available = track.awaitAvailable(position, FIRST_BYTE_PATIENCE);
                if (available == 0) {
                    break; // the end of a complete track
                }
                buffer.clear().limit((int) Math.min(Math.min(available, left), CHUNK));
                int read = file.read(buffer, position);
                if (read <= 0) {
                    throw new IOException("cache file shorter than recorded");
                }
                out.write(buffer.array(), 0, read);
                position += read;
                left -= read;
            }
        }
        out.close();
    }

    /**
     * Live radio: Music Assistant's stream, chunked, for as long as the listener stays. A listener
     * that stops reading but keeps the connection fails the blocked write after the idle timeout,
     * and the virtual player goes back to the pool.
     */
    static void live(Exchange exchange, Acquisition audio, String uri) throws IOException, InterruptedException {
        HttpFields.Mutable headers = exchange.headers();
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        if (exchange.head()) {
            headers.put(HttpHeader.CONTENT_TYPE, "audio/mpeg");
            exchange.status(200, -1);
            return;
        }
        OutputStream[] body = {null};
        try {
            audio.live(uri, new Acquisition.Sink() {
                @Override
                public void begin(String contentType, long length) {
                    headers.put(HttpHeader.CONTENT_TYPE, contentType);
                    exchange.status(200, -1);
                    body[0] = exchange.body();
                }

                @Override
                public boolean accept(ByteBuffer bytes) {
                    try {
                        body[0].write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                        return true;
                    } catch (IOException e) {
                        return false; // the listener went away: stop the station
                    }
                }
            });
        } catch (IOException e) {
            if (body[0] != null) {
                throw e;
            }
            LOG.warn("stream.live_failed", "error", e.getMessage());
            headers.put(HttpHeader.RETRY_AFTER, "5");
            exchange.text(503, "station not available");
            return;
        }
        if (body[0] != null) {
            body[0].close();
        }
    }
}
