package io.musicassistant.alexa.connector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.ProtocolException;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatAck;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.api.PairingCode;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cloud's relay API as the connector sees it, on a local JDK HTTP server: registration,
 * credentials (pointing at whatever {@link RelayAccess} the test sets), heartbeats (always paired),
 * pairing codes, and {@code POST /v1/homes/{id}/events}, which it records. The events route can be
 * told to fail the next posts with an HTTP status.
 */
public final class CloudStandIn implements AutoCloseable {

    /** A valid instance id (home- plus 26 Crockford base32 characters). */
    public static final String INSTANCE_ID = "home-0123456789abcdefghjkmnpqrs";

    public static final String SECRET = "stand-in-instance-secret-0001";

    /** One accepted or refused events post. */
    public record Post(String path, String authorization, int status, HomeEvents events) {}

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger failStatus = new AtomicInteger(500);
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicReference<RelayAccess> access = new AtomicReference<>();

    private CloudStandIn(HttpServer server) {
        this.server = server;
    }

    public static CloudStandIn start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CloudStandIn cloud = new CloudStandIn(server);
        server.createContext("/v1/homes", cloud::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cloud-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return cloud;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What {@code /credentials} answers; needed only for a whole connector. */
    private final java.util.concurrent.atomic.AtomicLong answerDelayMs = new java.util.concurrent.atomic.AtomicLong();

    public void setAccess(RelayAccess value) {
        access.set(value);
    }

    /** The next {@code count} events posts are answered with {@code status} (and not recorded as accepted). */
    public void failEvents(int count, int status) {
        failStatus.set(status);
        failNext.set(count);
    }

    /**
     * Accepted events posts are recorded at once but answered only after {@code delay}, as the real
     * relay API answers after the reports went out: news can arrive while a post is under way.
     */
    public void delayAnswers(java.time.Duration delay) {
        answerDelayMs.set(delay.toMillis());
    }

    public int heartbeats() {
        return heartbeats.get();
    }

    /** Every events post, accepted or not, in arrival order. */
    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /** The events posts that were accepted (2xx); a post the stand-in could not parse is never accepted. */
    public List<Post> accepted() {
        return posts.stream().filter(p -> p.status() / 100 == 2).toList();
    }

    /** Every event of the accepted posts, in order. */
    public List<HomeEvents.PlayerEvent> acceptedEvents() {
        List<HomeEvents.PlayerEvent> all = new ArrayList<>();
        accepted().forEach(p -> all.addAll(p.events().events()));
        return all;
    }

    /** Accepted events about one player, in order. */
    public List<HomeEvents.PlayerEvent> acceptedEvents(String playerId) {
        return acceptedEvents().stream()
                .filter(e -> e.playerId().equals(playerId))
                .toList();
    }

    /** The last state the cloud accepted for a player, or null. */
    public PlayerInfo lastAccepted(String playerId) {
        List<HomeEvents.PlayerEvent> events = acceptedEvents(playerId);
        return events.isEmpty() ? null : events.getLast().player();
    }

    public void clear() {
        posts.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("error", "method_not_allowed"));
                return;
            }
            if (path.equals("/v1/homes")) {
                respond(exchange, 201, new HomeRegistration(INSTANCE_ID, SECRET));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String prefix = "/v1/homes/" + INSTANCE_ID + "/";
            if (!path.startsWith(prefix) || !("Bearer " + SECRET).equals(auth)) {
                respond(exchange, 401, Map.of("error", "unauthorized"));
                return;
            }
            switch (path.substring(prefix.length())) {
                case "credentials" -> respond(exchange, 200, access.get());
                case "heartbeat" -> {
                    heartbeats.incrementAndGet();
                    respond(exchange, 200, new HeartbeatAck(true, System.currentTimeMillis(), 30, 90));
                }
                case "pairing-code" ->
                    respond(exchange, 201, new PairingCode("12345678", System.currentTimeMillis() + 600_000));
                case "events" -> {
                    HomeEvents events;
                    try {
                        events = RelayJson.read(new String(body, StandardCharsets.UTF_8), HomeEvents.class);
                    } catch (ProtocolException e) {
                        // what the relay API answers to a body it cannot take; recorded so that a test sees it
                        posts.add(new Post(path, auth, 400, null));
                        respond(exchange, 400, Map.of("error", "invalid_request"));
                        return;
                    }
                    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        posts.add(new Post(path, auth, failStatus.get(), events));
                        respond(exchange, failStatus.get(), Map.of("error", "stand_in_failure"));
                    } else {
                        posts.add(new Post(path, auth, 200, events));
                        pause(answerDelayMs.get());
                        respond(
                                exchange,
                                200,
                                Map.of("accepted", events.events().size()));
                    }
                }
                default -> respond(exchange, 404, Map.of("error", "not_found"));
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = RelayJson.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
