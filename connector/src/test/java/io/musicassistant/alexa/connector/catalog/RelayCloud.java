package io.musicassistant.alexa.connector.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.musicassistant.alexa.CloudWiring;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.platform.Config;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relayapi.ApiRequest;
import io.musicassistant.alexa.relayapi.ApiResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real relay API (lambda's {@code RelayApi}, wired by {@code CloudWiring} in local mode) on a
 * loopback HTTP server, against Moto (DynamoDB, S3) and ElasticMQ, with its own tables and catalog
 * bucket: what a connector talks to, minus API Gateway. Records the path and status of every request.
 */
public final class RelayCloud implements AutoCloseable {

    /** One request the relay API answered. */
    record Call(String method, String path, int status) {}

    public final DevServices services = DevServices.shared();
    public final CloudWiring wiring;
    final String bucket;
    final S3Client s3;
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public RelayCloud() {
        this(Map.of());
    }

    /** @param overrides environment of the cloud side, e.g. its DEPLOYMENT_KEY */
    public RelayCloud(Map<String, String> overrides) {
        String prefix = "cat-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        bucket = prefix + "catalog";
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_REGION",
                services.region(),
                "TABLE_PREFIX",
                prefix,
                "DYNAMODB_ENDPOINT",
                services.dynamoDbEndpoint().toString(),
                "SQS_ENDPOINT",
                services.sqsEndpoint().toString(),
                "S3_ENDPOINT",
                services.s3Endpoint().toString(),
                "CATALOG_BUCKET",
                bucket,
                "LWA_API_BASE",
                services.lwa().baseUrl(),
                "LWA_CLIENT_ID",
                DevServices.LWA_CLIENT_ID,
                "RELAY_MODE",
                "local",
                "FALLBACK_ART_URL",
                "https://example.org/fallback.png"));
        env.putAll(overrides);
        wiring = new CloudWiring(Config.from(env), Clock.systemUTC());
        wiring.tables().createAll(wiring.aws().dynamoDb());
        s3 = S3Client.builder()
                .endpointOverride(services.s3Endpoint())
                .region(Region.of(services.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        s3.createBucket(b -> b.bucket(bucket));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "relay-cloud");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests to one route of a home, e.g. "catalog-snapshot". */
    List<Call> calls(HomeRegistration home, String route) {
        return calls.stream()
                .filter(c -> c.path().equals("/v1/homes/" + home.instanceId() + "/" + route))
                .toList();
    }

    /** The snapshot object of a home as the cloud holds it, or null. */
    byte[] snapshot(String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            ApiResponse response = wiring.relayApi()
                    .handle(new ApiRequest(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(),
                            headers,
                            body,
                            "127.0.0.1"));
            calls.add(new Call(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), response.status()));
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        s3.close();
    }
}
