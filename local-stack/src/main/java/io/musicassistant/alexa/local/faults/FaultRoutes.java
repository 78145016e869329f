package io.musicassistant.alexa.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.musicassistant.alexa.dev.SmallHttp;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.io.IOException;
import java.util.Optional;

/**
 * The fault interface over HTTP, under {@code /_faults} on the stack's loopback endpoint (only with
 * {@code --faults}): {@code GET /_faults} lists the faults and their state; {@code POST /_faults/<name>}
 * with {@code {"active": true|false, "ms": …, "fraction": …}} sets or clears one; {@code POST
 * /_faults/clear} clears all; {@code GET /_faults/ma-commands?since=<epoch ms>} is Music Assistant's
 * record of the commands it received; {@code GET /_faults/gateway-events} what reached the event gateway.
 */
public final class FaultRoutes implements HttpHandler {

    private static final int MAX_BODY = 4096;

    private final Faults faults;

    public FaultRoutes(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                send(exchange, 403, error("loopback only"));
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
            String method = exchange.getRequestMethod();
            String name = path.startsWith("/_faults/") ? path.substring("/_faults/".length()) : "";
            try {
                route(exchange, method, name, body);
            } catch (IllegalArgumentException | IllegalStateException e) {
                send(exchange, 400, error(e.getMessage()));
            } catch (RuntimeException e) {
                send(exchange, 500, error(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
    }

    private void route(HttpExchange exchange, String method, String name, byte[] body) throws IOException {
        boolean get = method.equals("GET");
        switch (name) {
            case "" -> send(exchange, get ? 200 : 405, get ? faults.list() : error("GET lists the faults"));
            case "ma-commands" ->
                send(exchange, get ? 200 : 405, get ? faults.maCommands(since(exchange)) : error("GET only"));
            case "gateway-events" -> send(exchange, get ? 200 : 405, get ? faults.gatewayEvents() : error("GET only"));
            case "clear" -> {
                if (method.equals("POST")) {
                    faults.clearAll();
                    send(exchange, 200, faults.list());
                } else {
                    send(exchange, 405, error("POST clears every fault"));
                }
            }
            default -> {
                Optional<Faults.Fault> fault = Faults.Fault.byName(name);
                if (fault.isEmpty()) {
                    send(exchange, 404, error("no fault " + name + "; GET /_faults lists them"));
                } else if (get) {
                    send(exchange, 200, faults.list());
                } else if (method.equals("POST")) {
                    if (body.length > MAX_BODY) {
                        throw new IllegalArgumentException("body too large");
                    }
                    JsonNode request = body.length == 0
                            ? RelayJson.mapper().createObjectNode()
                            : RelayJson.mapper().readTree(body);
                    if (request == null || !request.isObject()) {
                        throw new IllegalArgumentException("a JSON object, e.g. {\"active\": true, \"ms\": 1000}");
                    }
                    send(exchange, 200, faults.set(fault.get(), request));
                } else {
                    send(exchange, 405, error("GET or POST"));
                }
            }
        }
    }

    private static long since(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        if (query != null && query.startsWith("since=")) {
            try {
                return Long.parseLong(query.substring(6));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("since must be epoch milliseconds");
            }
        }
        return 0;
    }

    private static JsonNode error(String message) {
        return RelayJson.mapper().createObjectNode().put("error", String.valueOf(message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        SmallHttp.sendJson(exchange, status, body);
    }
}
