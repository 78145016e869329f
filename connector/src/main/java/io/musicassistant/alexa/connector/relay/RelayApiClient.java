package io.musicassistant.alexa.connector.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.platform.Delivery;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatAck;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeLinks;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistrationRequest;
import io.musicassistant.alexa.relay.protocol.api.LinkRevocation;
import io.musicassistant.alexa.relay.protocol.api.LinkRevoked;
import io.musicassistant.alexa.relay.protocol.api.PairingCode;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUpload;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUploadRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The connector's side of the relay API (docs/relay-protocol.md). Outbound HTTPS only. */
public final class RelayApiClient {

    private static final int MAX_RESPONSE = 64 * 1024;

    private final URI base;
    private final HttpClient http;

    public RelayApiClient(URI base) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public HomeRegistration register(String connectorVersion, String homeName) {
        return post("/v1/homes", null, new HomeRegistrationRequest(connectorVersion, homeName), HomeRegistration.class);
    }

    public RelayAccess credentials(String instanceId, String secret) {
        return post("/v1/homes/" + instanceId + "/credentials", secret, null, RelayAccess.class);
    }

    public HeartbeatAck heartbeat(String instanceId, String secret, HeartbeatRequest beat) {
        return post("/v1/homes/" + instanceId + "/heartbeat", secret, beat, HeartbeatAck.class);
    }

    /**
     * Posts player events; never throws. A 4xx other than "too many" (429) or "timeout" (408) is a
     * refusal no retry can change; anything else is worth another try, after the wait the relay names.
     */
    public Delivery events(String instanceId, String secret, HomeEvents events) {
        try {
            post("/v1/homes/" + instanceId + "/events", secret, events, JsonNode.class);
            return Delivery.DELIVERED;
        } catch (RelayApiException e) {
            if (e.status() / 100 == 4 && e.status() != 429 && e.status() != 408) {
                return new Delivery.Refused(e.getMessage());
            }
            return new Delivery.RetryLater(e.getMessage(), Duration.ofSeconds(Math.max(0, e.retryAfterSeconds())));
        }
    }

    public PairingCode pairingCode(String instanceId, String secret) {
        return post("/v1/homes/" + instanceId + "/pairing-code", secret, null, PairingCode.class);
    }

    /** The Amazon accounts linked to this home, by label (docs/relay-protocol.md, "Linked accounts"). */
    public HomeLinks links(String instanceId, String secret) {
        return post("/v1/homes/" + instanceId + "/links", secret, null, HomeLinks.class);
    }

    /** Revokes the linked account with this label. */
    public LinkRevoked revokeLink(String instanceId, String secret, String label) {
        return post("/v1/homes/" + instanceId + "/links/revoke", secret, new LinkRevocation(label), LinkRevoked.class);
    }

    /** Where to PUT the home's library snapshot (docs/catalogs.md). */
    public SnapshotUpload catalogSnapshot(String instanceId, String secret, SnapshotUploadRequest request) {
        return post("/v1/homes/" + instanceId + "/catalog-snapshot", secret, request, SnapshotUpload.class);
    }

    private <T> T post(String path, String secret, Object body, Class<T> type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(RelayJson.write(body)));
        } else {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RelayApiException(0, "unreachable", e.getClass().getSimpleName(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayApiException(0, "interrupted", null, 0);
        }
        byte[] bytes = response.body();
        String text =
                new String(bytes, 0, Math.min(bytes.length, MAX_RESPONSE), java.nio.charset.StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            JsonNode error = parseQuietly(text);
            long retryAfter = response.headers().firstValueAsLong("retry-after").orElse(0);
            throw new RelayApiException(
                    response.statusCode(),
                    error.path("error").asText("http_" + response.statusCode()),
                    error.path("message").asText(null),
                    retryAfter,
                    error.path("proof").asText(null));
        }
        return RelayJson.read(text, type);
    }

    private static JsonNode parseQuietly(String text) {
        try {
            return RelayJson.mapper().readTree(text);
        } catch (IOException e) {
            return RelayJson.mapper().createObjectNode();
        }
    }
}
