package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the control skill's requests the way Alexa sends them: smart-home directives (payload
 * version 3) and custom-skill requests (shapes in lambda/src/test/resources/smarthome).
 */
public final class ControlRequests {

    /** The control skill's id in the local stack; custom requests carry it as their application id. */
    public static final String SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-00000000c0de";

    private ControlRequests() {}

    private static ObjectNode directive(String namespace, String name) {
        ObjectNode root = AlexaRequests.JSON.createObjectNode();
        root.putObject("directive")
                .putObject("header")
                .put("namespace", namespace)
                .put("name", name)
                .put("payloadVersion", "3")
                .put("messageId", UUID.randomUUID().toString())
                .put("correlationToken", "local-" + UUID.randomUUID());
        return root;
    }

    public static ObjectNode discover(String token) {
        ObjectNode root = directive("Alexa.Discovery", "Discover");
        ((ObjectNode) root.get("directive").get("header")).remove("correlationToken");
        root.with("directive")
                .putObject("payload")
                .putObject("scope")
                .put("type", "BearerToken")
                .put("token", token);
        return root;
    }

    public static ObjectNode acceptGrant(String token, String code) {
        ObjectNode root = directive("Alexa.Authorization", "AcceptGrant");
        ObjectNode payload = root.with("directive").putObject("payload");
        payload.putObject("grant").put("type", "OAuth2.AuthorizationCode").put("code", code);
        payload.putObject("grantee").put("type", "BearerToken").put("token", token);
        return root;
    }

    /** A directive to one endpoint; {@code payload} holds its fields ("volume", 30). */
    public static ObjectNode endpoint(
            String token, String namespace, String name, String endpointId, Object... payload) {
        ObjectNode root = directive(namespace, name);
        ObjectNode endpoint = root.with("directive").putObject("endpoint");
        endpoint.putObject("scope").put("type", "BearerToken").put("token", token);
        endpoint.put("endpointId", endpointId);
        endpoint.putObject("cookie");
        ObjectNode body = root.with("directive").putObject("payload");
        for (int i = 0; i + 1 < payload.length; i += 2) {
            body.set((String) payload[i], AlexaRequests.JSON.valueToTree(payload[i + 1]));
        }
        return root;
    }

    private static ObjectNode custom(String token, String locale, ObjectNode request) {
        ObjectNode root = AlexaRequests.JSON.createObjectNode();
        root.put("version", "1.0");
        ObjectNode session = root.putObject("session")
                .put("new", true)
                .put("sessionId", "amzn1.echo-api.session." + UUID.randomUUID());
        session.putObject("application").put("applicationId", SKILL_ID);
        ObjectNode user = session.putObject("user").put("userId", "amzn1.ask.account.LOCALDEMOVOICEUSER");
        ObjectNode system = root.putObject("context").putObject("System");
        system.putObject("application").put("applicationId", SKILL_ID);
        ObjectNode systemUser = system.putObject("user").put("userId", "amzn1.ask.account.LOCALDEMOVOICEUSER");
        if (token != null) {
            user.put("accessToken", token);
            systemUser.put("accessToken", token);
        }
        system.putObject("device")
                .put("deviceId", "amzn1.ask.device.LOCALDEMOECHO")
                .putObject("supportedInterfaces");
        system.put("apiEndpoint", "https://api.amazonalexa.com");
        request.put("requestId", "amzn1.echo-api.request." + UUID.randomUUID());
        request.put("timestamp", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"));
        request.put("locale", locale);
        root.set("request", request);
        return root;
    }

    public static ObjectNode launch(String token, String locale) {
        return custom(token, locale, AlexaRequests.JSON.createObjectNode().put("type", "LaunchRequest"));
    }

    /** An IntentRequest; {@code slots} maps slot names to what the user said. */
    public static ObjectNode intent(String token, String locale, String intent, Map<String, String> slots) {
        ObjectNode request = AlexaRequests.JSON
                .createObjectNode()
                .put("type", "IntentRequest")
                .put("dialogState", "COMPLETED");
        ObjectNode node = request.putObject("intent").put("name", intent).put("confirmationStatus", "NONE");
        ObjectNode slotNodes = node.putObject("slots");
        slots.forEach((name, value) ->
                slotNodes.putObject(name).put("name", name).put("value", value).put("confirmationStatus", "NONE"));
        return custom(token, locale, request);
    }
}
