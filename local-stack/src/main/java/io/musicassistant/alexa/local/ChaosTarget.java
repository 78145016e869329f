package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A running stack with faults, as {@code scripts/chaos} reaches it from outside: over HTTP only —
 * the skill endpoint (as Alexa), the fault interface, the Login-with-Amazon stand-in's admin routes
 * (fresh tokens, AcceptGrant codes) and Music Assistant's own HTTP API (a change made in MA's UI).
 */
record ChaosTarget(
        String alexaUrl,
        String faultsUrl,
        String lwaBaseUrl,
        String maHttpUrl,
        String maToken,
        String demoToken,
        long relayTimeoutMs) {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** From {@code .local/stack.json} of a stack started with {@code scripts/local-up --faults}. */
    static ChaosTarget fromStackJson(Path file) throws IOException {
        JsonNode stack = RelayJson.mapper().readTree(Files.readString(file));
        if (!stack.hasNonNull("faults_url")) {
            throw new IllegalStateException(
                    "the running stack has no fault interface: start it with scripts/local-up --faults");
        }
        return new ChaosTarget(
                stack.path("alexa_url").asText(),
                stack.path("faults_url").asText(),
                stack.path("lwa_base_url").asText(),
                stack.path("ma_http_url").asText(),
                stack.path("ma_token").asText(),
                stack.path("demo_token").asText(),
                stack.path("relay_timeout_ms").asLong(5000));
    }

    /** The same for a stack in this JVM (the chaos test). */
    static ChaosTarget of(LocalStack stack) {
        return new ChaosTarget(
                stack.alexaUrl(),
                stack.baseUrl() + "/_faults",
                stack.services().lwa().baseUrl(),
                stack.ma().httpBaseUrl(),
                stack.ma().adminToken(),
                LocalStack.DEMO_TOKEN,
                stack.cloud().config().relayTimeout().toMillis());
    }

    /** Sets ({@code active}) or clears a fault; {@code params} as "ms", 1000 pairs. Blocks until it took effect. */
    JsonNode fault(String name, boolean active, Object... params) {
        ObjectNode body = RelayJson.mapper().createObjectNode().put("active", active);
        for (int i = 0; i + 1 < params.length; i += 2) {
            body.set((String) params[i], RelayJson.mapper().valueToTree(params[i + 1]));
        }
        return post(faultsUrl + "/" + name, body.toString(), null, Duration.ofSeconds(90));
    }

    JsonNode clearFaults() {
        return post(faultsUrl + "/clear", "{}", null, Duration.ofSeconds(90));
    }

    JsonNode faults() {
        return get(faultsUrl);
    }

    /** Music Assistant's record of the commands it received since {@code sinceMs}. */
    ArrayNode maCommands(long sinceMs) {
        return (ArrayNode) get(faultsUrl + "/ma-commands?since=" + sinceMs);
    }

    int gatewayEventCount() {
        return get(faultsUrl + "/gateway-events").path("count").asInt();
    }

    /** A new access token of the demo user, unknown to the skill's token cache. */
    String freshDemoToken() {
        return post(
                        lwaBaseUrl + "/_standin/tokens",
                        RelayJson.mapper()
                                .createObjectNode()
                                .put("user_id", LocalStack.DEMO_USER_ID)
                                .put("name", "Demo User")
                                .toString(),
                        null,
                        Duration.ofSeconds(10))
                .path("access_token")
                .asText();
    }

    String grantCode() {
        return post(
                        lwaBaseUrl + "/_standin/grant-codes",
                        RelayJson.mapper()
                                .createObjectNode()
                                .put("user_id", LocalStack.DEMO_USER_ID)
                                .toString(),
                        null,
                        Duration.ofSeconds(10))
                .path("code")
                .asText();
    }

    /** A change made in Music Assistant's own UI: a command to its HTTP API. */
    void maCommand(String command, Object args) {
        ObjectNode body =
                RelayJson.mapper().createObjectNode().put("message_id", "chaos").put("command", command);
        body.set("args", RelayJson.mapper().valueToTree(args));
        post(maHttpUrl + "/api", body.toString(), "Bearer " + maToken, Duration.ofSeconds(10));
    }

    private static JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .GET()
                .build());
    }

    private static JsonNode post(String url, String body, String authorization, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        request.uri().getPath() + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank()
                    ? RelayJson.mapper().createObjectNode()
                    : RelayJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
