package io.musicassistant.alexa.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.CloudWiring;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Config;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relayapi.ApiRequest;
import io.musicassistant.alexa.relayapi.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cloud side wired against the real local servers (Moto's DynamoDB, ElasticMQ, the LWA
 * stand-in), isolated per fixture by its own table prefix. Nothing here is mocked.
 */
public final class CloudFixture {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final DevServices services = DevServices.shared();
    public final Config config;
    public final CloudWiring wiring;

    private CloudFixture(Map<String, String> overrides) {
        String prefix = "t" + COUNTER.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6) + "-";
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_REGION",
                services.region(),
                "TABLE_PREFIX",
                prefix,
                "DYNAMODB_ENDPOINT",
                services.dynamoDbEndpoint().toString(),
                "SQS_ENDPOINT",
                services.sqsEndpoint().toString(),
                "LWA_API_BASE",
                services.lwa().baseUrl(),
                "LWA_CLIENT_ID",
                DevServices.LWA_CLIENT_ID,
                "RELAY_MODE",
                "local",
                "FALLBACK_ART_URL",
                "https://example.org/fallback.png",
                "RELAY_TIMEOUT_MS",
                "3000"));
        env.putAll(overrides);
        this.config = Config.from(env);
        this.wiring = new CloudWiring(config, Clock.systemUTC());
        wiring.tables().createAll(wiring.aws().dynamoDb());
    }

    public static CloudFixture create() {
        return new CloudFixture(Map.of());
    }

    public static CloudFixture create(Map<String, String> overrides) {
        return new CloudFixture(overrides);
    }

    /** A fresh Amazon user with a valid access token. */
    public User newUser() {
        String userId = "amzn1.account.T"
                + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return new User(userId, services.lwa().issueToken(userId, "Test User", Duration.ofHours(1)));
    }

    /** An Amazon user: LWA user id and access token. */
    public record User(String userId, String token) {}

    /** A registered home: what its connector would keep in its state directory. */
    public record Home(String instanceId, String secret) {}

    public ApiResponse relay(String method, String path, String bearer, Object body) {
        return relayFrom("198.51.100.7", method, path, bearer, body);
    }

    /** A relay API request from a given source address (rate limits count per address). */
    public ApiResponse relayFrom(String sourceIp, String method, String path, String bearer, Object body) {
        Map<String, String> headers = new HashMap<>();
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        byte[] bytes = new byte[0];
        if (body != null) {
            headers.put("content-type", "application/json");
            bytes = (body instanceof String s ? s : RelayJson.write(body)).getBytes(StandardCharsets.UTF_8);
        }
        return wiring.relayApi().handle(new ApiRequest(method, path, headers, bytes, sourceIp));
    }

    public Home registerHome() {
        // Each home from its own network: registrations are rate-limited per address and per /24, and tests make many.
        int n = COUNTER.incrementAndGet();
        String source = "203." + (n / 250 % 250) + "." + (n % 250) + ".1";
        Map<String, String> body = Map.of("connector_version", "test-1", "home_name", "Test Home");
        ApiResponse r = relayFrom(source, "POST", "/v1/homes", null, body);
        // A JVM's first call to an emulator can outlast the SDK's 2.5 s timeout on a loaded machine (a 500).
        for (int attempt = 1; r.status() == 500 && attempt < 3; attempt++) {
            r = relayFrom(source, "POST", "/v1/homes", null, body);
        }
        if (r.status() != 201) {
            throw new IllegalStateException("registration failed: " + r.status() + " " + r.body());
        }
        HomeRegistration reg = RelayJson.read(r.body(), HomeRegistration.class);
        return new Home(reg.instanceId(), reg.instanceSecret());
    }

    /** The home's last heartbeat was ten minutes ago: the cloud takes it for offline. */
    public void lastHeardLongAgo(Home home) {
        wiring.aws()
                .dynamoDb()
                .updateItem(b -> b.tableName(wiring.tables().name(Tables.HOMES))
                        .key(Attrs.key("instance_id", home.instanceId()))
                        .updateExpression("SET heartbeat_at_ms = :old")
                        .expressionAttributeValues(Map.of(":old", Attrs.n(System.currentTimeMillis() - 600_000))));
    }

    public void heartbeat(Home home, boolean maConnected) {
        heartbeat(home, maConnected, false);
    }

    /** @param acks whether the home says it writes receipts (connectors since issue 12) */
    public io.musicassistant.alexa.relay.protocol.api.HeartbeatAck heartbeat(
            Home home, boolean maConnected, boolean acks) {
        ApiResponse r = relay(
                "POST",
                "/v1/homes/" + home.instanceId() + "/heartbeat",
                home.secret(),
                new HeartbeatRequest(
                        "online",
                        "test-1",
                        new HeartbeatRequest.MaStatus(maConnected, "sim", "2.9.0", 31),
                        "https://music.example.net",
                        null,
                        acks));
        if (r.status() != 200) {
            throw new IllegalStateException("heartbeat failed: " + r.body());
        }
        return RelayJson.read(r.body(), io.musicassistant.alexa.relay.protocol.api.HeartbeatAck.class);
    }

    /** Registers a home, pairs {@code user} with it, and marks it online. */
    public Home pairedHome(User user) {
        Home home = registerHome();
        pair(home, user);
        heartbeat(home, true);
        return home;
    }

    public void pair(Home home, User user) {
        ApiResponse code = relay("POST", "/v1/homes/" + home.instanceId() + "/pairing-code", home.secret(), null);
        String value = RelayJson.read(code.body(), io.musicassistant.alexa.relay.protocol.api.PairingCode.class)
                .code();
        ApiResponse claimed = relay("POST", "/v1/pairings", user.token(), Map.of("code", value));
        if (claimed.status() != 200) {
            throw new IllegalStateException("pairing failed: " + claimed.body());
        }
    }

    public String queueUrl(Home home) {
        return wiring.aws()
                .sqs()
                .getQueueUrl(b -> b.queueName(wiring.tables().queueName(home.instanceId())))
                .queueUrl();
    }

    /** Sends a music directive through the skill and parses the answer. */
    public JsonNode music(String json) {
        try {
            return AlexaJson.mapper().readTree(wiring.musicSkill().handle(json.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode music(byte[] raw) {
        try {
            return AlexaJson.mapper().readTree(wiring.musicSkill().handle(raw));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives {@code user} a row in the grants table, as AcceptGrant would (tokens left out: only its presence is tested). */
    public void putGrantRow(User user) {
        wiring.aws()
                .dynamoDb()
                .putItem(b -> b.tableName(wiring.tables().name(io.musicassistant.alexa.platform.Tables.GRANTS))
                        .item(Map.of(
                                io.musicassistant.alexa.platform.Tables.GRANTS.key(),
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(user.userId()),
                                "expires_at_ms",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("0"))));
    }

    /** Whether {@code user} has a row in the grants table. */
    public boolean hasGrant(User user) {
        var item = wiring.aws()
                .dynamoDb()
                .getItem(b -> b.tableName(wiring.tables().name(io.musicassistant.alexa.platform.Tables.GRANTS))
                        .key(Map.of(
                                io.musicassistant.alexa.platform.Tables.GRANTS.key(),
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(user.userId()))))
                .item();
        return item != null && !item.isEmpty();
    }
}
