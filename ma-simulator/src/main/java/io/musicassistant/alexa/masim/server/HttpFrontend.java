package io.musicassistant.alexa.masim.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.musicassistant.alexa.masim.api.Args;
import io.musicassistant.alexa.masim.api.Call;
import io.musicassistant.alexa.masim.api.Command;
import io.musicassistant.alexa.masim.api.CommandRegistry;
import io.musicassistant.alexa.masim.api.Reply;
import io.musicassistant.alexa.masim.auth.Tokens;
import io.musicassistant.alexa.masim.auth.User;
import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.library.Image;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The plain-HTTP routes of MA's webserver: {@code GET /info}, {@code POST /api} (spec §7) and
 * the image proxy (spec §5). Java-WebSocket cannot answer plain HTTP on its port, so these live
 * on a second port (see README, "Deviations").
 */
final class HttpFrontend implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<Integer> IMAGE_SIZES = Set.of(0, 80, 160, 256, 512, 1024);
    private static final String BEARER_CHALLENGE = "Bearer realm=\"Music Assistant\"";

    private final HttpServer server;
    private final Profile profile;
    private final Library library;
    private final CommandRegistry registry;
    private final Dispatcher dispatcher;
    private final Tokens tokens;
    private final Supplier<JsonNode> serverInfo;
    private final boolean setupRequired;
    private final PlaceholderImages images = new PlaceholderImages();

    /** Binds early: the server-info {@code base_url} needs the port before anything else is built. */
    static HttpServer bind(InetSocketAddress address) throws IOException {
        return HttpServer.create(address, 64);
    }

    HttpFrontend(
            HttpServer server,
            ExecutorService executor,
            Profile profile,
            Library library,
            CommandRegistry registry,
            Dispatcher dispatcher,
            Tokens tokens,
            Supplier<JsonNode> serverInfo,
            boolean setupRequired) {
        this.profile = profile;
        this.library = library;
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.tokens = tokens;
        this.serverInfo = serverInfo;
        this.setupRequired = setupRequired;
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::route);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/info") && method.equals("GET")) {
                sendJson(exchange, 200, serverInfo.get());
            } else if (path.equals("/api") && method.equals("POST")) {
                api(exchange);
            } else if (path.startsWith("/imageproxy/") && method.equals("GET")) {
                imageById(exchange, path.substring("/imageproxy/".length()));
            } else if (path.equals("/imageproxy") && method.equals("GET") && profile.legacyImageProxy()) {
                legacyImage(exchange);
            } else {
                sendText(exchange, 404, "404: Not Found");
            }
        } catch (RuntimeException e) {
            sendText(exchange, 500, "Internal server error");
        }
    }

    // ---------------------------------------------------------------- POST /api

    private void api(HttpExchange exchange) throws IOException {
        if (setupRequired) {
            sendText(exchange, 503, "Setup required");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length == 0) {
            sendText(exchange, 400, "Body required");
            return;
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        JsonNode message;
        try {
            message = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            sendText(exchange, 400, "Invalid JSON: " + raw);
            return;
        }
        if (message == null || !message.isObject()) {
            sendText(exchange, 400, "Invalid JSON: " + raw);
            return;
        }
        JsonNode commandNode = message.get("command");
        if (commandNode == null || !commandNode.isTextual()) {
            // a missing message_id is forgiven ("unknown"); a missing command is not
            sendText(exchange, 400, "Invalid JSON: missing required field");
            return;
        }
        String name = commandNode.asText();
        dispatcher.record(name, message.get("args"));
        Optional<Command> found = registry.get(name);
        if (found.isEmpty()) {
            sendText(exchange, 400, "Invalid Command: " + name);
            return;
        }
        Command command = found.get();
        User user = null;
        if (command.access().authenticated()) {
            user = bearerUser(exchange).orElse(null);
            if (user == null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", BEARER_CHALLENGE);
                sendText(exchange, 401, "Authentication required");
                return;
            }
            Optional<String> denied = dispatcher.permissionProblem(command, user);
            if (denied.isPresent()) {
                sendText(exchange, 403, denied.get());
                return;
            }
        }
        try {
            dispatcher.pause(name);
            Reply reply = command.handler().handle(new Call(new Args(message.get("args")), user));
            JsonNode result = switch (reply) {
                case Reply.Value value -> value.result();
                case Reply.Items items -> collect(items.items());
            };
            sendJson(exchange, 200, result);
        } catch (MaError error) {
            boolean newest = profile == Profile.NEWEST && error.isMusicAssistantError();
            if (newest && error.code() == ErrorCode.INSUFFICIENT_PERMISSIONS) {
                sendText(exchange, 403, error.text());
            } else if (newest && error.code() == ErrorCode.INVALID_DATA) {
                sendText(exchange, 400, error.text());
            } else {
                sendText(exchange, 500, "Internal server error");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendText(exchange, 500, "Internal server error");
        }
    }

    private Optional<User> bearerUser(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return tokens.verify(header.substring(7).strip()).map(Tokens.Verified::user);
    }

    private static ArrayNode collect(Iterator<JsonNode> items) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        items.forEachRemaining(all::add);
        return all;
    }

    // ---------------------------------------------------------------- image proxy

    /** {@code GET /imageproxy/<64 hex>?size=&fmt=} (newest; also served by 2.9). */
    private void imageById(HttpExchange exchange, String imageId) throws IOException {
        if (!imageId.matches("[0-9a-f]{64}")) {
            sendText(exchange, 400, "Invalid image id");
            return;
        }
        Map<String, String> query = query(exchange);
        String sizeText = query.getOrDefault("size", "0");
        Integer size = parseSize(sizeText);
        if (size == null || !IMAGE_SIZES.contains(size)) {
            sendText(
                    exchange,
                    400,
                    "Unsupported size " + sizeText
                            + ": must be one of 0, 80, 160, 256, 512, 1024 (0 = original size).");
            return;
        }
        Optional<Image> image = library.imageByProxyId(imageId);
        if (image.isEmpty()) {
            sendText(exchange, 404, "404: Not Found");
            return;
        }
        sendImage(exchange, imageId, size, query.get("fmt"), image.get());
    }

    /** The legacy {@code GET /imageproxy?path=<double-encoded>&provider=&size=&fmt=} (2.7–2.9). */
    private void legacyImage(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String path = query.get("path");
        if (path == null) {
            sendText(exchange, 400, "Missing path");
            return;
        }
        // aiohttp decoded one level already; MA unquotes the path once more
        String decodedPath = URLDecoder.decode(path, StandardCharsets.UTF_8);
        String provider = query.getOrDefault("provider", "builtin");
        Optional<Image> image = library.image(provider, decodedPath);
        if (image.isEmpty()) {
            sendText(exchange, 404, "404: Not Found");
            return;
        }
        Integer size = parseSize(query.getOrDefault("size", "0"));
        sendImage(exchange, image.get().proxyId(), size == null ? 0 : size, query.get("fmt"), image.get());
    }

    private void sendImage(HttpExchange exchange, String imageId, int size, String requestedFormat, Image image)
            throws IOException {
        String format =
                requestedFormat == null ? defaultFormat(image.path()) : requestedFormat.toLowerCase(Locale.ROOT);
        String encoding = format.equals("png") ? "png" : "jpeg";
        byte[] bytes = images.render(imageId, size, encoding);
        exchange.getResponseHeaders().set("Content-Type", "image/" + encoding);
        exchange.getResponseHeaders().set("Cache-Control", "max-age=31536000");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String defaultFormat(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".png") ? "png" : "jpeg";
    }

    private static Integer parseSize(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> result = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.putIfAbsent(key, value);
        }
        return result;
    }

    // ---------------------------------------------------------------- responses

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
