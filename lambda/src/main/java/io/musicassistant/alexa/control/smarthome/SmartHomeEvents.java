package io.musicassistant.alexa.control.smarthome;

import io.musicassistant.alexa.control.smarthome.capabilities.Property;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the {@code {event, context}} messages of the smart-home API, version 3. */
public final class SmartHomeEvents {

    private SmartHomeEvents() {}

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

    /**
     * The answer's endpoint: its id only. The scope is optional in Amazon's schema and would echo
     * the user's bearer token (an empty one included) into the answer, so it is never sent.
     */
    static Map<String, Object> endpoint(SmartHomeRequest request) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("endpointId", request.endpointId());
        return endpoint;
    }

    /** {@code Alexa.Response}: the directive was done; {@code properties} is the endpoint's state now. */
    public static Map<String, Object> response(SmartHomeRequest request, List<Property> properties) {
        return withContext(
                event(header("Alexa", "Response", request.correlationToken()), endpoint(request), Map.of()),
                properties);
    }

    /** {@code Alexa.StateReport}, the answer to ReportState. */
    public static Map<String, Object> stateReport(SmartHomeRequest request, List<Property> properties) {
        return withContext(
                event(header("Alexa", "StateReport", request.correlationToken()), endpoint(request), Map.of()),
                properties);
    }

    public static Map<String, Object> discoverResponse(List<Map<String, Object>> endpoints) {
        return Map.of(
                "event",
                Map.of(
                        "header", header("Alexa.Discovery", "Discover.Response", null),
                        "payload", Map.of("endpoints", endpoints)));
    }

    public static Map<String, Object> acceptGrantResponse(SmartHomeRequest request) {
        return Map.of(
                "event",
                Map.of(
                        "header", header("Alexa.Authorization", "AcceptGrant.Response", request.correlationToken()),
                        "payload", Map.of()));
    }

    /** An ErrorResponse for {@code request}. */
    public static Map<String, Object> error(SmartHomeRequest request, SmartHomeException e) {
        // An endpoint id outside Amazon's pattern would make the answer itself invalid: left out.
        boolean endpoint = request.endpointId() != null
                && SmartHomeSkill.ENDPOINT_ID.matcher(request.endpointId()).matches();
        return error(request.correlationToken(), endpoint ? endpoint(request) : null, e);
    }

    /**
     * An ErrorResponse to a directive that was refused before it could be read as a request;
     * {@code correlationToken} is the one salvaged from it, or null (Amazon requires it on
     * synchronous answers whenever the directive carried one).
     */
    public static Map<String, Object> error(String correlationToken, SmartHomeException e) {
        return error(correlationToken, null, e);
    }

    private static Map<String, Object> error(
            String correlationToken, Map<String, Object> endpoint, SmartHomeException e) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", e.type());
        payload.put("message", e.getMessage());
        payload.putAll(e.extra());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("header", header(e.namespace(), "ErrorResponse", correlationToken));
        if (endpoint != null) {
            event.put("endpoint", endpoint);
        }
        event.put("payload", payload);
        return Map.of("event", event);
    }

    private static Map<String, Object> event(
            Map<String, Object> header, Map<String, Object> endpoint, Map<String, Object> payload) {
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
