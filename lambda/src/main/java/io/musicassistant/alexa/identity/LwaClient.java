package io.musicassistant.alexa.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Asks Login with Amazon who a token belongs to: {@code /user/profile} for the {@code user_id}
 * and {@code /auth/o2/tokeninfo} for the audience, in parallel. A token issued to another LWA
 * client (another skill, another app) is refused even though it is a valid Amazon token.
 */
public final class LwaClient {

    private static final JsonLog LOG = JsonLog.get(LwaClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();
    /** LWA access tokens live 60 minutes. */
    static final long MAX_LIFETIME_S = 3600;
    /** When tokeninfo states no expiry, the answer is reused only briefly. */
    static final long UNKNOWN_LIFETIME_S = 300;

    private final URI apiBase;
    private final String clientId;
    private final Clock clock;
    private final Duration timeout;

    public LwaClient(URI apiBase, String clientId, Clock clock, Duration timeout) {
        this.apiBase = apiBase;
        this.clientId = clientId;
        this.clock = clock;
        this.timeout = timeout;
    }

    public LwaIdentity lookup(String accessToken) {
        Future<Answer> profile = CALLS.submit(() -> get("/user/profile", "Bearer " + accessToken, null));
        Future<Answer> info = CALLS.submit(() -> get("/auth/o2/tokeninfo", null, accessToken));
        Answer tokenInfo = await(info);
        Answer user = await(profile);
        refuseErrors(tokenInfo, "tokeninfo");
        refuseErrors(user, "profile");

        String audience = tokenInfo.body().path("aud").asText("");
        if (!clientId.equals(audience)) {
            // The audience is an LWA client id, not a secret; logging it tells an operator which app the token was for.
            LOG.warn("identity.wrong_audience", "aud", audience);
            throw new AuthorizationException(AuthorizationException.Reason.INVALID, "token issued to another client");
        }
        String userId = user.body().path("user_id").asText("");
        if (userId.isEmpty() || !userId.equals(tokenInfo.body().path("user_id").asText(userId))) {
            throw new AuthorizationException(
                    AuthorizationException.Reason.INVALID, "profile and tokeninfo disagree on the user");
        }
        JsonNode exp = tokenInfo.body().path("exp");
        long secondsLeft = exp.canConvertToLong() ? exp.asLong() : UNKNOWN_LIFETIME_S;
        if (secondsLeft <= 0) {
            throw new AuthorizationException(AuthorizationException.Reason.EXPIRED, "token expired");
        }
        // exp is seconds left (observed); access tokens live an hour, so never trust one longer than that.
        return new LwaIdentity(userId, clock.instant().plusSeconds(Math.min(secondsLeft, MAX_LIFETIME_S)));
    }

    private record Answer(int status, JsonNode body) {}

    private Answer get(String path, String authorization, String tokenParameter) throws IOException {
        String url = apiBase + path;
        if (tokenParameter != null) {
            url += "?access_token=" + URLEncoder.encode(tokenParameter, StandardCharsets.UTF_8);
        }
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setRequestProperty("Accept", "application/json");
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                byte[] bytes = in == null ? new byte[0] : in.readNBytes(MAX_RESPONSE_BYTES);
                JsonNode body = bytes.length == 0 ? JSON.createObjectNode() : parse(bytes);
                return new Answer(status, body);
            }
        } finally {
            connection.disconnect();
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static Answer await(Future<Answer> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw new AuthorizationException(
                    AuthorizationException.Reason.UNAVAILABLE,
                    "LWA unreachable: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthorizationException(AuthorizationException.Reason.UNAVAILABLE, "interrupted");
        }
    }

    private static void refuseErrors(Answer answer, String endpoint) {
        if (answer.status() == 200) {
            return;
        }
        if (answer.status() >= 500 || answer.status() == 429) {
            throw new AuthorizationException(
                    AuthorizationException.Reason.UNAVAILABLE, "LWA " + endpoint + " answered " + answer.status());
        }
        String description = answer.body().path("error_description").asText("").toLowerCase(Locale.ROOT);
        AuthorizationException.Reason reason = description.contains("expired")
                ? AuthorizationException.Reason.EXPIRED
                : AuthorizationException.Reason.INVALID;
        throw new AuthorizationException(
                reason,
                "LWA " + endpoint + " refused the token (" + answer.status() + ", "
                        + answer.body().path("error").asText("?") + ")");
    }
}
