package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization-code grant over real HTTP on the loopback: a stand-in for LWA's token endpoint,
 * and the test playing the browser that LWA redirects back to the deploy's listener.
 */
class LwaLoginTest {

    static final String CLIENT_ID = "amzn1.application-oa2-client.0123456789abcdef";
    static final String CLIENT_SECRET = "client-secret-0123456789abcdef";
    static final String REFRESH = "Atzr|IwEBIstand-in-refresh-token";

    HttpServer tokenEndpoint;
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    volatile int tokenStatus = 200;
    volatile String tokenAnswer = "{\"access_token\":\"Atza|IwEBIaccess\",\"refresh_token\":\"" + REFRESH
            + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";
    final List<Integer> browserStatuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void tokenEndpoint() throws IOException {
        tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tokenEndpoint.createContext("/auth/o2/token", exchange -> {
            tokenRequests.add(
                    LwaLogin.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = tokenAnswer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(tokenStatus, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        tokenEndpoint.start();
    }

    @AfterEach
    void stop() {
        tokenEndpoint.stop(0);
    }

    @Test
    void theDeveloperIsSentToLwaWithTheCatalogScopesAndTheCodeIsExchangedForARefreshToken() throws IOException {
        LwaLogin.Grant grant = LwaLogin.Grant.of(CLIENT_ID, new Secret(CLIENT_SECRET));
        List<URI> shown = new CopyOnWriteArrayList<>();

        Secret token = login(Duration.ofSeconds(20)).authorize(grant, url -> {
            shown.add(url);
            browser(url, Map.of("state", "someone-elses"), "abc"); // a stray request is refused, the wait goes on
            browser(url, Map.of(), "ANmVzdXBlcnNlY3JldGNvZGU");
        });

        assertEquals(REFRESH, token.value());
        Map<String, String> query = LwaLogin.parse(shown.getFirst().getRawQuery());
        assertEquals(
                "https://www.amazon.com/ap/oa",
                shown.getFirst()
                        .toString()
                        .substring(0, shown.getFirst().toString().indexOf('?')));
        assertEquals(CLIENT_ID, query.get("client_id"));
        assertEquals("code", query.get("response_type"));
        assertEquals(
                "alexa::ask:catalogs:read alexa::ask:catalogs:readwrite alexa::ask:skills:readwrite",
                query.get("scope"));
        assertTrue(query.get("redirect_uri").matches("http://127\\.0\\.0\\.1:\\d+/cb"), query.get("redirect_uri"));
        assertEquals(32, query.get("state").length(), "128 random bits");
        assertEquals(List.of(400, 200), browserStatuses);
        assertEquals(1, tokenRequests.size());
        assertEquals(
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        "ANmVzdXBlcnNlY3JldGNvZGU",
                        "redirect_uri",
                        query.get("redirect_uri"),
                        "client_id",
                        CLIENT_ID,
                        "client_secret",
                        CLIENT_SECRET),
                tokenRequests.getFirst(),
                "exactly LWA's authorization-code grant, with the same redirect URI");
        assertEquals(
                "http://127.0.0.1:9090/cb",
                LwaLogin.Grant.of(CLIENT_ID, new Secret(CLIENT_SECRET))
                        .redirectUri()
                        .toString(),
                "the real listener is where ask util generate-lwa-tokens listens");
    }

    @Test
    void aRefusedConsentStopsWithLwasReason() {
        LwaLogin.Grant grant = LwaLogin.Grant.of(CLIENT_ID, new Secret(CLIENT_SECRET));

        IOException refused = assertThrows(
                IOException.class,
                () -> login(Duration.ofSeconds(20))
                        .authorize(
                                grant,
                                url -> browser(
                                        url,
                                        Map.of(
                                                "error",
                                                "access_denied",
                                                "error_description",
                                                "The user denied the request"),
                                        null)));

        assertTrue(
                refused.getMessage().contains("access_denied")
                        && refused.getMessage().contains("not allowed"),
                refused.getMessage());
        assertEquals(List.of(), tokenRequests, "no code, no exchange");
    }

    @Test
    void aCodeLwaWillNotExchangeStopsWithItsErrorAndNoSecret() {
        tokenStatus = 400;
        tokenAnswer =
                "{\"error_description\":\"The request has an invalid grant parameter : code\",\"error\":\"invalid_grant\"}";
        LwaLogin.Grant grant = LwaLogin.Grant.of(CLIENT_ID, new Secret(CLIENT_SECRET));

        IOException refused = assertThrows(
                IOException.class,
                () -> login(Duration.ofSeconds(20)).authorize(grant, url -> browser(url, Map.of(), "old-code")));

        assertTrue(refused.getMessage().contains("HTTP 400 invalid_grant"), refused.getMessage());
        assertFalse(refused.getMessage().contains(CLIENT_SECRET));
        assertFalse(refused.getMessage().contains("old-code"));
    }

    @Test
    void noSignInInTimeSaysWhatToCheck() {
        LwaLogin.Grant grant = LwaLogin.Grant.of(CLIENT_ID, new Secret(CLIENT_SECRET));

        IOException late = assertThrows(
                IOException.class, () -> login(Duration.ofMillis(300)).authorize(grant, url -> {}));

        assertTrue(
                late.getMessage().contains("Allowed Return URLs")
                        && late.getMessage().contains("ssh -L 9090:127.0.0.1:9090")
                        && late.getMessage().contains("SMAPI_REFRESH_TOKEN"),
                late.getMessage());
    }

    @Test
    void aBusyPortIsNamed() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LwaLogin login = new LwaLogin(LwaLogin.AUTHORIZE, token(), busy.getLocalPort(), Duration.ofSeconds(1));
            IOException inUse = assertThrows(
                    IOException.class,
                    () -> login.authorize(LwaLogin.Grant.of(CLIENT_ID, new Secret(CLIENT_SECRET)), url -> {}));
            assertTrue(
                    inUse.getMessage().contains("port " + busy.getLocalPort() + " on 127.0.0.1 is in use"),
                    inUse.getMessage());
        }
    }

    private LwaLogin login(Duration wait) {
        return new LwaLogin(LwaLogin.AUTHORIZE, token(), 0, wait);
    }

    private URI token() {
        return URI.create("http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/auth/o2/token");
    }

    /**
     * What LWA does after the sign-in: sends the browser to the redirect URI with the code (or an
     * error) and the state it was given, unless {@code override} replaces them.
     */
    private void browser(URI authorize, Map<String, String> override, String code) {
        Map<String, String> query = LwaLogin.parse(authorize.getRawQuery());
        Map<String, String> answer = new java.util.LinkedHashMap<>();
        if (code != null) {
            answer.put("code", code);
            answer.put("scope", query.get("scope"));
        }
        answer.put("state", query.get("state"));
        answer.putAll(override);
        URI redirect = URI.create(query.get("redirect_uri") + "?" + LwaLogin.form(answer));
        Consumer<HttpResponse<String>> keep = r -> browserStatuses.add(r.statusCode());
        try {
            keep.accept(HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(redirect).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
