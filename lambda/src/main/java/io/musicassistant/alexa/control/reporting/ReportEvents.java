package io.musicassistant.alexa.control.reporting;

import io.musicassistant.alexa.control.smarthome.Endpoints;
import io.musicassistant.alexa.control.smarthome.capabilities.Property;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alexa's ChangeReport, AddOrUpdateReport and DeleteReport events as Amazon documents them, apart from
 * {@link ChangeReporter}, which decides what each account is told: the wire shape changes with
 * Amazon's documentation, the decisions with what an account has been told. Each event carries the
 * account's token in its scope, so a renewed token means the same event rebuilt ({@link #withToken}).
 */
final class ReportEvents {

    private ReportEvents() {}

    @SuppressWarnings("unchecked")
    static String eventName(Map<String, Object> event) {
        return String.valueOf(
                ((Map<String, Object>) ((Map<String, Object>) event.get("event")).get("header")).get("name"));
    }

    /** The same event with another token in its scope (events are built per token). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withToken(Map<String, Object> message, String token) {
        Map<String, Object> event = new LinkedHashMap<>((Map<String, Object>) message.get("event"));
        if (event.get("endpoint") instanceof Map<?, ?> endpoint) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) endpoint);
            copy.put("scope", scope(token));
            event.put("endpoint", copy);
        } else {
            Map<String, Object> payload = new LinkedHashMap<>((Map<String, Object>) event.get("payload"));
            payload.put("scope", scope(token));
            event.put("payload", payload);
        }
        Map<String, Object> copy = new LinkedHashMap<>(message);
        copy.put("event", event);
        return copy;
    }

    private static Map<String, Object> header(String namespace, String name) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("namespace", namespace);
        header.put("name", name);
        header.put("messageId", UUID.randomUUID().toString());
        header.put("payloadVersion", "3");
        return header;
    }

    private static Map<String, Object> scope(String token) {
        return Map.of("type", "BearerToken", "token", token);
    }

    static Map<String, Object> changeReport(
            PlayerInfo player, List<Property> changed, List<Property> same, String token, String cause) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("header", header("Alexa", "ChangeReport"));
        event.put("endpoint", Map.of("scope", scope(token), "endpointId", Endpoints.endpointId(player.playerId())));
        event.put("payload", Map.of("change", Map.of("cause", Map.of("type", cause), "properties", changed)));
        return Map.of("event", event, "context", Map.of("properties", same));
    }

    /** Connectivity alone, as Amazon's EndpointHealth example: the home cannot be asked for the rest. */
    static Map<String, Object> healthReport(String playerId, Object connectivity, String token, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("header", header("Alexa", "ChangeReport"));
        event.put("endpoint", Map.of("scope", scope(token), "endpointId", Endpoints.endpointId(playerId)));
        event.put(
                "payload",
                Map.of(
                        "change",
                        Map.of(
                                "cause",
                                Map.of("type", "PERIODIC_POLL"),
                                "properties",
                                List.of(Property.of("Alexa.EndpointHealth", "connectivity", connectivity, at)))));
        return Map.of("event", event, "context", Map.of("properties", List.of()));
    }

    static Map<String, Object> addOrUpdateReport(List<PlayerInfo> players, String token) {
        return discoveryReport(
                "AddOrUpdateReport", players.stream().map(Endpoints::describe).toList(), token);
    }

    static Map<String, Object> deleteReport(List<String> playerIds, String token) {
        return discoveryReport(
                "DeleteReport",
                playerIds.stream()
                        .map(id -> Map.of("endpointId", Endpoints.endpointId(id)))
                        .toList(),
                token);
    }

    private static Map<String, Object> discoveryReport(String name, List<?> endpoints, String token) {
        return Map.of(
                "event",
                Map.of(
                        "header",
                        header("Alexa.Discovery", name),
                        "payload",
                        Map.of("endpoints", endpoints, "scope", scope(token))));
    }
}
