package io.musicassistant.alexa.control.reporting;

import io.musicassistant.alexa.control.smarthome.Endpoints;
import io.musicassistant.alexa.control.smarthome.Property;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns a home's player news into Alexa events for every linked account that granted event access:
 * ChangeReport for changed properties only (the unchanged ones ride along as context),
 * AddOrUpdateReport when a player appears or its description changes, DeleteReport when it goes.
 * The cause is APP_INTERACTION: the change was made in Music Assistant, not through Alexa.
 * Without reporting configured ({@code grants} null) the states are still kept, nothing is sent.
 */
public final class ChangeReporter {

    private static final JsonLog LOG = JsonLog.get(ChangeReporter.class);

    private final HomeDirectory directory;
    private final Grants grants;
    private final EventGateway gateway;
    private final EndpointStates states;
    private final Clock clock;

    public ChangeReporter(HomeDirectory directory, Grants grants, EventGateway gateway, EndpointStates states, Clock clock) {
        this.directory = directory;
        this.grants = grants;
        this.gateway = gateway;
        this.states = states;
        this.clock = clock;
    }

    /** How many events went out (per account), and how many player events needed none. */
    public record Summary(int sent, int unchanged) {
    }

    /** An event for one account: the account's gateway token goes into its scope. */
    private interface Event extends Function<String, Map<String, Object>> {
    }

    public Summary report(String instanceId, HomeEvents news) {
        Instant now = clock.instant();
        List<Event> events = new ArrayList<>();
        int unchanged = 0;
        for (HomeEvents.PlayerEvent e : news.events()) {
            Optional<EndpointStates.Snapshot> before = states.get(instanceId, e.playerId());
            if (HomeEvents.PlayerEvent.REMOVED.equals(e.type())) {
                if (before.isPresent()) {
                    events.add(token -> deleteReport(e.playerId(), token));
                    states.delete(instanceId, e.playerId());
                }
                continue;
            }
            PlayerInfo player = e.player();
            List<Property> properties = Endpoints.properties(player, now);
            boolean described = before.isPresent() && before.get().descriptor().equals(EndpointStates.descriptorHash(player));
            if (!described) {
                events.add(token -> addOrUpdateReport(player, token));
            }
            if (before.isPresent()) {
                List<Property> changed = properties.stream().filter(p -> !before.get().same(p)).toList();
                List<Property> same = properties.stream().filter(p -> before.get().same(p)).toList();
                if (!changed.isEmpty()) {
                    events.add(token -> changeReport(player, changed, same, token));
                } else if (described) {
                    unchanged++;
                }
            }
            states.remember(instanceId, player, properties);
        }
        int sent = events.isEmpty() || grants == null ? 0 : deliver(instanceId, events);
        return new Summary(sent, unchanged);
    }

    private int deliver(String instanceId, List<Event> events) {
        int sent = 0;
        for (String user : directory.linkedUsers(instanceId)) {
            try {
                sent += deliverTo(user, events);
            } catch (RuntimeException e) {
                // One account's grant trouble (LWA down, a damaged row) must not cost the others their reports.
                LOG.warn("report.account_failed", "error", e.getClass().getSimpleName());
            }
        }
        return sent;
    }

    private int deliverTo(String user, List<Event> events) {
        Optional<String> token = grants.accessToken(user);
        if (token.isEmpty()) {
            return 0; // this account never granted event access
        }
        int sent = 0;
        String current = token.get();
        for (Event event : events) {
            EventGateway.Outcome outcome = gateway.send(event.apply(current), current);
            if (outcome == EventGateway.Outcome.TOKEN_REFUSED) {
                Optional<String> renewed = grants.renewNow(user);
                if (renewed.isEmpty()) {
                    break;
                }
                current = renewed.get();
                outcome = gateway.send(event.apply(current), current);
            }
            if (outcome == EventGateway.Outcome.SKILL_DISABLED) {
                grants.forget(user);
                break;
            }
            if (outcome == EventGateway.Outcome.ACCEPTED) {
                sent++;
            } else {
                LOG.warn("report.not_accepted", "outcome", outcome.name());
            }
        }
        return sent;
    }

    static Map<String, Object> header(String namespace, String name) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("namespace", namespace);
        header.put("name", name);
        header.put("messageId", UUID.randomUUID().toString());
        header.put("payloadVersion", "3");
        return header;
    }

    static Map<String, Object> scope(String token) {
        return Map.of("type", "BearerToken", "token", token);
    }

    static Map<String, Object> changeReport(PlayerInfo player, List<Property> changed, List<Property> same, String token) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("header", header("Alexa", "ChangeReport"));
        event.put("endpoint", Map.of("scope", scope(token), "endpointId", Endpoints.endpointId(player.playerId())));
        event.put("payload", Map.of("change", Map.of("cause", Map.of("type", "APP_INTERACTION"), "properties", changed)));
        return Map.of("event", event, "context", Map.of("properties", same));
    }

    static Map<String, Object> addOrUpdateReport(PlayerInfo player, String token) {
        return Map.of("event", Map.of(
                "header", header("Alexa.Discovery", "AddOrUpdateReport"),
                "payload", Map.of("endpoints", List.of(Endpoints.describe(player)), "scope", scope(token))));
    }

    static Map<String, Object> deleteReport(String playerId, String token) {
        return Map.of("event", Map.of(
                "header", header("Alexa.Discovery", "DeleteReport"),
                "payload", Map.of("endpoints", List.of(Map.of("endpointId", Endpoints.endpointId(playerId))),
                        "scope", scope(token))));
    }
}
