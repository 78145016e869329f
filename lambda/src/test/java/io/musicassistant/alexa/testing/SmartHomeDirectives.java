package io.musicassistant.alexa.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.dev.DevServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Smart-home directives from the fixtures in src/test/resources/smarthome (Amazon's documented shapes). */
public final class SmartHomeDirectives {

    private SmartHomeDirectives() {}

    public static ObjectNode fixture(String name) {
        try (InputStream in = SmartHomeDirectives.class.getResourceAsStream("/smarthome/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) AlexaJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Amazon's example minus what it shows but documents as optional (additionalAttributes, cookie contents). */
    public static ObjectNode documented(String fixture) {
        ObjectNode doc = fixture(fixture);
        for (JsonNode e : doc.path("event").path("payload").path("endpoints")) {
            ((ObjectNode) e).remove("additionalAttributes");
            ((ObjectNode) e).putObject("cookie");
        }
        return doc;
    }

    /**
     * A request fixture with a fresh message id, our endpoint and our user's token wherever the
     * fixture carries one (endpoint scope, Discover's payload scope, AcceptGrant's grantee).
     */
    public static ObjectNode request(String fixture, String token, String endpointId) {
        ObjectNode root = fixture(fixture);
        ObjectNode directive = (ObjectNode) root.get("directive");
        ((ObjectNode) directive.get("header"))
                .put("messageId", UUID.randomUUID().toString());
        if (directive.get("endpoint") instanceof ObjectNode endpoint) {
            endpoint.put("endpointId", endpointId);
        }
        for (JsonNode scope : new JsonNode[] {
            directive.path("endpoint").path("scope"),
            directive.path("payload").path("scope"),
            directive.path("payload").path("grantee")
        }) {
            if (scope instanceof ObjectNode node) {
                if (token == null) {
                    node.remove("token");
                } else {
                    node.put("token", token);
                }
            }
        }
        return root;
    }

    /** Configuration that turns event reporting on, against the LWA and event-gateway stand-ins. */
    public static Map<String, String> reporting(DevServices services) {
        return Map.of(
                "ALEXA_CLIENT_ID", services.lwa().messagingClientId(),
                "ALEXA_CLIENT_SECRET", services.lwa().messagingClientSecret(),
                "GRANT_KEY",
                        Base64.getEncoder()
                                .encodeToString("tests-grant-key-32-bytes-long!!!".getBytes(StandardCharsets.UTF_8)),
                "EVENT_GATEWAY_URL", services.gateway().eventsUrl());
    }

    /** The user grants event access (AcceptGrant against the LWA stand-in) and discovers: Alexa then knows the players. */
    public static void grantAndDiscover(CloudFixture cloud, CloudFixture.User user) {
        ObjectNode accept = request("Authorization.AcceptGrant.request.json", user.token(), null);
        accept.with("directive")
                .with("payload")
                .with("grant")
                .put("code", cloud.services.lwa().issueGrantCode(user.userId()));
        if (!outcome(send(cloud, accept)).equals("AcceptGrant.Response")
                || !outcome(send(cloud, request("Discovery.Discover.request.json", user.token(), null)))
                        .equals("Discover.Response")) {
            throw new IllegalStateException("grant or discovery failed");
        }
    }

    /** Sends a request through the control skill's one entry point and parses the answer. */
    public static JsonNode send(CloudFixture cloud, JsonNode request) {
        return send(cloud, request.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode send(CloudFixture cloud, byte[] raw) {
        try {
            return AlexaJson.mapper().readTree(cloud.wiring.controlSkill().handle(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer's name, or its error type for an ErrorResponse. */
    public static String outcome(JsonNode answer) {
        JsonNode event = answer.path("event");
        String name = event.path("header").path("name").asText();
        return name.equals("ErrorResponse") ? event.path("payload").path("type").asText() : name;
    }

    /** The value of one property in an answer's context ({@code namespace.name}), or a missing node. */
    public static JsonNode property(JsonNode answer, String namespace, String name) {
        for (JsonNode p : answer.path("context").path("properties")) {
            if (p.path("namespace").asText().equals(namespace)
                    && p.path("name").asText().equals(name)) {
                return p.path("value");
            }
        }
        return AlexaJson.mapper().missingNode();
    }
}
