package io.musicassistant.alexa.control.smarthome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the {@code {event, context}} messages of the smart-home API, version 3. */
public final class SmartHomeEvents {

    private SmartHomeEvents() {
    }

    static Map<String, Object> header(String namespace, String name, String correlationToken) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("namespace", namespace);
        header.put("name", name);
        header.put("messageId", UUID.randomUUID().toString());
        if (correlationToken != null) {
            header.put("correlationToken", correlationToken);
        }
        header.put("payloadVersion", "3");
        return header;
    }

    static Map<String, Object> endpoint(SmartHomeRequest request) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        if (request.token() != null) {
            endpoint.put("scope", Map.of("type", "BearerToken", "token", request.token()));
        }
        endpoint.put("endpointId", request.endpointId());
        return endpoint;
    }

    /** {@code Alexa.Response}: the directive was done; {@code properties} is the endpoint's state now. */
    public static Map<String, Object> response(SmartHomeRequest request, List<Property> properties) {
        return withContext(event(header("Alexa", "Response", request.correlationToken()), endpoint(request), Map.of()),
                properties);
    }

    /** {@code Alexa.StateReport}, the answer to ReportState. */
    public static Map<String, Object> stateReport(SmartHomeRequest request, List<Property> properties) {
        return withContext(event(header("Alexa", "StateReport", request.correlationToken()), endpoint(request), Map.of()),
                properties);
    }

    public static Map<String, Object> discoverResponse(List<Map<String, Object>> endpoints) {
        return Map.of("event", Map.of(
                "header", header("Alexa.Discovery", "Discover.Response", null),
                "payload", Map.of("endpoints", endpoints)));
    }

    public static Map<String, Object> acceptGrantResponse(SmartHomeRequest request) {
        return Map.of("event", Map.of(
                "header", header("Alexa.Authorization", "AcceptGrant.Response", request.correlationToken()),
                "payload", Map.of()));
    }

    /** An ErrorResponse for {@code request}; {@code request} may be null when the directive was unreadable. */
    public static Map<String, Object> error(SmartHomeRequest request, SmartHomeException e) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", e.type());
        payload.put("message", e.getMessage());
        payload.putAll(e.extra());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("header", header(e.namespace(), "ErrorResponse", request == null ? null : request.correlationToken()));
        if (request != null && request.endpointId() != null) {
            event.put("endpoint", endpoint(request));
        }
        event.put("payload", payload);
        return Map.of("event", event);
    }

    private static Map<String, Object> event(Map<String, Object> header, Map<String, Object> endpoint, Map<String, Object> payload) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("header", header);
        event.put("endpoint", endpoint);
        event.put("payload", payload);
        return event;
    }

    private static Map<String, Object> withContext(Map<String, Object> event, List<Property> properties) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("event", event);
        message.put("context", Map.of("properties", properties));
        return message;
    }
}
