package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends skill requests to a running local stack over HTTP, as Alexa would send them to the Lambda. */
public final class SkillClient {

    private final URI alexaUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SkillClient(String alexaUrl) {
        this.alexaUrl = URI.create(alexaUrl);
    }

    /** Posts raw bytes and returns the raw answer; throws when the endpoint cannot be reached. */
    public String post(String body) {
        HttpRequest request = HttpRequest.newBuilder(alexaUrl)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "endpoint answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot reach " + alexaUrl + " (is the local stack running? scripts/local-up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode send(JsonNode directive) {
        try {
            return AlexaRequests.JSON.readTree(post(directive.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
