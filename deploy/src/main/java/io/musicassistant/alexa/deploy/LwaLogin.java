package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Login with Amazon's authorization-code grant for the catalog build's SMAPI access, as Amazon
 * documents it for SMAPI (developer.amazon.com/docs/alexa/smapi/get-access-token-smapi.html and
 * …/login-with-amazon/authorization-code-grant.html): the developer opens the authorize URL, signs in
 * with the Amazon account that owns the skills and allows the scopes; LWA redirects the browser to a
 * listener on this machine's loopback with a one-time code, which is exchanged, with the security
 * profile's client secret, for a refresh token. The same return URL as the ASK CLI's
 * {@code ask util generate-lwa-tokens} ({@code http://127.0.0.1:9090/cb}), so one allowed return URL
 * serves both. The code and the tokens are never printed.
 */
final class LwaLogin {

    static final URI AUTHORIZE = URI.create("https://www.amazon.com/ap/oa");
    static final URI TOKEN = URI.create("https://api.amazon.com/auth/o2/token");
    static final int PORT = 9090;
    static final String CALLBACK = "/cb";
    static final URI REDIRECT = URI.create("http://127.0.0.1:" + PORT + CALLBACK);
    /**
     * Catalogs read and written (create, upload, status), and skills read and written (associating a
     * catalog with the music skill): the names ask-cli 2.30.7's lib/utils/constants.js gives them.
     */
    static final String SCOPES = "alexa::ask:catalogs:read alexa::ask:catalogs:readwrite alexa::ask:skills:readwrite";
    /** How long the developer has to sign in. */
    static final Duration WAIT = Duration.ofMinutes(10);

    /**
     * One authorization: which client asks for which scopes, and where LWA sends the browser back.
     *
     * @param state the value LWA hands back unchanged, so that a stray request to the listener is refused
     */
    record Grant(String clientId, Secret clientSecret, String scopes, URI redirectUri, String state) {

        static Grant of(String clientId, Secret clientSecret) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            return new Grant(
                    clientId, clientSecret, SCOPES, REDIRECT, HexFormat.of().formatHex(random));
        }

        Grant withRedirect(URI redirect) {
            return new Grant(clientId, clientSecret, scopes, redirect, state);
        }

        /** The page the developer opens. */
        URI authorizeUrl(URI base) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("client_id", clientId);
            query.put("scope", scopes);
            query.put("response_type", "code");
            query.put("redirect_uri", redirectUri.toString());
            query.put("state", state);
            return URI.create(base + "?" + form(query));
        }
    }

    private final URI authorize;
    private final URI token;
    private final int port;
    private final Duration wait;

    LwaLogin() {
        this(AUTHORIZE, TOKEN, PORT, WAIT);
    }

    /** @param port the loopback port to listen on; 0 (tests) picks a free one and puts it in the redirect */
    LwaLogin(URI authorize, URI token, int port, Duration wait) {
        this.authorize = authorize;
        this.token = token;
        this.port = port;
        this.wait = wait;
    }

    /**
     * Listens for LWA's redirect, shows the authorize URL, waits for the code and exchanges it.
     *
     * @param show is given the URL to open once the listener is up
     * @return the refresh token
     */
    Secret authorize(Grant requested, Consumer<URI> show) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new IOException(
                    "port " + port + " on 127.0.0.1 is in use, so Login with Amazon's redirect cannot reach the"
                            + " deploy; stop what listens there (the ASK CLI's sign-in uses it too) and run again");
        }
        Grant grant = port == 0
                ? requested.withRedirect(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CALLBACK))
                : requested;
        CompletableFuture<String> code = new CompletableFuture<>();
        server.createContext(CALLBACK, exchange -> callback(exchange, grant.state(), code));
        server.start();
        try {
            show.accept(grant.authorizeUrl(authorize));
            String authorizationCode = code.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return exchange(grant, authorizationCode);
        } catch (TimeoutException e) {
            throw new IOException(
                    "no sign-in within " + wait.toMinutes() + " minutes. If Amazon's page said the return URL is not"
                            + " allowed, add " + REDIRECT
                            + " to the security profile's Allowed Return URLs; on a machine without a"
                            + " browser, forward the port first (ssh -L " + PORT + ":127.0.0.1:" + PORT
                            + " this-machine) or set"
                            + " SMAPI_REFRESH_TOKEN");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the sign-in");
        } finally {
            server.stop(0);
        }
    }

    /** LWA's redirect: {@code ?code=…&scope=…&state=…}, or {@code ?error=…&error_description=…}. */
    private static void callback(HttpExchange exchange, String state, CompletableFuture<String> code)
            throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        String page;
        int status;
        if (!state.equals(query.get("state"))) {
            // Not the answer to our request (a stale tab, another program): refused, and the wait goes on.
            status = 400;
            page = "This is not the sign-in the deploy is waiting for.";
        } else if (query.containsKey("error")) {
            status = 400;
            page = "Login with Amazon refused: " + query.get("error") + ". The deploy stops; see its output.";
            code.completeExceptionally(new IOException("Login with Amazon answered " + query.get("error")
                    + (query.containsKey("error_description") ? " (" + query.get("error_description") + ")" : "")
                    + (query.get("error").equals("access_denied") ? ": the access was not allowed" : "")));
        } else if (query.getOrDefault("code", "").isBlank()) {
            status = 400;
            page = "Login with Amazon sent no code.";
            code.completeExceptionally(new IOException("Login with Amazon redirected without a code"));
        } else {
            status = 200;
            page = "Signed in. The deploy goes on; you can close this tab.";
            code.complete(query.get("code"));
        }
        byte[] body = ("<!doctype html><meta charset=utf-8><title>Music Assistant for Alexa</title><p>" + page)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The code for tokens ({@code grant_type=authorization_code}); only the refresh token is kept. */
    private Secret exchange(Grant grant, String code) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", grant.redirectUri().toString());
        form.put("client_id", grant.clientId());
        form.put("client_secret", grant.clientSecret().value());
        HttpRequest request = HttpRequest.newBuilder(token)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while exchanging the code");
        }
        JsonNode body;
        try {
            body = Manifests.JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IOException(
                    "Login with Amazon's token endpoint answered HTTP " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200
                || body == null
                || body.path("refresh_token").asText("").isBlank()) {
            // LWA's errors name the problem (invalid_client: a wrong secret; invalid_grant: an old code) and carry no
            // secret.
            throw new IOException("Login with Amazon refused the code: HTTP " + response.statusCode() + " "
                    + (body == null
                                    ? ""
                                    : body.path("error").asText("") + " "
                                            + body.path("error_description").asText(""))
                            .strip());
        }
        return new Secret(body.path("refresh_token").asText());
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
