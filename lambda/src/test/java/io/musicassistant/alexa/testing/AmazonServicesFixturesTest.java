package io.musicassistant.alexa.testing;

import static io.musicassistant.alexa.testing.Fixtures.assertDocumented;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.control.reporting.LwaTokenClient;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.LwaStandIn;
import io.musicassistant.alexa.dev.SmallHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Amazon services our tests stand in for answer in the shapes Amazon documents (Login with Amazon's
 * profile, tokeninfo and token endpoints; the event gateway's errors), so every test that runs against
 * the stand-ins runs against those shapes; and our LWA token client sends the documented token forms.
 */
class AmazonServicesFixturesTest {

    static final DevServices SERVICES = DevServices.shared();
    static final LwaStandIn LWA = SERVICES.lwa();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {}

    static Answer call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), AlexaJson.mapper().readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer profile(String token) {
        return call(HttpRequest.newBuilder(URI.create(LWA.baseUrl() + "/user/profile"))
                .header("Authorization", "Bearer " + token));
    }

    static Answer tokenInfo(String token) {
        return call(HttpRequest.newBuilder(URI.create(LWA.baseUrl() + "/auth/o2/tokeninfo?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))));
    }

    static Answer token(String contentType, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return call(HttpRequest.newBuilder(URI.create(LWA.baseUrl() + "/auth/o2/token"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Answer messagingToken(Map<String, String> grant) {
        Map<String, String> form = new java.util.LinkedHashMap<>(grant);
        form.put("client_id", LWA.messagingClientId());
        form.put("client_secret", LWA.messagingClientSecret());
        return token("application/x-www-form-urlencoded", form);
    }

    static void assertAnswer(String fixture, int status, Answer answer) {
        assertEquals(status, answer.status(), answer.body().toString());
        assertDocumented(Directives.fixture(fixture), answer.body());
    }

    static String userId() {
        return "amzn1.account.F" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }

    @Test
    void loginWithAmazonIdentityAnswers() {
        String named = LWA.issueToken(userId(), "Test User", Duration.ofHours(1));
        assertAnswer("LWA.profile.response.profile-scope.json", 200, profile(named));
        assertAnswer("LWA.tokeninfo.response.observed.json", 200, tokenInfo(named));
        // A grant without the profile scope: the user id alone.
        String bare = LWA.issueToken(userId(), null, Duration.ofHours(1));
        Answer idOnly = profile(bare);
        assertAnswer("LWA.profile.response.user_id-scope.json", 200, idOnly);
        assertEquals(List.of("user_id"), fieldNames(idOnly.body()));
        assertAnswer("LWA.profile.error.invalid-token.observed.json", 400, profile("Atza|unknown"));
        assertAnswer("LWA.tokeninfo.error.invalid-token.observed.json", 400, tokenInfo("Atza|unknown"));
    }

    @Test
    void loginWithAmazonTokenAnswers() {
        Answer granted =
                messagingToken(Map.of("grant_type", "authorization_code", "code", LWA.issueGrantCode(userId())));
        assertAnswer("LWA.token.response.authorization_code.json", 200, granted);
        Answer refreshed = messagingToken(Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                granted.body().path("refresh_token").asText()));
        assertAnswer("LWA.token.response.refresh_token.json", 200, refreshed);
        assertAnswer(
                "LWA.token.error.invalid_grant.json",
                400,
                messagingToken(Map.of("grant_type", "authorization_code", "code", "used-or-made-up")));
        assertAnswer(
                "LWA.token.error.invalid_client.observed.json",
                401,
                token(
                        "application/x-www-form-urlencoded",
                        Map.of(
                                "grant_type",
                                "refresh_token",
                                "refresh_token",
                                "Atzr|x",
                                "client_id",
                                LWA.messagingClientId(),
                                "client_secret",
                                "wrong")));
        assertAnswer(
                "LWA.token.error.invalid_request.observed.json",
                400,
                token("text/plain", Map.of("grant_type", "refresh_token")));
    }

    @Test
    void theEventGatewayRefusesAsAmazonDocuments() {
        String events = SERVICES.gateway().eventsUrl();
        HttpRequest.Builder unauthorized = HttpRequest.newBuilder(URI.create(events))
                .header("Authorization", "Bearer Atza|not-a-grant")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertDocumented(
                SmartHomeDirectives.fixture("EventGateway.error.INVALID_ACCESS_TOKEN_EXCEPTION.shape.json"),
                call(unauthorized).body());

        String user = userId();
        String grant = LWA.issueToken(user, null, LWA.messagingClientId(), Duration.ofHours(1));
        SERVICES.gateway().disableSkillFor(user);
        Answer disabled = call(HttpRequest.newBuilder(URI.create(events))
                .header("Authorization", "Bearer " + grant)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, disabled.status());
        ObjectNode documented =
                SmartHomeDirectives.fixture("EventGateway.error.SKILL_DISABLED_EXCEPTION.observed.json");
        assertDocumented(documented, disabled.body());
        assertEquals(
                documented.path("payload").path("code"),
                disabled.body().path("payload").path("code"));
    }

    /** What our token client posts, against the documented forms (field names and grant type). */
    @Test
    void ourTokenClientSendsTheDocumentedForms() throws IOException {
        List<Map<String, String>> forms = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/auth/o2/token", exchange -> {
            forms.add(SmallHttp.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            SmallHttp.sendJson(exchange, 200, Directives.fixture("LWA.token.response.authorization_code.json"));
        });
        server.start();
        try {
            LwaTokenClient client = new LwaTokenClient(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/auth/o2/token"),
                    "amzn1.application-oa2-client.messaging",
                    "secret",
                    Clock.systemUTC(),
                    Duration.ofSeconds(5));
            client.exchangeCode("ANUbUKCJqlBOpMhwYWxU");
            client.refresh("Atzr|IQEBLzAtAhRPpMJxdwVz2Nn6f2y-tpJX2DeX");
        } finally {
            server.stop(0);
        }
        assertForm(SmartHomeDirectives.fixture("LWA.token.request.accept-grant.form.json"), forms.get(0));
        assertForm(SmartHomeDirectives.fixture("LWA.token.request.refresh.form.json"), forms.get(1));
    }

    static void assertForm(ObjectNode documented, Map<String, String> sent) {
        documented.remove("_comment");
        assertEquals(new TreeSet<>(fieldNames(documented)), new TreeSet<>(sent.keySet()));
        assertEquals(documented.path("grant_type").asText(), sent.get("grant_type"));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
