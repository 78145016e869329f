package io.musicassistant.alexa.control.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.alexa.AlexaJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Posts events to the Alexa event gateway ({@code https://api.amazonalexa.com/v3/events} in North
 * America; {@code api.eu.amazonalexa.com}, {@code api.fe.amazonalexa.com} elsewhere). 202 means
 * accepted; the outcome names what the caller must do about anything else.
 */
public final class EventGateway {

    private static final ObjectMapper JSON = AlexaJson.mapper();

    private final URI url;
    private final Duration timeout;

    public EventGateway(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
    }

    /** What became of one event. */
    public enum Outcome {
        ACCEPTED,
        /** 401: the access token was refused; renew it and send again. */
        TOKEN_REFUSED,
        /** 403 SKILL_DISABLED_EXCEPTION: the user disabled the skill; forget the grant. */
        SKILL_DISABLED,
        /** Anything else (400 malformed, 429 or 5xx three times, unreachable): logged. */
        FAILED
    }

    /**
     * Sends, retrying a throttled, failing or unreachable gateway twice, a second apart, as Amazon
     * asks, but never past {@code deadline}.
     */
    public Outcome send(Map<String, Object> event, String accessToken, Instant deadline) {
        for (int attempt = 1; ; attempt++) {
            Attempt result = attempt(event, accessToken);
            if (!result.retryable()
                    || attempt == 3
                    || Instant.now().plusSeconds(1).plus(timeout).isAfter(deadline)) {
                return result.outcome();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result.outcome();
            }
        }
    }

    private record Attempt(Outcome outcome, boolean retryable) {}

    private Attempt attempt(Map<String, Object> event, String accessToken) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            try {
                connection.setConnectTimeout((int) timeout.toMillis());
                connection.setReadTimeout((int) timeout.toMillis());
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setRequestProperty("Authorization", "Bearer " + accessToken);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(AlexaJson.write(event));
                }
                int status = connection.getResponseCode();
                if (status == 202 || status == 200) {
                    return new Attempt(Outcome.ACCEPTED, false);
                }
                String code = "";
                try (InputStream in = connection.getErrorStream()) {
                    if (in != null) {
                        JsonNode body = JSON.readTree(in.readNBytes(16 * 1024));
                        code = body.path("payload").path("code").asText("");
                    }
                } catch (IOException unreadable) {
                    // the status alone decides
                }
                if (status == 401) {
                    return new Attempt(Outcome.TOKEN_REFUSED, false);
                }
                // Only this code means the user disabled the skill; other 403s are our configuration.
                if (status == 403 && code.equals("SKILL_DISABLED_EXCEPTION")) {
                    return new Attempt(Outcome.SKILL_DISABLED, false);
                }
                return new Attempt(Outcome.FAILED, status == 429 || status == 500 || status == 503);
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return new Attempt(Outcome.FAILED, true); // unreachable or timed out: worth another try
        }
    }
}
