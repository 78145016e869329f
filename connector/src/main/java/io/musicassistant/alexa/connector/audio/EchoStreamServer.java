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
 * The server Echo devices fetch audio from (not Music Assistant's own stream server, which feeds
 * the connector's virtual players): {@code GET|HEAD …/stream/v1/<ref>?exp=…&sig=…} (audio, with Range),
 * {@code …/art/v1/<ref>} (cover art Music Assistant only serves on the LAN) and
 * {@code …/selftest/v1/<ref>} (the reachability check). Anything before {@code /stream/} is ignored,
 * so a reverse proxy may publish the connector under a path prefix and forward it or strip it.
 *
 * <p>A tampered or expired URL gets 403 without saying which. A track still downloading is served
 * as it arrives: from the start without a length, or, for a range further in, once it is complete
 * ({@link AudioAnswers}).
 *
 * <p>The server faces the internet, where anyone can open connections without a signed URL: it runs
 * on Jetty, whose waiting connections hold no thread, behind a {@link ConnectionGuard} (connection
 * caps per address and in all, a deadline for the TLS handshake and request header) with the
 * {@link StreamLimits} it is given (docs/decisions.md, issue 12).
 */
public final class EchoStreamServer implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(EchoStreamServer.class);
    private static final Pattern ROUTE = Pattern.compile("(?:/.*)?/(stream|art|selftest)/v1/([A-Za-z0-9_-]{1,2800})");
    static final String SELFTEST_PREFIX = "selftest\n";
    /** How often the certificate files are looked at for a renewal, and the guard's refusals logged. */
    static final Duration HOUSEKEEPING = Duration.ofMinutes(1);

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
    public EchoStreamServer(
            InetSocketAddress address,
            Optional<ServerCertificate> certificate,
            StreamLimits limits,
            StreamSigner signer,
            Acquisition audio,
            ArtProxy art) {
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
            throw new UncheckedIOException(
                    "cannot listen for stream requests on " + address,
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
        scheduler.schedule(
                () -> {
                    if (!server.isRunning()) {
                        return;
                    }
                    try {
                        reloadCertificate();
                        guard.report();
                    } finally {
                        housekeeping();
                    }
                },
                HOUSEKEEPING.toMillis(),
                TimeUnit.MILLISECONDS);
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
                LOG.debug(
                        "stream.client_gone", "error", e.getMessage()); // Echo closed the connection: seeking, skipping
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
        Optional<ByteRange.Request> range =
                ByteRange.parse(exchange.request().getHeaders().get(HttpHeader.RANGE));
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
            AudioAnswers.live(exchange, audio, uri);
            return;
        }
        CachedTrack track = audio.track(uri);
        try {
            AudioAnswers.track(exchange, track, range);
        } finally {
            audio.release(track);
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
    private static void selfTest(Exchange exchange, String named, Optional<ByteRange.Request> range)
            throws IOException {
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
        StringBuilder body = new StringBuilder("music-assistant-alexa connector self-test ")
                .append(nonce)
                .append('\n');
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
                    result.putIfAbsent(
                            pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
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
