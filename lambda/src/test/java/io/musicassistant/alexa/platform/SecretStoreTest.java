package io.musicassistant.alexa.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secrets Manager cannot run here, so a local HTTP stand-in answers GetSecretValue in the service's
 * JSON protocol; the real SDK client talks to it over a socket.
 */
class SecretStoreTest {

    static final String CLIENT_SECRET_ARN =
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ma-alexa-skill-messaging-AbCdEf";
    static final String GRANT_SEED_ARN =
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ma-alexa-grant-key-GhIjKl";
    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, String> secrets = new HashMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();
    HttpServer server;
    SecretsManagerClient client;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String id = request.path("SecretId").asText();
            asked.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + id);
            String value = secrets.get(id);
            byte[] body = value == null
                    ? "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}"
                            .getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(Map.of("ARN", id, "Name", "n", "SecretString", value, "VersionId", "v1"));
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(value == null ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = SecretsManagerClient.builder()
                .endpointOverride(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void reportingComesFromTheDeploymentsSecretsOnFirstUse() {
        secrets.put(CLIENT_SECRET_ARN, "amzn1.oa2-cs.v1.skillMessagingSecretValue");
        secrets.put(GRANT_SEED_ARN, "Q7xk2mZp9TqL4vWn8RcY3sHb6JdF1gAe5uKo0iXzNyMtPrEwBaCvDhGjSlUqIkOf");
        Config config = Config.from(Map.of(
                "LWA_CLIENT_ID",
                "amzn1.application-oa2-client.test",
                "RELAY_MODE",
                "local",
                "ALEXA_CLIENT_ID",
                "amzn1.application-oa2-client.messaging",
                "ALEXA_CLIENT_SECRET_ARN",
                CLIENT_SECRET_ARN,
                "GRANT_KEY_SECRET_ARN",
                GRANT_SEED_ARN,
                "EVENT_GATEWAY_URL",
                "https://api.eu.amazonalexa.com/v3/events"));
        assertNull(config.reporting(), "nothing is read while the container starts");
        assertTrue(asked.isEmpty());

        Config.Reporting reporting = config.reporting(new SecretStore(client)::read);

        assertEquals(
                List.of(
                        "secretsmanager.GetSecretValue " + CLIENT_SECRET_ARN,
                        "secretsmanager.GetSecretValue " + GRANT_SEED_ARN),
                asked);
        assertEquals("amzn1.application-oa2-client.messaging", reporting.clientId());
        assertEquals("amzn1.oa2-cs.v1.skillMessagingSecretValue", reporting.clientSecret());
        assertEquals(URI.create("https://api.eu.amazonalexa.com/v3/events"), reporting.gatewayUrl());
        byte[] key = Base64.getDecoder().decode(reporting.grantKey());
        assertEquals(32, key.length, "an AES-256 key");
        TokenSealer sealer = TokenSealer.fromBase64(reporting.grantKey());
        assertEquals("grant", sealer.open(sealer.seal("grant", "user"), "user"));
        assertEquals(
                reporting.grantKey(),
                TokenSealer.deriveKey(secrets.get(GRANT_SEED_ARN)),
                "the same seed, the same key");
        assertFalse(reporting.toString().contains("skillMessagingSecretValue"));
    }

    @Test
    void secretsGivenDirectlyWinAndNothingIsRead() {
        Config config = Config.from(Map.of(
                "LWA_CLIENT_ID",
                "amzn1.application-oa2-client.test",
                "RELAY_MODE",
                "local",
                "ALEXA_CLIENT_ID",
                "id",
                "ALEXA_CLIENT_SECRET",
                "direct",
                "GRANT_KEY",
                Base64.getEncoder().encodeToString(new byte[32]),
                "ALEXA_CLIENT_SECRET_ARN",
                CLIENT_SECRET_ARN,
                "GRANT_KEY_SECRET_ARN",
                GRANT_SEED_ARN));
        assertEquals("direct", config.reporting(new SecretStore(client)::read).clientSecret());
        assertTrue(asked.isEmpty());
        Config none = Config.from(Map.of("LWA_CLIENT_ID", "amzn1.application-oa2-client.test", "RELAY_MODE", "local"));
        assertNull(none.reporting(new SecretStore(client)::read));
    }

    @Test
    void aMissingSecretIsNamedButNoValueLeaks() {
        secrets.put(GRANT_SEED_ARN, "seed-value-that-must-not-leak");
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> new SecretStore(client).read(CLIENT_SECRET_ARN));
        assertTrue(
                e.getMessage().contains(CLIENT_SECRET_ARN) && e.getMessage().contains("ResourceNotFoundException"),
                e.getMessage());
        secrets.put(CLIENT_SECRET_ARN, "  ");
        IllegalStateException blank =
                assertThrows(IllegalStateException.class, () -> new SecretStore(client).read(CLIENT_SECRET_ARN));
        assertTrue(blank.getMessage().contains("no text value"));
    }

    @Test
    void snapStartFunctionsUseTheContainerCredentialsEndpoint() {
        assertInstanceOf(StaticCredentialsProvider.class, AwsClients.credentials(true, Map.of()));
        assertInstanceOf(
                ContainerCredentialsProvider.class,
                AwsClients.credentials(
                        false,
                        Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials")));
        assertInstanceOf(EnvironmentVariableCredentialsProvider.class, AwsClients.credentials(false, Map.of()));
    }
}
