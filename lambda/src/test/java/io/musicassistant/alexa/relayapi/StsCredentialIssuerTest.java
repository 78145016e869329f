package io.musicassistant.alexa.relayapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.musicassistant.alexa.dev.SmallHttp;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AWS STS cannot run here, so a local HTTP stand-in answers AssumeRole in STS's documented XML;
 * the real SDK client talks to it, and the test checks what the issuer asked for.
 */
class StsCredentialIssuerTest {

    static final Home HOME = new Home(
            "home-0123456789abcdefghjkmnpqrs",
            "Test",
            "https://sqs.eu-west-1.amazonaws.com/123456789012/ma-alexa-relay-home-0123456789abcdefghjkmnpqrs",
            Instant.now(),
            "online",
            true,
            null,
            null);

    @Test
    void sessionPolicyIsolatesOneHome() throws Exception {
        StsCredentialIssuer issuer = new StsCredentialIssuer(
                null, "arn:aws:iam::123456789012:role/connector", "eu-west-1", new Tables("ma-alexa-"));
        JsonNode policy = RelayJson.mapper().readTree(issuer.sessionPolicy(HOME));
        JsonNode queue = policy.path("Statement").get(0);
        assertEquals(
                "arn:aws:sqs:eu-west-1:123456789012:ma-alexa-relay-home-0123456789abcdefghjkmnpqrs",
                queue.path("Resource").asText());
        assertFalse(queue.path("Action").toString().contains("SendMessage"), "a home never writes to queues");
        JsonNode replies = policy.path("Statement").get(1);
        assertEquals(
                "arn:aws:dynamodb:eu-west-1:123456789012:table/ma-alexa-replies",
                replies.path("Resource").asText());
        assertEquals(
                "home-0123456789abcdefghjkmnpqrs#*",
                replies.path("Condition")
                        .path("ForAllValues:StringLike")
                        .path("dynamodb:LeadingKeys")
                        .get(0)
                        .asText());
        assertFalse(policy.toString().contains("\"*\""), "no wildcard resources");
        assertThrows(IllegalStateException.class, () -> StsCredentialIssuer.accountOf("http://127.0.0.1:9324/000/q"));
    }

    @Test
    void assumesTheConnectorRoleWithTheSessionPolicy() throws Exception {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        HttpServer sts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        sts.createContext("/", exchange -> {
            seen.set(SmallHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] xml = """
                    <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
                    <Credentials><AccessKeyId>ASIATESTKEY</AccessKeyId><SecretAccessKey>secretvalue</SecretAccessKey>
                    <SessionToken>sessiontoken</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>
                    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/connector/x</Arn><AssumedRoleId>AROA:x</AssumedRoleId></AssumedRoleUser>
                    </AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, xml.length);
            exchange.getResponseBody().write(xml);
            exchange.close();
        });
        sts.start();
        try (StsClient client = StsClient.builder()
                .endpointOverride(
                        URI.create("http://127.0.0.1:" + sts.getAddress().getPort()))
                .region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build()) {
            RelayAccess access = new StsCredentialIssuer(
                            client, "arn:aws:iam::123456789012:role/connector", "eu-west-1", new Tables("ma-alexa-"))
                    .issue(HOME);
            assertEquals("AssumeRole", seen.get().get("Action"));
            assertEquals("arn:aws:iam::123456789012:role/connector", seen.get().get("RoleArn"));
            assertEquals(HOME.instanceId(), seen.get().get("RoleSessionName"));
            assertTrue(seen.get().get("Policy").contains("dynamodb:LeadingKeys"));
            // The role's own policy scopes every grant by this tag (ConnectorIsolationTest in infrastructure/).
            assertEquals("home", seen.get().get("Tags.member.1.Key"));
            assertEquals(HOME.instanceId(), seen.get().get("Tags.member.1.Value"));
            assertEquals(null, seen.get().get("Tags.member.2.Key"), "one tag, nothing else");
            assertEquals("ASIATESTKEY", access.accessKeyId());
            assertEquals("sessiontoken", access.sessionToken());
            assertEquals(RelayAccess.MODE_AWS, access.mode());
            assertFalse(access.toString().contains("secretvalue"));
        } finally {
            sts.stop(0);
        }
    }
}
