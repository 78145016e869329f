package io.musicassistant.alexa.connector.audio;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.log.JsonLog;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * What Echo devices fetch: {@code GET|HEAD …/stream/v1/<ref>?exp=…&sig=…} (audio, with Range),
 * {@code …/art/v1/<ref>} (cover art Music Assistant only serves on the LAN) and
 * {@code …/selftest/v1/<ref>} (the reachability check). Anything before {@code /stream/} is ignored,
 * so a reverse proxy may publish the connector under a path prefix and forward it or strip it.
 *
 * <p>A tampered or expired URL gets 403 without saying which. A track still downloading is served
 * as it arrives: from the start without a length, or, for a range further in, once it is complete.
 */
public final class StreamServer implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(StreamServer.class);
    private static final Pattern ROUTE = Pattern.compile("(?:/.*)?/(stream|art|selftest)/v1/([A-Za-z0-9_-]{1,2800})");
    static final String SELFTEST_PREFIX = "selftest\n";
    /** Music Assistant may take a while to start a streaming service's track. */
    static final Duration FIRST_BYTE_PATIENCE = Duration.ofSeconds(20);
    /**
     * A range into a track still arriving waits this long for the whole track (own files arrive in
     * seconds); after that it gets what has arrived so far (Music Assistant paces streaming services).
     */
    static final Duration RANGE_PATIENCE = Duration.ofSeconds(10);
    private static final int CHUNK = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final StreamSigner signer;
    private final Acquisition audio;
    private final ArtProxy art;

    /**
     * @param tls when present the server speaks HTTPS itself; otherwise a reverse proxy or tunnel in
     *     front terminates TLS
     */
    public StreamServer(InetSocketAddress address, Optional<SSLContext> tls, StreamSigner signer, Acquisition audio,
                        ArtProxy art) {
        this.signer = signer;
        this.audio = audio;
        this.art = art;
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("stream-", 0).factory());
        try {
            if (tls.isPresent()) {
                HttpsServer https = HttpsServer.create(address, 128);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
                server = https;
            } else {
                server = HttpServer.create(address, 128);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for stream requests on " + address, e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("stream.listening", "port", port(), "tls", tls.isPresent());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                text(exchange, 405, "method not allowed");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/health")) {
                text(exchange, 200, "ok");
                return;
            }
            Matcher route = ROUTE.matcher(path);
            if (!route.matches()) {
                text(exchange, 404, "not found");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String kind = route.group(1);
            Optional<String> named = signer.verify(kind + "/v1/" + route.group(2), query.get("exp"), query.get("sig"));
            if (named.isEmpty()) {
                text(exchange, 403, "forbidden");
                return;
            }
            Optional<ByteRange.Request> range = ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"));
            switch (kind) {
                case "stream" -> stream(exchange, head, named.get(), range);
                case "art" -> art.serve(exchange, head, named.get());
                default -> selfTest(exchange, head, named.get(), range);
            }
        } catch (IOException e) {
            LOG.debug("stream.client_gone", "error", e.getMessage()); // Echo closed the connection: seeking, skipping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("stream.failed", e);
        }
    }

    private void stream(HttpExchange exchange, boolean head, String uri, Optional<ByteRange.Request> range)
            throws IOException, InterruptedException {
        if (!StreamSigner.MA_URI.matcher(uri).matches()) {
            text(exchange, 403, "forbidden");
            return;
        }
        if (Acquisition.isLive(uri)) {
            live(exchange, head, uri);
            return;
        }
        CachedTrack track = audio.track(uri);
        try {
            serveTrack(exchange, head, track, range);
        } finally {
            audio.release(track);
        }
    }

    private void serveTrack(HttpExchange exchange, boolean head, CachedTrack track, Optional<ByteRange.Request> range)
            throws IOException, InterruptedException {
        try {
            track.awaitAvailable(0, FIRST_BYTE_PATIENCE);
        } catch (IOException e) {
            LOG.warn("stream.no_audio", "key", track.key(), "error", e.getMessage());
            exchange.getResponseHeaders().set("Retry-After", "5");
            text(exchange, 503, "audio not available");
            return;
        }
        long total = track.length();
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", track.contentType());
        headers.set("Accept-Ranges", "bytes");
        headers.set("Cache-Control", "private, max-age=3600");
        if (total < 0 && range.isPresent() && !ByteRange.wholeFromStart(range.get())) {
            if (!track.awaitComplete(RANGE_PATIENCE)) {
                partial(exchange, head, track, range.get());
                return;
            }
            total = track.length();
        }
        if (total < 0) {
            // Still arriving and Music Assistant announced no length: stream it, chunked, as it comes.
            exchange.sendResponseHeaders(200, head ? -1 : 0);
            if (!head) {
                copy(exchange, track, 0, Long.MAX_VALUE);
            }
            return;
        }
        ByteRange bytes = new ByteRange(0, total - 1);
        int status = 200;
        if (range.isPresent()) {
            Optional<ByteRange> wanted = ByteRange.resolve(range.get(), total);
            if (wanted.isEmpty()) {
                headers.set("Content-Range", "bytes */" + total);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            bytes = wanted.get();
            status = 206;
            headers.set("Content-Range", bytes.contentRange(total));
        }
        if (head) {
            headers.set("Content-Length", Long.toString(bytes.length()));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length());
        copy(exchange, track, bytes.first(), bytes.length());
    }

    /**
     * A range into a track that is still arriving slowly: what is on disk from its start, with the
     * complete length unknown ({@code bytes a-b/*}, RFC 9110 §14.4).
     */
    private static void partial(HttpExchange exchange, boolean head, CachedTrack track, ByteRange.Request request)
            throws IOException, InterruptedException {
        long first = switch (request) {
            case ByteRange.Request.From from -> from.first();
            case ByteRange.Request.Suffix suffix -> -1;
        };
        if (first < 0) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            text(exchange, 503, "the end of this track has not arrived yet");
            return;
        }
        long available;
        try {
            available = track.awaitAvailable(first, FIRST_BYTE_PATIENCE);
        } catch (IOException e) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            text(exchange, 503, "audio not available");
            return;
        }
        if (available == 0) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + track.length());
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        long wanted = request instanceof ByteRange.Request.From from ? from.last() - first + 1 : available;
        ByteRange bytes = new ByteRange(first, first + Math.min(available, wanted) - 1);
        exchange.getResponseHeaders().set("Content-Range", "bytes " + bytes.first() + "-" + bytes.last() + "/*");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(bytes.length()));
            exchange.sendResponseHeaders(206, -1);
            return;
        }
        exchange.sendResponseHeaders(206, bytes.length());
        copy(exchange, track, bytes.first(), bytes.length());
    }

    /**
     * Copies bytes of a track, waiting for those that have not arrived yet. If the copy fails (the
     * download was cut, the cache file went wrong), the response is cut too: a chunked body must
     * not end normally, or the Echo would take a short track for a whole one.
     */
    private static void copy(HttpExchange exchange, CachedTrack track, long from, long count)
            throws IOException, InterruptedException {
        CuttableBody out = new CuttableBody(exchange.getResponseBody());
        exchange.setStreams(null, out); // the exchange's own close then goes through it
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
        } catch (IOException | InterruptedException | RuntimeException e) {
            out.cut();
            throw e;
        }
        out.close();
    }

    /** A response body whose close, once cut, fails: the server then drops the connection instead of ending the body. */
    private static final class CuttableBody extends FilterOutputStream {
        private boolean cut;

        CuttableBody(OutputStream out) {
            super(out);
        }

        void cut() {
            cut = true;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (cut) {
                throw new IOException("response cut");
            }
            super.close();
        }
    }

    /** Live radio: Music Assistant's stream, chunked, for as long as the listener stays. */
    private void live(HttpExchange exchange, boolean head, String uri) throws IOException, InterruptedException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        if (head) {
            headers.set("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        boolean[] started = {false};
        StallGuard guard = new StallGuard(exchange);
        try {
            audio.live(uri, new Acquisition.Sink() {
                @Override
                public void begin(String contentType, long length) throws IOException {
                    headers.set("Content-Type", contentType);
                    exchange.sendResponseHeaders(200, 0);
                    started[0] = true;
                }

                @Override
                public boolean accept(ByteBuffer bytes) {
                    try {
                        guard.writing(true);
                        exchange.getResponseBody().write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                        return true;
                    } catch (IOException e) {
                        return false; // the listener went away: stop the station
                    } finally {
                        guard.writing(false);
                    }
                }
            });
        } catch (IOException e) {
            if (started[0]) {
                throw e;
            }
            LOG.warn("stream.live_failed", "error", e.getMessage());
            headers.set("Retry-After", "5");
            text(exchange, 503, "station not available");
        } finally {
            guard.close();
        }
    }

    /**
     * Ends a live response whose listener stopped reading but kept the connection: a write blocked
     * longer than {@link #STALL} closes the exchange, and the virtual player goes back to the pool.
     */
    private static final class StallGuard implements AutoCloseable {
        static final Duration STALL = Duration.ofSeconds(30);
        private final HttpExchange exchange;
        private volatile long writingSince;
        private volatile boolean done;
        private final Thread watcher;

        StallGuard(HttpExchange exchange) {
            this.exchange = exchange;
            this.watcher = Thread.ofVirtual().name("stream-stall-guard").start(this::watch);
        }

        void writing(boolean now) {
            writingSince = now ? System.nanoTime() : 0;
        }

        private void watch() {
            while (!done) {
                long since = writingSince;
                if (since != 0 && System.nanoTime() - since > STALL.toNanos()) {
                    LOG.info("stream.listener_stalled");
                    exchange.close();
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            done = true;
            watcher.interrupt();
        }
    }

    /** A small body named by the signed ref, with Range: proves the public base reaches this server whole. */
    private void selfTest(HttpExchange exchange, boolean head, String named, Optional<ByteRange.Request> range)
            throws IOException {
        if (!named.startsWith(SELFTEST_PREFIX)) {
            text(exchange, 403, "forbidden");
            return;
        }
        byte[] body = selfTestBody(named.substring(SELFTEST_PREFIX.length()));
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/octet-stream");
        headers.set("Accept-Ranges", "bytes");
        headers.set("Cache-Control", "no-store");
        ByteRange bytes = new ByteRange(0, body.length - 1);
        int status = 200;
        Optional<ByteRange> wanted = range.flatMap(r -> ByteRange.resolve(r, body.length));
        if (wanted.isPresent()) {
            bytes = wanted.get();
            status = 206;
            headers.set("Content-Range", bytes.contentRange(body.length));
        }
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length());
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, (int) bytes.first(), (int) bytes.length());
            }
        }
    }

    static byte[] selfTestBody(String nonce) {
        StringBuilder body = new StringBuilder("music-assistant-alexa connector self-test ").append(nonce).append('\n');
        while (body.length() < 256) {
            body.append(body.length() % 10);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void text(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null || raw.length() > 1024) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    result.putIfAbsent(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException malformed) {
                    // an undecodable value counts as absent: the signature check then refuses the request
                }
            }
        }
        return result;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
