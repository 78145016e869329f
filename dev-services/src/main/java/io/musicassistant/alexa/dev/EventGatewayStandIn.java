package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the Alexa event gateway ({@code POST /v3/events}, as at
 * api.amazonalexa.com): it accepts ChangeReport, AddOrUpdateReport and DeleteReport events whose
 * bearer token the LWA stand-in issued to the skill-messaging client, answers 202, and keeps what
 * it received for tests and the demo. Errors use the gateway's documented codes.
 */
public final class EventGatewayStandIn implements AutoCloseable {

    private static final int MAX_BODY = 256 * 1024;

    private final HttpServer server;
    private final LwaStandIn lwa;
    private final List<Received> received = new ArrayList<>();
    private final Set<String> disabledUsers = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
    private final List<java.util.function.Consumer<Received>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One event as it arrived: when, for whom, and the event itself. */
    public record Received(Instant at, String userId, JsonNode event) {

        public String name() {
            return event.path("event").path("header").path("name").asText();
        }

        public String endpointId() {
            return event.path("event").path("endpoint").path("endpointId").asText();
        }
    }

    private EventGatewayStandIn(HttpServer server, LwaStandIn lwa) {
        this.server = server;
        this.lwa = lwa;
    }

    public static EventGatewayStandIn start(int port, LwaStandIn lwa) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            EventGatewayStandIn gateway = new EventGatewayStandIn(server, lwa);
            server.createContext("/v3/events", gateway::event);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new IllegalStateException("event gateway stand-in did not start", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The URL events are posted to, as configured in the skill. */
    public String eventsUrl() {
        return baseUrl() + "/v3/events";
    }

    /** The user disabled the skill: the gateway refuses their events with SKILL_DISABLED_EXCEPTION. */
    public void disableSkillFor(String userId) {
        disabledUsers.add(userId);
    }

    /** The next {@code count} events (of anyone) are answered 503, as a gateway having trouble would. */
    public void failNext(int count) {
        failures.set(count);
    }

    /**
     * Hears every accepted event, after the gateway answered 202 (as Alexa acts on an event only once
     * it took it): the local stack's routine simulator starts routines from here.
     */
    public void onEvent(java.util.function.Consumer<Received> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener));
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized void clear() {
        received.clear();
    }

    /** Waits until at least {@code count} events arrived; returns them all. */
    public List<Received> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(received);
        }
    }

    private void event(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            SmallHttp.sendJson(exchange, 405, error("INVALID_REQUEST_EXCEPTION", "POST only"));
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? auth.substring(7).trim()
                : null;
        var grant = lwa.liveGrant(token).filter(g -> g.clientId().equals(lwa.messagingClientId()));
        if (grant.isEmpty()) {
            SmallHttp.sendJson(exchange, 401, error("INVALID_ACCESS_TOKEN_EXCEPTION", "Access token is not valid."));
            return;
        }
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            SmallHttp.sendJson(
                    exchange, 503, error("INTERNAL_SERVICE_EXCEPTION", "The gateway could not take the event."));
            return;
        }
        if (disabledUsers.contains(grant.get().userId())) {
            SmallHttp.sendJson(exchange, 403, error("SKILL_DISABLED_EXCEPTION", "The skill is disabled for the user."));
            return;
        }
        JsonNode event;
        try {
            event = SmallHttp.JSON.readTree(SmallHttp.readBody(exchange, MAX_BODY));
        } catch (IOException e) {
            SmallHttp.sendJson(exchange, 400, error("INVALID_REQUEST_EXCEPTION", "Malformed event."));
            return;
        }
        String scope = event.path("event")
                .path("endpoint")
                .path("scope")
                .path("token")
                .asText(event.path("event")
                        .path("payload")
                        .path("scope")
                        .path("token")
                        .asText(""));
        if (event.path("event").path("header").path("name").asText("").isEmpty() || !token.equals(scope)) {
            SmallHttp.sendJson(exchange, 400, error("INVALID_REQUEST_EXCEPTION", "The event is not valid."));
            return;
        }
        Received accepted = new Received(Instant.now(), grant.get().userId(), event);
        synchronized (this) {
            received.add(accepted);
            notifyAll();
        }
        SmallHttp.sendJson(exchange, 202, "");
        for (var listener : listeners) {
            listener.accept(accepted);
        }
    }

    private static Map<String, Object> error(String code, String description) {
        return Map.of(
                "header",
                Map.of(
                        "namespace",
                        "System",
                        "name",
                        "Exception",
                        "messageId",
                        UUID.randomUUID().toString()),
                "payload",
                Map.of("code", code, "description", description));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
