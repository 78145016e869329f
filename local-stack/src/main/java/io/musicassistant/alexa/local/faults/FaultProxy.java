package io.musicassistant.alexa.local.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.musicassistant.alexa.dev.SmallHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A small HTTP proxy on a loopback port in front of one emulator (ElasticMQ, Moto's DynamoDB), so
 * that faults can be injected into what the stack's AWS clients see without touching their code:
 * each request goes through a {@link Rule}, which forwards it (perhaps changed) or answers it itself.
 */
final class FaultProxy implements AutoCloseable {

    /** What to do with one request. */
    sealed interface Action {}

    /** Forward this body (the original or a changed one) to the emulator. */
    record Forward(byte[] body) implements Action {}

    /** Answer without asking the emulator. */
    record Answer(int status, String contentType, byte[] body) implements Action {}

    @FunctionalInterface
    interface Rule {
        Action apply(String method, String target, byte[] body);
    }

    /** Headers the JDK client sets itself and refuses from callers, and hop-by-hop ones. */
    private static final Set<String> NOT_COPIED =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final URI upstream;
    private final Rule rule;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    FaultProxy(URI upstream, Rule rule) throws IOException {
        this.upstream = upstream;
        this.rule = rule;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Action action = rule.apply(exchange.getRequestMethod(), target == null ? "" : target, body);
            switch (action) {
                case Answer answer -> SmallHttp.send(exchange, answer.status(), answer.contentType(), answer.body());
                case Forward forward -> forward(exchange, forward.body());
            }
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        upstream.resolve(exchange.getRequestURI().toString()))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
            return;
        } catch (IOException e) {
            exchange.sendResponseHeaders(502, -1);
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        SmallHttp.send(exchange, response.statusCode(), null, response.body());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
