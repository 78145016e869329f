package io.musicassistant.alexa.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The stand-ins answer real SDK clients and real HTTP, which is what every other test relies on. */
class DevServicesTest {

    private final DevServices services = DevServices.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dynamoDbAndSqsAnswerTheAwsSdk() {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                        .endpointOverride(services.dynamoDbEndpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(creds)
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                SqsClient sqs = SqsClient.builder()
                        .endpointOverride(services.sqsEndpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(creds)
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            assertTrue(dynamo.listTables().tableNames() instanceof List<String>);
            String url = sqs.createQueue(b -> b.queueName("dev-services-test")).queueUrl();
            assertTrue(url.contains(":" + services.sqsEndpoint().getPort() + "/"), url);
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
            var received =
                    sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages();
            assertEquals("hello", received.getFirst().body());
        }
    }

    @Test
    void lwaStandInAnswersProfileAndTokenInfoLikeAmazon() throws Exception {
        LwaStandIn lwa = services.lwa();
        String token = lwa.issueToken("amzn1.account.TESTUSER1", "Test User", Duration.ofMinutes(60));
        assertTrue(token.startsWith("Atza|"));

        JsonNode profile = get("/user/profile", "Bearer " + token, 200);
        assertEquals("amzn1.account.TESTUSER1", profile.path("user_id").asText());
        JsonNode info = get("/auth/o2/tokeninfo?access_token=" + java.net.URLEncoder.encode(token, "UTF-8"), null, 200);
        assertEquals(DevServices.LWA_CLIENT_ID, info.path("aud").asText());
        long exp = info.path("exp").asLong();
        assertTrue(exp > 3500 && exp <= 3600, "exp is seconds remaining: " + exp);

        assertEquals(
                "invalid_token",
                get("/user/profile", "Bearer Atza|nope", 400).path("error").asText());
        String expired = lwa.issueToken("amzn1.account.TESTUSER1", "Test User", Duration.ofSeconds(-1));
        assertEquals(
                "invalid_token",
                get("/user/profile", "Bearer " + expired, 401).path("error").asText());
        assertEquals(
                "invalid_request", get("/user/profile", null, 400).path("error").asText());
    }

    private JsonNode get(String path, String authorization, int expectedStatus) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(services.lwa().baseUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return SmallHttp.JSON.readTree(response.body());
    }
}
