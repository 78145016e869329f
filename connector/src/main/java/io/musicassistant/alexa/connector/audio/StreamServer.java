package io.musicassistant.alexa.connector.audio;

import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * What Echo devices fetch: {@code GET|HEAD …/stream/v1/<ref>?exp=…&sig=…} (audio, with Range),
 * {@code …/art/v1/<ref>} (cover art Music Assistant only serves on the LAN) and
 * {@code …/selftest/v1/<ref>} (the reachability check). Anything before {@code /stream/} is ignored,
 * so a reverse proxy may publish the connector under a path prefix and forward it or strip it.
 *
 * <p>A tampered or expired URL gets 403 without saying which. A track still downloading is served
 * as it arrives: from the start without a length, or, for a range further in, once it is complete.
 *
 * <p>The server faces the internet, where anyone can open connections without a signed URL: it runs
 * on Jetty, whose waiting connections hold no thread, behind a {@link ConnectionGuard} (connection
 * caps per address and in all, a deadline for the TLS handshake and request header) with the
 * {@link StreamLimits} it is given (docs/decisions.md, issue 12).
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
    /** How often the certificate files are looked at for a renewal, and the guard's refusals logged. */
    static final Duration HOUSEKEEPING = Duration.ofMinutes(1);
    private static final int CHUNK = 64 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorScheduler scheduler;
    private final ConnectionGuard guard;
    private final StreamLimits limits;
    private final Optional<ServerCertificate> certificate;
    private final SslContextFactory.Server tls;
    private final StreamSigner signer;
    private final Acquisition audio;
    private final ArtProxy art;

    /**
     * @param certificate when present the server speaks HTTPS itself (and picks up a renewed
     *     certificate without a restart); otherwise a reverse proxy or tunnel in front terminates TLS
     */
    public StreamServer(InetSocketAddress address, Optional<ServerCertificate> certificate, StreamLimits limits,
                        StreamSigner signer, Acquisition audio, ArtProxy art) {
        this.certificate = certificate;
        this.limits = limits;
        this.signer = signer;
        this.audio = audio;
        this.art = art;
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 2);
        threads.setName("stream");
        server = new Server(threads);
        scheduler = new ScheduledExecutorScheduler("stream-timer", true);
        server.addBean(scheduler);
        guard = new ConnectionGuard(limits, scheduler);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        if (certificate.isPresent()) {
            tls = new SslContextFactory.Server();
            tls.setSslContext(certificate.get().initial());
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, http11.getProtocol()), http11);
        } else {
            tls = null;
            connector = new ServerConnector(server, 1, 1, http11);
        }
        InetAddress host = address.getAddress();
        connector.setHost(host == null ? address.getHostString() : host.getHostAddress());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(256);
        connector.addBean(guard); // every connection of this connector reports to it
        server.addConnector(connector);
        server.setHandler(new Routes());
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new UncheckedIOException("cannot listen for stream requests on " + address,
                    e instanceof IOException io ? io : new IOException(e));
        }
        housekeeping();
        LOG.info("stream.listening", "port", port(), "tls", certificate.isPresent(), "limits", limits.toString());
    }

    public int port() {
        return connector.getLocalPort();
    }

    public StreamLimits limits() {
        return limits;
    }

    /** Open connections from {@code address} (its /64 for IPv6), for tests. */
    int connectionsFrom(InetAddress address) {
        return guard.connectionsFrom(address);
    }

    /** Looks at the certificate files now (the server does so every minute): true if it serves a renewed certificate. */
    boolean reloadCertificate() {
        Optional<javax.net.ssl.SSLContext> renewed = certificate.flatMap(ServerCertificate::renewed);
        if (renewed.isEmpty()) {
            return false;
        }
        try {
            tls.reload(factory -> factory.setSslContext(renewed.get()));
            return true;
        } catch (Exception e) {
            LOG.warn("stream.certificate_reload_failed", "error", e.getClass().getSimpleName());
            return false;
        }
    }

    private void housekeeping() {
        scheduler.schedule(() -> {
            if (!server.isRunning()) {
                return;
            }
            try {
                reloadCertificate();
                guard.report();
            } finally {
                housekeeping();
            }
        }, HOUSEKEEPING.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One request: Jetty calls this on a pool thread once the request header is complete, and the
     * answer is written blocking (waiting for audio included); a failure after the answer started
     * cuts the connection, so a short body never ends as if it were whole.
     */
    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
            guard.handling(remote);
            Throwable failure = null;
            try {
                route(new Exchange(request, response, request.getMethod().equals("HEAD")));
            } catch (IOException e) {
                LOG.debug("stream.client_gone", "error", e.getMessage()); // Echo closed the connection: seeking, skipping
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (RuntimeException e) {
                LOG.warn("stream.failed", e);
                failure = e;
            }
            // Armed before Jetty may read the next request on this connection (it does once the callback completes).
            guard.answered(remote);
            if (failure == null) {
                callback.succeeded();
            } else {
                callback.failed(failure);
            }
            return true;
        }
    }

    /** A request and its answer, written blocking. */
    private record Exchange(Request request, Response response, boolean head) {
        HttpFields.Mutable headers() {
            return response.getHeaders();
        }

        /** Sets the status and, when known, the length; the body follows through {@link #body()}. */
        void status(int status, long length) {
            response.setStatus(status);
            if (length >= 0) {
                headers().put(HttpHeader.CONTENT_LENGTH, length);
            }
        }

        /** The body; closing it ends the answer normally, so a failed one is never closed. */
        OutputStream body() {
            return Content.Sink.asOutputStream(response);
        }

        void text(int status, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            headers().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            if (head) {
                status(status, -1);
                return;
            }
            status(status, bytes.length);
            try (OutputStream out = body()) {
                out.write(bytes);
            }
        }
    }

    private void route(Exchange exchange) throws IOException, InterruptedException {
        String method = exchange.request().getMethod();
        if (!exchange.head() && !method.equals("GET")) {
            exchange.headers().put(HttpHeader.ALLOW, "GET, HEAD");
            exchange.text(405, "method not allowed");
            return;
        }
        String path = exchange.request().getHttpURI().getPath();
        if (path == null) {
            exchange.text(404, "not found");
            return;
        }
        if (path.equals("/health")) {
            exchange.text(200, "ok");
            return;
        }
        Matcher route = ROUTE.matcher(path);
        if (!route.matches()) {
            exchange.text(404, "not found");
            return;
        }
        Map<String, String> query = query(exchange.request().getHttpURI().getQuery());
        String kind = route.group(1);
        Optional<String> named = signer.verify(kind + "/v1/" + route.group(2), query.get("exp"), query.get("sig"));
        if (named.isEmpty()) {
            exchange.text(403, "forbidden");
            return;
        }
        Optional<ByteRange.Request> range = ByteRange.parse(exchange.request().getHeaders().get(HttpHeader.RANGE));
        switch (kind) {
            case "stream" -> stream(exchange, named.get(), range);
            case "art" -> art(exchange, named.get());
            default -> selfTest(exchange, named.get(), range);
        }
    }

    private void stream(Exchange exchange, String uri, Optional<ByteRange.Request> range)
            throws IOException, InterruptedException {
        if (!StreamSigner.MA_URI.matcher(uri).matches()) {
            exchange.text(403, "forbidden");
            return;
        }
        if (Acquisition.isLive(uri)) {
            live(exchange, uri);
            return;
        }
        CachedTrack track = audio.track(uri);
        try {
            serveTrack(exchange, track, range);
        } finally {
            audio.release(track);
        }
    }

    private static void serveTrack(Exchange exchange, CachedTrack track, Optional<ByteRange.Request> range)
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
    private void live(Exchange exchange, String uri) throws IOException, InterruptedException {
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

    private void art(Exchange exchange, String named) throws IOException, InterruptedException {
        switch (art.fetch(named)) {
            case ArtProxy.Answer.Refused refused -> exchange.text(refused.status(), refused.text());
            case ArtProxy.Answer.Image image -> {
                exchange.headers().put(HttpHeader.CONTENT_TYPE, image.contentType());
                exchange.headers().put(HttpHeader.CACHE_CONTROL, "public, max-age=604800");
                exchange.status(200, image.bytes().length);
                if (!exchange.head()) {
                    try (OutputStream out = exchange.body()) {
                        out.write(image.bytes());
                    }
                }
            }
        }
    }

    /** A small body named by the signed ref, with Range: proves the public base reaches this server whole. */
    private static void selfTest(Exchange exchange, String named, Optional<ByteRange.Request> range) throws IOException {
        if (!named.startsWith(SELFTEST_PREFIX)) {
            exchange.text(403, "forbidden");
            return;
        }
        byte[] body = selfTestBody(named.substring(SELFTEST_PREFIX.length()));
        HttpFields.Mutable headers = exchange.headers();
        headers.put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        headers.put(HttpHeader.ACCEPT_RANGES, "bytes");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        ByteRange bytes = new ByteRange(0, body.length - 1);
        int status = 200;
        Optional<ByteRange> wanted = range.flatMap(r -> ByteRange.resolve(r, body.length));
        if (wanted.isPresent()) {
            bytes = wanted.get();
            status = 206;
            headers.put(HttpHeader.CONTENT_RANGE, bytes.contentRange(body.length));
        }
        exchange.status(status, bytes.length());
        if (!exchange.head()) {
            try (OutputStream out = exchange.body()) {
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
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stream.stop_failed", "error", e.getClass().getSimpleName());
        }
    }
}
