package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.control.ControlSkill;
import io.musicassistant.alexa.dev.SmallHttp;
import io.musicassistant.alexa.music.MusicSkill;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relayapi.ApiRequest;
import io.musicassistant.alexa.relayapi.ApiResponse;
import io.musicassistant.alexa.relayapi.RelayApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The cloud's two front doors on one local HTTP port, as Lambda would serve them: {@code POST /alexa}
 * for skill requests (what Alexa sends a Lambda; routed by the message's shape so that every skill
 * of the product shares it) and {@code /v1/…} for the relay API (what API Gateway would route).
 */
public final class LocalEndpoint implements AutoCloseable {

    private static final int MAX_BODY = 1024 * 1024;

    private final HttpServer server;
    private final MusicSkill music;
    private final ControlSkill control;
    private final RelayApi relay;

    public LocalEndpoint(int port, MusicSkill music, ControlSkill control, RelayApi relay) throws IOException {
        this.music = music;
        this.control = control;
        this.relay = relay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.createContext("/alexa", this::alexa);
        server.createContext("/v1/", this::relay);
        server.createContext(
                "/health",
                exchange -> SmallHttp.send(
                        exchange, 200, "application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/_local/catalog-build", this::catalogBuild);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Adds a route (the fault interface, with {@code --faults}); the server is loopback-only. */
    void route(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** What {@code POST /_local/catalog-build[?force=true]} runs (scripts/catalog): the local stand-in for the schedule. */
    public interface CatalogBuilds {
        BuildReport build(boolean force, java.util.function.Consumer<String> progress);
    }

    private volatile CatalogBuilds catalogBuilds;

    void onCatalogBuild(CatalogBuilds builds) {
        this.catalogBuilds = builds;
    }

    private void catalogBuild(HttpExchange exchange) throws IOException {
        read(exchange.getRequestBody());
        if (!"POST".equals(exchange.getRequestMethod()) || catalogBuilds == null) {
            SmallHttp.send(
                    exchange, 405, "text/plain", "POST to run a catalog build\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        boolean force = "force=true".equals(exchange.getRequestURI().getQuery());
        try {
            BuildReport report = catalogBuilds.build(force, message -> {});
            SmallHttp.send(exchange, 200, "application/json", report.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            SmallHttp.send(
                    exchange,
                    500,
                    "application/json",
                    RelayJson.mapper()
                            .createObjectNode()
                            .put("error", String.valueOf(e.getMessage()))
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String alexaUrl() {
        return baseUrl() + "/alexa";
    }

    private void alexa(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            SmallHttp.send(exchange, 405, "text/plain", "POST a skill request\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = read(exchange.getRequestBody());
        SmallHttp.send(
                exchange, 200, "application/json", forControlSkill(body) ? control.handle(body) : music.handle(body));
    }

    /**
     * In AWS the two skills have their own Lambdas; here one URL serves both, told apart by shape:
     * smart-home directives are {@code {directive}}, custom-skill requests {@code {version, request, …}},
     * music messages {@code {header, payload}}. Anything unreadable goes to the music skill, which
     * answers it with its own error envelope.
     */
    static boolean forControlSkill(byte[] body) {
        if (body.length > MAX_BODY) {
            return false;
        }
        try {
            JsonNode root = RelayJson.mapper().readTree(body);
            return root != null
                    && root.isObject()
                    && !root.has("header")
                    && (root.has("directive") || root.has("request"));
        } catch (IOException notJson) {
            return false;
        }
    }

    private void relay(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
        byte[] body = read(exchange.getRequestBody());
        ApiResponse response = relay.handle(new ApiRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                headers,
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress()));
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        SmallHttp.send(
                exchange, response.status(), "application/json", response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            // One byte past the limit lets the handlers see that a body was too large.
            return in.readNBytes(MAX_BODY + 1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
