package io.musicassistant.alexa.control.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.alexa.AlexaJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Login with Amazon's token endpoint ({@code POST /auth/o2/token}) with the skill's Alexa Skill
 * Messaging client: an AcceptGrant's authorization code becomes an access and a refresh token for
 * the event gateway, and the refresh token renews the access token before it expires.
 */
public final class LwaTokenClient {

    private static final ObjectMapper JSON = AlexaJson.mapper();
    private static final int MAX_RESPONSE = 64 * 1024;

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final Duration timeout;

    public LwaTokenClient(URI tokenUrl, String clientId, String clientSecret, Clock clock, Duration timeout) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Fresh tokens; never printed (toString is redacted). */
    public record Tokens(String accessToken, String refreshToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "Tokens[expiresAt=" + expiresAt + ", tokens=[redacted]]";
        }
    }

    /** LWA refused: {@code invalidGrant} means the code or refresh token is dead (skill disabled, reused code). */
    public static final class TokenRefused extends RuntimeException {
        private final boolean invalidGrant;

        public TokenRefused(String message, boolean invalidGrant) {
            super(message, null, false, false);
            this.invalidGrant = invalidGrant;
        }

        public boolean invalidGrant() {
            return invalidGrant;
        }
    }

    public Tokens exchangeCode(String code) {
        return request(Map.of("grant_type", "authorization_code", "code", code));
    }

    public Tokens refresh(String refreshToken) {
        return request(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private Tokens request(Map<String, String> grant) {
        if (clientId == null || clientSecret == null) {
            throw new TokenRefused("ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET are not configured", false);
        }
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpURLConnection connection = (HttpURLConnection) tokenUrl.toURL().openConnection();
            try {
                connection.setConnectTimeout((int) timeout.toMillis());
                connection.setReadTimeout((int) timeout.toMillis());
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
                int status = connection.getResponseCode();
                JsonNode answer;
                try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                    answer = in == null ? JSON.createObjectNode() : JSON.readTree(in.readNBytes(MAX_RESPONSE));
                }
                if (status != 200) {
                    String error = answer.path("error").asText("http_" + status);
                    throw new TokenRefused(
                            "LWA token endpoint answered " + status + " " + error, "invalid_grant".equals(error));
                }
                String access = answer.path("access_token").asText("");
                // LWA may omit the refresh token on a refresh; the one in hand then stays valid.
                String refresh = answer.path("refresh_token").asText(grant.getOrDefault("refresh_token", ""));
                if (access.isBlank() || refresh == null || refresh.isBlank()) {
                    throw new TokenRefused(
                            "LWA token endpoint answered without " + (access.isBlank() ? "an access" : "a refresh")
                                    + " token",
                            false);
                }
                return new Tokens(
                        access,
                        refresh,
                        clock.instant()
                                .plusSeconds(Math.min(
                                        3600,
                                        Math.max(60, answer.path("expires_in").asLong(3600)))));
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new TokenRefused(
                    "LWA token endpoint unreachable: " + e.getClass().getSimpleName(), false);
        }
    }
}
