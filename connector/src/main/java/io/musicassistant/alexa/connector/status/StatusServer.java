package io.musicassistant.alexa.connector.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.musicassistant.alexa.connector.echo.EchoPlayers;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The connector's status page (docs/status-page.md) on the JDK's HTTP server: {@code GET ./} the
 * page, {@code ./api/status} the status as JSON, {@code ./api/events} the same as server-sent events
 * on every change, and {@code POST ./api/stream-check}, the one request that does something (runs
 * the stream check again). Links are relative: Home Assistant ingress serves it under a path of its own.
 */
public final class StatusServer implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(StatusServer.class);
    /** Event streams open at once; a page holds one, a few people with a few tabs stay far below. */
    static final int MAX_STREAMS = 16;
    /** Requests handled at once (virtual threads); more wait in the listen backlog. */
    static final int MAX_REQUESTS = 64;
    /** The longest request target and body accepted: the page sends short URLs and no body. */
    static final int MAX_TARGET = 2048;

    private static final String ECHO_PATH = "/api/echo-players/";

    static final Duration KEEPALIVE = Duration.ofSeconds(15);
    /** "Check again" at most this often, whoever presses it: each check is a request through the public base. */
    static final Duration CHECK_SPACING = Duration.ofSeconds(10);
    /** Echo names change at most this often: each change connects or removes a player in MA and exports. */
    static final Duration ECHO_SPACING = Duration.ofSeconds(1);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore requests = new Semaphore(MAX_REQUESTS);
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private final StatusFeed feed;
    private final StatusPage page = StatusPage.load();
    private final RequestGuard guard;
    private final BooleanSupplier checkAgain;
    private final AtomicLong lastCheckNanos = new AtomicLong(System.nanoTime() - CHECK_SPACING.toNanos());
    private final AtomicLong lastEchoChangeNanos = new AtomicLong(System.nanoTime() - ECHO_SPACING.toNanos());
    private final EchoForm echo;
    private volatile boolean closed;

    private StatusServer(
            HttpServer server,
            StatusSettings settings,
            Supplier<Status> source,
            BooleanSupplier check,
            EchoPlayers echo) {
        this.server = server;
        this.echo = echo == null ? null : new EchoForm(echo);
        this.feed = new StatusFeed(source);
        this.guard = new RequestGuard(settings);
        this.checkAgain = check;
    }

    /**
     * Listens as the settings say.
     *
     * @param source the status, read at every request and twice a second while a page watches
     * @param checkAgain starts the stream check in the background; false when one is running
     */
    public static StatusServer start(StatusSettings settings, Supplier<Status> source, BooleanSupplier checkAgain) {
        return start(settings, source, checkAgain, null);
    }

    /** @param echo the Echo players the page adds and removes (null: the page cannot change them) */
    public static StatusServer start(
            StatusSettings settings, Supplier<Status> source, BooleanSupplier checkAgain, EchoPlayers echo) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the status page cannot listen on " + settings.bind() + ":" + settings.port(), e);
        }
        StatusServer server = new StatusServer(http, settings, source, checkAgain, echo);
        http.setExecutor(server.threads);
        http.createContext("/", server::handle);
        http.start();
        LOG.info("status.listening", "address", http.getAddress().toString(), "ingress_only", settings.ingressOnly());
        return server;
    }

    /**
     * The running connector's page, or null when STATUS_PORT is off or its port is taken: the
     * connector works without its page, and says so in the log.
     */
    public static StatusServer forConnector(StatusSettings settings, StatusReport.Parts parts) {
        if (!settings.enabled()) {
            return null;
        }
        try {
            return start(settings, new StatusReport(parts), parts.health()::checkAgain, parts.echo());
        } catch (UncheckedIOException e) {
            LOG.error("status.listen_failed", e, "bind", settings.bind(), "port", settings.port());
            return null;
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            if (!requests.tryAcquire()) {
                send(exchange, 503, "text/plain", "busy");
                return;
            }
            try {
                route(exchange);
            } catch (RuntimeException e) {
                LOG.error(
                        "status.request_failed",
                        e,
                        "path",
                        exchange.getRequestURI().getRawPath());
                send(exchange, 500, "text/plain", "internal error; see the connector log");
            } finally {
                requests.release();
            }
        } catch (IOException e) {
            LOG.debug("status.request_failed", "error", e.getClass().getSimpleName());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String refusal = guard.refusal(exchange);
        if (refusal != null) {
            send(exchange, 403, "text/plain", refusal);
            return;
        }
        String raw = exchange.getRequestURI().getRawPath();
        String target = exchange.getRequestURI().toString();
        if (target.length() > MAX_TARGET) {
            send(exchange, 414, "text/plain", "request target too long");
            return;
        }
        String method = exchange.getRequestMethod();
        if (raw.equals("/api/stream-check") || raw.startsWith(ECHO_PATH) && echo != null) {
            if (!method.equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, "text/plain", "POST only");
            } else if (fromThePage(exchange)) {
                if (raw.equals("/api/stream-check")) {
                    streamCheck(exchange);
                } else {
                    echoChange(exchange, raw.substring(ECHO_PATH.length()));
                }
            }
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain", "GET or HEAD only");
            return;
        }
        if (!emptyBody(exchange)) {
            send(exchange, 413, "text/plain", "no body expected");
            return;
        }
        switch (raw) {
            case "/", "/index.html" -> {
                StatusPage.Choice choice = page.choose(
                        query(exchange, "lang"), exchange.getRequestHeaders().getFirst("Accept-Language"));
                send(exchange, 200, "text/html; charset=utf-8", page.render(choice, feed.now()));
            }
            case "/api/status" -> send(exchange, 200, "application/json", StatusJson.write(feed.now()));
            case "/api/events" -> events(exchange);
            default -> {
                StatusPage.Asset asset = page.asset(raw);
                if (asset == null) {
                    send(exchange, 404, "text/plain", "not found");
                } else {
                    send(exchange, 200, asset.contentType(), asset.bytes());
                }
            }
        }
    }

    /**
     * The page's "Check again" button. Only the page itself can send it: the header needs a script of
     * the same origin (a form from another site cannot set it, and a cross-site fetch with it needs a
     * preflight this server refuses), the guard compared Origin with the host already.
     */
    private static boolean fromThePage(HttpExchange exchange) throws IOException {
        if (!"status-page".equals(exchange.getRequestHeaders().getFirst("X-Requested-By"))) {
            send(exchange, 403, "text/plain", "X-Requested-By: status-page is required");
            return false;
        }
        return true;
    }

    /** False (and 429 sent) when the last such request was less than {@code spacing} ago. */
    private static boolean patient(HttpExchange exchange, AtomicLong lastNanos, Duration spacing) throws IOException {
        long now = System.nanoTime();
        long last = lastNanos.get();
        if (now - last < spacing.toNanos() || !lastNanos.compareAndSet(last, now)) {
            long wait = Math.max(1, (spacing.toNanos() - (now - last)) / 1_000_000_000L);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(wait));
            send(exchange, 429, "text/plain", "a moment ago; try again");
            return false;
        }
        return true;
    }

    private void streamCheck(HttpExchange exchange) throws IOException {
        if (!emptyBody(exchange)) {
            send(exchange, 413, "text/plain", "no body expected");
            return;
        }
        if (!patient(exchange, lastCheckNanos, CHECK_SPACING)) {
            return;
        }
        boolean started = checkAgain.getAsBoolean();
        LOG.info("status.stream_check", "started", started);
        feed.nudge();
        send(exchange, 202, "application/json", "{\"started\":" + started + "}");
    }

    /** An Echo added or removed on the page ({@link EchoForm}); the page sees the result in the next status. */
    private void echoChange(HttpExchange exchange, String action) throws IOException {
        if (!EchoForm.known(action)) {
            echoAnswer(exchange, EchoForm.refused(404, "not_found"));
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(EchoForm.MAX_BODY + 1);
        }
        if (body.length > EchoForm.MAX_BODY) {
            send(exchange, 413, "text/plain", "body too large");
            return;
        }
        String argument = EchoForm.argument(action, body);
        if (argument == null) {
            echoAnswer(exchange, EchoForm.refused(400, "bad_request"));
            return;
        }
        if (!patient(exchange, lastEchoChangeNanos, ECHO_SPACING)) {
            return;
        }
        EchoForm.Answer answer = echo.change(action, argument);
        feed.nudge();
        echoAnswer(exchange, answer);
    }

    private static void echoAnswer(HttpExchange exchange, EchoForm.Answer answer) throws IOException {
        send(exchange, answer.status(), "application/json", StatusJson.text(answer.json()));
    }

    /** Server-sent events: the status now, then every change; a comment now and then keeps proxies from closing it. */
    private void events(HttpExchange exchange) throws IOException {
        if (!streams.tryAcquire()) {
            exchange.getResponseHeaders().set("Retry-After", "10");
            send(exchange, 503, "text/plain", "too many open pages");
            return;
        }
        try {
            headers(exchange, "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
            exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : 0);
            if (exchange.getRequestMethod().equals("HEAD")) {
                return;
            }
            OutputStream out = exchange.getResponseBody();
            StatusFeed.Version sent = feed.now();
            write(out, "retry: 2000\n\n" + event(sent));
            while (!closed) {
                StatusFeed.Version next = feed.await(sent.seq(), KEEPALIVE);
                if (closed) {
                    break;
                }
                if (next.seq() == sent.seq()) {
                    write(out, ": still here\n\n");
                } else {
                    sent = next;
                    write(out, event(sent));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.release();
        }
    }

    private static String event(StatusFeed.Version version) {
        return "event: status\nid: " + version.seq() + "\ndata: " + StatusJson.write(version) + "\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static boolean emptyBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && !length.strip().equals("0")) {
            return false;
        }
        if (exchange.getRequestHeaders().containsKey("Transfer-Encoding")) {
            try (InputStream in = exchange.getRequestBody()) {
                return in.readNBytes(1).length == 0;
            }
        }
        return true;
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    /** Every answer's headers: nothing cached, nothing sniffed, no inline script, framed only by its own origin. */
    static void headers(HttpExchange exchange, String contentType) {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        headers(exchange, contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        feed.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
