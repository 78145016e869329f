package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Login with Amazon's token-facing endpoints, answering as Amazon documents
 * them: {@code GET /user/profile} (bearer token → {@code user_id}, {@code name}, {@code email}) and
 * {@code GET /auth/o2/tokeninfo?access_token=…} (→ {@code aud}, {@code user_id}, {@code iss},
 * {@code app_id}, {@code exp} in seconds remaining, {@code iat}). Error bodies are LWA's
 * {@code {"error","error_description"}}.
 *
 * <p>{@code POST /auth/o2/token} ({@link LwaTokenEndpoint}) redeems AcceptGrant codes and refresh
 * tokens of the skill-messaging client, and refresh tokens registered for a developer's client
 * ({@link #registerRefreshToken}), whose access tokens the SMAPI stand-in accepts.
 *
 * <p>It also has admin routes, {@code POST /_standin/tokens} and {@code /_standin/grant-codes}, so
 * that tests and the local stack can mint tokens and AcceptGrant codes for made-up users. Nothing here is a mock of our code: our identity client talks
 * to it over real HTTP exactly as it talks to api.amazon.com.
 */
public final class LwaStandIn implements AutoCloseable {

    public static final String ISSUER = "https://www.amazon.com";
    private static final int MAX_BODY = 16 * 1024;

    private final HttpServer server;
    private final String defaultClientId;
    private final Clock clock;
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger profileCalls = new AtomicInteger();
    private final AtomicInteger tokenInfoCalls = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final LwaTokenEndpoint tokenEndpoint =
            new LwaTokenEndpoint(random, (userId, clientId, ttl) -> issueToken(userId, null, clientId, ttl));
    private final AtomicInteger tokenCalls = new AtomicInteger();
    /** Fault injection: every token-facing call waits this long first, and answers 500 when failing. */
    private volatile Duration faultDelay = Duration.ZERO;

    private volatile boolean failing;

    /** What LWA knows about one access token. */
    public record Grant(
            String userId, String name, String email, String clientId, Instant issuedAt, Instant expiresAt) {}

    private LwaStandIn(HttpServer server, String defaultClientId, Clock clock) {
        this.server = server;
        this.defaultClientId = defaultClientId;
        this.clock = clock;
    }

    public static LwaStandIn start(int port, String clientId) {
        return start(port, clientId, Clock.systemUTC());
    }

    public static LwaStandIn start(int port, String clientId, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            LwaStandIn standIn = new LwaStandIn(server, Objects.requireNonNull(clientId), clock);
            server.createContext("/user/profile", standIn::profile);
            server.createContext("/auth/o2/tokeninfo", standIn::tokenInfo);
            server.createContext("/_standin/tokens", standIn::mint);
            server.createContext("/_standin/grant-codes", standIn::mintGrantCode);
            server.createContext("/auth/o2/token", standIn::token);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("LWA stand-in did not start", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String defaultClientId() {
        return defaultClientId;
    }

    /** Mints a new access token in LWA's {@code Atza|…} form for the default client. */
    public String issueToken(String userId, String name, Duration ttl) {
        return issueToken(userId, name, defaultClientId, ttl);
    }

    public String issueToken(String userId, String name, String clientId, Duration ttl) {
        byte[] bytes = new byte[180];
        random.nextBytes(bytes);
        String token = "Atza|IwEB" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        registerToken(token, userId, name, clientId, clock.instant().plus(ttl));
        return token;
    }

    /** Makes LWA know a token chosen by the caller (the local stack's documented demo token). */
    public void registerToken(String token, String userId, String name, String clientId, Instant expiresAt) {
        Instant now = clock.instant();
        tokens.put(token, new Grant(userId, name, name == null ? null : emailFor(name), clientId, now, expiresAt));
    }

    /** The client id and secret a skill uses for Alexa Skill Messaging (AcceptGrant, event gateway). */
    public String messagingClientId() {
        return tokenEndpoint.messagingClientId();
    }

    public String messagingClientSecret() {
        return tokenEndpoint.messagingClientSecret();
    }

    /** Lifetime of access tokens from the token endpoint; tests shorten it to exercise refreshing. */
    public void setGrantTokenLifetime(Duration lifetime) {
        tokenEndpoint.setGrantTokenLifetime(lifetime);
    }

    /**
     * Fault injection (the local stack's {@code --faults}): profile, tokeninfo and token calls wait
     * {@code delay} before answering, and with {@code fail} answer 500 {@code server_error} as LWA
     * does when it has trouble. The admin route is never affected.
     */
    public void setFault(Duration delay, boolean fail) {
        faultDelay = delay == null ? Duration.ZERO : delay;
        failing = fail;
    }

    /** True when the fault answered the call (a failure); after the fault's delay otherwise. */
    private boolean faulted(HttpExchange exchange) throws IOException {
        Duration delay = faultDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failing) {
            SmallHttp.sendJson(
                    exchange,
                    500,
                    Map.of("error", "server_error", "error_description", "The server encountered a runtime error."));
            return true;
        }
        return false;
    }

    /** The authorization code Alexa sends in an AcceptGrant for {@code userId}. */
    public String issueGrantCode(String userId) {
        return tokenEndpoint.issueGrantCode(userId);
    }

    /** Who an access token from the token endpoint (or a minted one) belongs to, if it is live. */
    public Optional<Grant> liveGrant(String accessToken) {
        Grant grant = accessToken == null ? null : tokens.get(accessToken);
        return grant != null && clock.instant().isBefore(grant.expiresAt()) ? Optional.of(grant) : Optional.empty();
    }

    /** Forgets a refresh token, as when the user disables the skill. */
    public void revokeRefreshTokens(String userId) {
        tokenEndpoint.revokeRefreshTokens(userId);
    }

    /**
     * Registers a client (a security profile's id and secret) and a refresh token it holds for
     * {@code userId}, as a developer gets one for SMAPI: {@code POST /auth/o2/token} with
     * {@code grant_type=refresh_token}, that client's id and secret and this token then answers
     * {@code {access_token, refresh_token, token_type: "bearer", expires_in}} as Login with Amazon
     * documents. A client id registered once keeps its first secret.
     */
    public void registerRefreshToken(String clientId, String clientSecret, String refreshToken, String userId) {
        tokenEndpoint.registerRefreshToken(clientId, clientSecret, refreshToken, userId);
    }

    /** Whether {@code clientId} was registered with {@link #registerRefreshToken} (the SMAPI stand-in accepts only those). */
    public boolean isRegisteredClient(String clientId) {
        return tokenEndpoint.isRegisteredClient(clientId);
    }

    public int tokenCalls() {
        return tokenCalls.get();
    }

    public int profileCalls() {
        return profileCalls.get();
    }

    public int tokenInfoCalls() {
        return tokenInfoCalls.get();
    }

    private void profile(HttpExchange exchange) throws IOException {
        profileCalls.incrementAndGet();
        if (faulted(exchange)) {
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        Grant grant = validGrant(exchange, token, 401);
        if (grant == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", grant.userId());
        if (grant.name() != null) {
            body.put("name", grant.name());
            body.put("email", grant.email());
        }
        SmallHttp.sendJson(exchange, 200, body);
    }

    private void tokenInfo(HttpExchange exchange) throws IOException {
        tokenInfoCalls.incrementAndGet();
        if (faulted(exchange)) {
            return;
        }
        Grant grant = validGrant(exchange, SmallHttp.query(exchange).get("access_token"), 400);
        if (grant == null) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aud", grant.clientId());
        body.put("user_id", grant.userId());
        body.put("iss", ISSUER);
        body.put("exp", Duration.between(now, grant.expiresAt()).toSeconds());
        body.put(
                "app_id",
                "amzn1.application." + Integer.toHexString(grant.clientId().hashCode()));
        body.put("iat", grant.issuedAt().getEpochSecond());
        SmallHttp.sendJson(exchange, 200, body);
    }

    /** The grant of a live token, or null after answering with LWA's error (missing, unknown, expired). */
    private Grant validGrant(HttpExchange exchange, String token, int expiredStatus) throws IOException {
        if (token == null || token.isEmpty()) {
            SmallHttp.sendJson(exchange, 400, LwaErrors.missingToken());
            return null;
        }
        Grant grant = tokens.get(token);
        if (grant == null) {
            SmallHttp.sendJson(exchange, 400, LwaErrors.invalidToken());
            return null;
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            SmallHttp.sendJson(exchange, expiredStatus, LwaErrors.expiredToken());
            return null;
        }
        return grant;
    }

    /** Counted and faulted here like the other token-facing routes, so the fault covers all three alike. */
    private void token(HttpExchange exchange) throws IOException {
        tokenCalls.incrementAndGet();
        if (faulted(exchange)) {
            return;
        }
        tokenEndpoint.answer(exchange);
    }

    /** {@code POST /_standin/tokens {"user_id","name","client_id"?,"expires_in"}} → {@code {"access_token","expires_in"}}. */
    private void mint(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            SmallHttp.sendJson(exchange, 405, Map.of("error", "method_not_allowed"));
            return;
        }
        JsonNode body = SmallHttp.JSON.readTree(SmallHttp.readBody(exchange, MAX_BODY));
        String userId = body.path("user_id").asText("");
        if (userId.isEmpty()) {
            SmallHttp.sendJson(
                    exchange, 400, Map.of("error", "invalid_request", "error_description", "user_id required"));
            return;
        }
        long expiresIn = body.path("expires_in").asLong(3600);
        String clientId = body.path("client_id").asText(defaultClientId);
        String token = issueToken(userId, body.path("name").asText(null), clientId, Duration.ofSeconds(expiresIn));
        SmallHttp.sendJson(
                exchange, 200, Map.of("access_token", token, "token_type", "bearer", "expires_in", expiresIn));
    }

    /** {@code POST /_standin/grant-codes {"user_id"}}: the code Alexa would send in an AcceptGrant (scripts/chaos). */
    private void mintGrantCode(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            SmallHttp.sendJson(exchange, 405, Map.of("error", "method_not_allowed"));
            return;
        }
        String userId = SmallHttp.JSON
                .readTree(SmallHttp.readBody(exchange, MAX_BODY))
                .path("user_id")
                .asText("");
        if (userId.isEmpty()) {
            SmallHttp.sendJson(
                    exchange, 400, Map.of("error", "invalid_request", "error_description", "user_id required"));
            return;
        }
        SmallHttp.sendJson(exchange, 200, Map.of("code", issueGrantCode(userId)));
    }

    private static String emailFor(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".") + "@example.com";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
