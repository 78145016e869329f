package io.musicassistant.alexa.dev;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LWA's token endpoint, {@code POST /auth/o2/token}, for {@link LwaStandIn}: the grants a client
 * redeems there (AcceptGrant codes, refresh tokens) and the clients allowed to, kept apart from the
 * access tokens LWA then answers for, which the profile and tokeninfo routes read. The skill-messaging
 * client and the clients registered for SMAPI are told apart because Amazon lets only the first
 * redeem AcceptGrant codes.
 */
final class LwaTokenEndpoint {

    /** Mints a live access token for a user of a client; the stand-in owns the tokens it answers for. */
    interface AccessTokens {
        String issue(String userId, String clientId, Duration ttl);
    }

    private static final int MAX_BODY = 16 * 1024;
    private static final String MESSAGING_CLIENT_ID = "amzn1.application-oa2-client.localmessaging0000000000000000";
    private static final String MESSAGING_CLIENT_SECRET = "local-messaging-secret";

    private final SecureRandom random;
    private final AccessTokens accessTokens;
    /** Authorization codes Alexa would hand a skill in AcceptGrant: code → user. Single use. */
    private final Map<String, String> grantCodes = new ConcurrentHashMap<>();
    /** Refresh tokens: token → whose, for which client. */
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    /**
     * Clients registered with {@link #registerRefreshToken} (a developer's security profile, as the
     * SMAPI calls use): client id → secret. The skill-messaging client is kept apart, above.
     */
    private final Map<String, String> registeredClients = new ConcurrentHashMap<>();

    private volatile Duration grantTokenLifetime = Duration.ofHours(1);

    private record RefreshGrant(String userId, String clientId) {}

    LwaTokenEndpoint(SecureRandom random, AccessTokens accessTokens) {
        this.random = random;
        this.accessTokens = accessTokens;
    }

    String messagingClientId() {
        return MESSAGING_CLIENT_ID;
    }

    String messagingClientSecret() {
        return MESSAGING_CLIENT_SECRET;
    }

    void setGrantTokenLifetime(Duration lifetime) {
        grantTokenLifetime = lifetime;
    }

    String issueGrantCode(String userId) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = "ANTxx" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grantCodes.put(code, userId);
        return code;
    }

    void revokeRefreshTokens(String userId) {
        refreshTokens.values().removeIf(grant -> grant.userId().equals(userId));
    }

    void registerRefreshToken(String clientId, String clientSecret, String refreshToken, String userId) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        String secret = registeredClients.putIfAbsent(Objects.requireNonNull(clientId, "clientId"), clientSecret);
        if (secret != null && !secret.equals(clientSecret)) {
            throw new IllegalArgumentException("client " + clientId + " is registered with another secret");
        }
        refreshTokens.put(
                Objects.requireNonNull(refreshToken, "refreshToken"),
                new RefreshGrant(Objects.requireNonNull(userId, "userId"), clientId));
    }

    boolean isRegisteredClient(String clientId) {
        return clientId != null && registeredClients.containsKey(clientId);
    }

    /**
     * {@code POST /auth/o2/token}, form-encoded, client id and secret in the body (the skill-messaging
     * client's, or a client's registered with {@link LwaStandIn#registerRefreshToken}):
     * {@code grant_type=authorization_code&code=…} and {@code grant_type=refresh_token&refresh_token=…}
     * → {@code {access_token, token_type, expires_in, refresh_token}}; LWA's error bodies otherwise.
     */
    void answer(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            SmallHttp.sendJson(exchange, 405, Map.of("error", "invalid_request", "error_description", "POST only"));
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            SmallHttp.sendJson(
                    exchange, 400, Map.of("error", "invalid_request", "error_description", "Malformed request"));
            return;
        }
        Map<String, String> form =
                SmallHttp.form(new String(SmallHttp.readBody(exchange, MAX_BODY), StandardCharsets.UTF_8));
        String clientId = form.get("client_id");
        boolean messaging =
                MESSAGING_CLIENT_ID.equals(clientId) && MESSAGING_CLIENT_SECRET.equals(form.get("client_secret"));
        boolean registered = clientId != null
                && form.get("client_secret") != null
                && form.get("client_secret").equals(registeredClients.get(clientId));
        if (!messaging && !registered) {
            SmallHttp.sendJson(
                    exchange,
                    401,
                    Map.of("error", "invalid_client", "error_description", "Client authentication failed"));
            return;
        }
        String userId = switch (String.valueOf(form.get("grant_type"))) {
            // Authorization codes come from AcceptGrant, which only the skill-messaging client redeems.
            case "authorization_code" ->
                !messaging || form.get("code") == null ? null : grantCodes.remove(form.get("code"));
            case "refresh_token" -> {
                RefreshGrant grant =
                        form.get("refresh_token") == null ? null : refreshTokens.get(form.get("refresh_token"));
                yield grant != null && grant.clientId().equals(clientId) ? grant.userId() : null;
            }
            default -> {
                SmallHttp.sendJson(
                        exchange,
                        400,
                        Map.of(
                                "error",
                                "unsupported_grant_type",
                                "error_description",
                                "The authorization grant type is not supported"));
                yield "";
            }
        };
        if ("".equals(userId)) {
            return;
        }
        if (userId == null) {
            SmallHttp.sendJson(
                    exchange,
                    400,
                    Map.of(
                            "error",
                            "invalid_grant",
                            "error_description",
                            "The request has an invalid grant parameter"));
            return;
        }
        String access = accessTokens.issue(userId, clientId, grantTokenLifetime);
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String refresh = "Atzr|IwEB" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        refreshTokens.put(refresh, new RefreshGrant(userId, clientId));
        SmallHttp.sendJson(
                exchange,
                200,
                Map.of(
                        "access_token",
                        access,
                        "token_type",
                        "bearer",
                        "expires_in",
                        grantTokenLifetime.toSeconds(),
                        "refresh_token",
                        refresh));
    }
}
