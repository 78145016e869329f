package io.musicassistant.alexa.connector.ma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A client of Music Assistant's WebSocket API, speaking it as the server does
 * (controllers/webserver/websocket_client.py): the server-info frame first, then {@code auth},
 * then commands matched to results by {@code message_id} (results may arrive out of order),
 * {@code partial} chunks joined until the final frame ({@link PendingCalls}), events pushed at any
 * time. Frames arrive through a {@link FrameReceiver} per connection; {@link LivenessWatch} looks
 * for signs of life. It keeps
 * reading at all times (the server drops clients that let 512 messages pile up), pings every
 * 55 s, treats 90 s of silence as a dead connection, and reconnects with capped, jittered backoff.
 *
 * <p>The JDK's WebSocket does not always report a connection the server dropped without a close
 * frame: when the end of the stream arrives while the listener still handles the frame before,
 * the JDK loses it (its transport has no demand at that moment and fails internally), and the
 * socket looks open for good (docs/decisions.md, issue 12). So the client does not wait for that
 * report: after {@link Liveness#probeAfter()} without traffic, and when a call has waited
 * {@link Liveness#callProbeAfter()}, it pings, and a connection that answers nothing within
 * {@link Liveness#pongWait()}, or whose sending fails, is given up and reconnected.
 */
public final class MaClient implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(MaClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Highest schema this client was written against; a server that requires more is refused. */
    public static final int CLIENT_SCHEMA = 77;

    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /**
     * When a quiet connection, or one with a call unanswered for {@code callProbeAfter}, is asked
     * for a sign of life, and how long it has to give one. A healthy MA answers a ping in
     * milliseconds; a dead one is noticed within their sum (plus one look, {@link #tick()}), not
     * after {@link LivenessWatch#SILENCE_LIMIT}. The calls waiting on it fail then, or at their own timeout if
     * that comes first (on a dropped connection the JDK's ping write does not fail at once).
     */
    record Liveness(Duration probeAfter, Duration callProbeAfter, Duration pongWait) {
        static final Liveness DEFAULT =
                new Liveness(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(5));

        Duration tick() {
            return Duration.ofMillis(Math.max(10, Math.min(1000, pongWait.toMillis() / 2)));
        }
    }

    /** What the owner of the client hears about. */
    public interface Listener {
        default void onConnected(MaServerInfo info) {}

        default void onDisconnected(String reason) {}

        default void onEvent(String event, String objectId, JsonNode data) {}
    }

    private final URI uri;
    private final String token;
    private final Listener listener;
    private final HttpClient http;
    private final Liveness liveness;
    private final LivenessWatch watch;
    private final PendingCalls calls = new PendingCalls();
    private final Object sendLock = new Object();

    private volatile boolean closed;
    private volatile WebSocket socket;
    private volatile MaServerInfo info;
    private volatile boolean authenticated;

    private volatile CompletableFuture<String> socketClosed;
    /** Why the server refused the current connection as a whole (503 "setup required"), if it did. */
    private volatile MaException refused;

    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);
    private Thread connectionThread;
    private Thread livenessThread;

    public MaClient(URI uri, String token, Listener listener) {
        this(uri, token, listener, Liveness.DEFAULT);
    }

    /** With other liveness timings (tests). */
    MaClient(URI uri, String token, Listener listener, Liveness liveness) {
        this.uri = toWebSocketUri(uri);
        this.token = token;
        this.listener = listener;
        this.liveness = liveness;
        this.watch = new LivenessWatch(liveness, () -> socket, this::ping, this::giveUp);
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** {@code http://host:8095} (what users copy from their browser) becomes {@code ws://host:8095/ws}. */
    static URI toWebSocketUri(URI given) {
        String scheme = switch (given.getScheme() == null ? "" : given.getScheme()) {
            case "http", "ws" -> "ws";
            case "https", "wss" -> "wss";
            default -> throw new IllegalArgumentException("MA_URL must start with http://, https://, ws:// or wss://");
        };
        String path = given.getPath() == null
                        || given.getPath().isEmpty()
                        || given.getPath().equals("/")
                ? "/ws"
                : given.getPath();
        return URI.create(scheme + "://" + given.getRawAuthority() + path);
    }

    /** Connects in the background and keeps reconnecting until {@link #close()}. */
    public synchronized void start() {
        if (connectionThread != null) {
            return;
        }
        connectionThread = Thread.ofPlatform().daemon().name("ma-connection").start(this::connectionLoop);
        livenessThread = Thread.ofPlatform().daemon().name("ma-liveness").start(() -> watch.run(() -> closed));
    }

    public boolean connected() {
        return socket != null && authenticated;
    }

    public Optional<MaServerInfo> serverInfo() {
        return Optional.ofNullable(info);
    }

    /** Runs a command and waits for its (joined) result. */
    public JsonNode call(String command, Map<String, ?> args, Duration timeout) {
        if (!connected()) {
            throw new MaUnavailableException("not connected to Music Assistant");
        }
        CompletableFuture<JsonNode> answer = send(command, args);
        // no answer may mean no connection, which the JDK did not report
        CompletableFuture.delayedExecutor(liveness.callProbeAfter().toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (!answer.isDone()) {
                        watch.probe();
                    }
                });
        try {
            return PendingCalls.await(answer, timeout, command);
        } finally {
            if (answer.isCancelled()) {
                watch.probe(); // timed out before the probe above
            }
        }
    }

    /** Runs a command without waiting; the future fails with {@link MaException} or {@link MaUnavailableException}. */
    public CompletableFuture<JsonNode> send(String command, Map<String, ?> args) {
        WebSocket ws = socket;
        if (ws == null) {
            return CompletableFuture.failedFuture(new MaUnavailableException("not connected to Music Assistant"));
        }
        PendingCalls.Call call = calls.open("");
        String id = call.id();
        ObjectNode frame = JSON.createObjectNode();
        frame.put("message_id", id);
        frame.put("command", command);
        frame.set("args", JSON.valueToTree(args == null ? Map.of() : args));
        String text;
        try {
            text = JSON.writeValueAsString(frame);
        } catch (IOException e) {
            calls.forget(id);
            return CompletableFuture.failedFuture(e);
        }
        synchronized (sendLock) {
            // The JDK WebSocket allows one outstanding send; chain them.
            lastSend = lastSend.handle((ok, err) -> null).thenCompose(ignored -> ws.sendText(text, true));
            lastSend.whenComplete((ok, err) -> {
                if (err != null) {
                    calls.fail(
                            id,
                            new MaUnavailableException(
                                    "send failed: " + err.getClass().getSimpleName()));
                    giveUp(ws, "send failed: " + err.getClass().getSimpleName());
                }
            });
        }
        return call.result();
    }

    private void connectionLoop() {
        int attempt = 0;
        while (!closed) {
            try {
                connectOnce();
                attempt = 0;
                String reason = socketClosed.get();
                onLost(reason);
            } catch (MaException e) {
                onLost(e.getMessage());
                if (e.isCredentialProblem()) {
                    LOG.error(
                            "ma.token_rejected",
                            e,
                            "hint",
                            "create a long-lived token in Music Assistant (Settings > Profile) and set MA_TOKEN");
                    attempt = Math.max(attempt, 6); // retrying a refused token quickly cannot help
                }
            } catch (Exception e) {
                onLost(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (closed) {
                break;
            }
            attempt++;
            sleep(backoff(attempt));
        }
    }

    private void connectOnce() throws Exception {
        CompletableFuture<JsonNode> firstFrame = new CompletableFuture<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        socketClosed = closed;
        refused = null;
        authenticated = false;
        WebSocket ws = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new FrameReceiver(firstFrame, closed, watch::heard, this::dispatch))
                .get(15, TimeUnit.SECONDS);
        watch.restart();
        socket = ws;
        JsonNode first = firstFrame.get(10, TimeUnit.SECONDS);
        if (first.has("error_code")) {
            throw new MaException(
                    first.path("error_code").asInt(), first.path("details").asText(null));
        }
        MaServerInfo server = MaServerInfo.from(first);
        if (server.minSupportedSchemaVersion() > CLIENT_SCHEMA) {
            throw new IllegalStateException(
                    "Music Assistant " + server.serverVersion() + " needs a newer connector (schema "
                            + server.minSupportedSchemaVersion() + " > " + CLIENT_SCHEMA + ")");
        }
        info = server;
        if (server.requiresAuth()) {
            PendingCalls.Call auth = calls.open("auth-");
            // A socket that closes during the handshake answers nothing more: don't sit out the auth timeout.
            closed.whenComplete((reason, e) -> auth.result()
                    .completeExceptionally(
                            refused != null ? refused : new MaUnavailableException("closed during auth: " + reason)));
            ObjectNode frame =
                    JSON.createObjectNode().put("message_id", auth.id()).put("command", "auth");
            frame.putObject("args").put("token", token);
            synchronized (sendLock) {
                lastSend =
                        lastSend.handle((ok, err) -> null).thenCompose(ignored -> ws.sendText(frame.toString(), true));
            }
            JsonNode result = PendingCalls.await(auth.result(), Duration.ofSeconds(10), "auth");
            if (!result.path("authenticated").asBoolean(false)) {
                throw new MaException(MaException.AUTHENTICATION_FAILED, "auth not accepted");
            }
        }
        authenticated = true;
        LOG.info(
                "ma.connected",
                "server_id",
                server.serverId(),
                "server_version",
                server.serverVersion(),
                "schema",
                server.schemaVersion());
        listener.onConnected(server);
    }

    private void onLost(String reason) {
        boolean wasConnected = authenticated;
        authenticated = false;
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.abort();
        }
        calls.failAll(new MaUnavailableException("connection to Music Assistant lost"));
        LOG.warn("ma.disconnected", "reason", reason);
        if (wasConnected) {
            listener.onDisconnected(reason);
        }
    }

    private void ping(WebSocket ws) {
        synchronized (sendLock) {
            lastSend = lastSend.handle((ok, err) -> null).thenCompose(ignored -> ws.sendPing(ByteBuffer.allocate(0)));
            lastSend.whenComplete((ok, err) -> {
                if (err != null) {
                    giveUp(ws, "ping failed: " + err.getClass().getSimpleName());
                }
            });
        }
    }

    /** Ends connection {@code ws} as if it had closed, unless a newer one replaced it meanwhile. */
    private void giveUp(WebSocket ws, String reason) {
        CompletableFuture<String> done = socketClosed;
        if (ws != socket || done == null) {
            return;
        }
        ws.abort();
        done.complete(reason);
    }

    private void dispatch(JsonNode frame) {
        if (frame.has("event")) {
            try {
                listener.onEvent(
                        frame.path("event").asText(), frame.path("object_id").asText(null), frame.get("data"));
            } catch (RuntimeException e) {
                LOG.warn("ma.event_listener_failed", e);
            }
            return;
        }
        String id = frame.path("message_id").asText(null);
        if ("connection".equals(id) && frame.has("error_code")) {
            // MA refuses the connection as a whole (503 "setup required", right after the server info), then closes.
            refused = new MaException(
                    frame.path("error_code").asInt(999), frame.path("details").asText(null));
            return;
        }
        calls.answer(id, frame);
    }

    /** Capped exponential backoff with jitter for reconnect attempt {@code attempt} (1, 2, …). */
    public static Duration backoff(int attempt) {
        long base = Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(attempt - 1, 6));
        long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Duration.ofMillis(base - base / 8 + jitter);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "connector stopping")
                    .orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((r, e) -> ws.abort());
        }
        CompletableFuture<String> done = socketClosed;
        if (done != null) {
            done.complete("client closed");
        }
        for (Thread t : new Thread[] {connectionThread, livenessThread}) {
            if (t != null) {
                t.interrupt();
            }
        }
        http.close();
    }
}
