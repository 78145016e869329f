package io.musicassistant.alexa.control.reporting;

import io.musicassistant.alexa.control.smarthome.EndpointStates;
import io.musicassistant.alexa.control.smarthome.Endpoints;
import io.musicassistant.alexa.control.smarthome.capabilities.ContactSensor;
import io.musicassistant.alexa.control.smarthome.capabilities.Property;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents.PlayerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Echo players' routine triggers in one post of a home (issue 16): {@code play_requested}
 * opens a trigger (DETECTED), {@code play_request_reset} closes it (NOT_DETECTED). Both are
 * stored for the home first (ReportState answers from there), then reported like any other change
 * of the player's properties. Trigger events about a player that is no Echo player are dropped.
 */
final class Triggers {

    /**
     * The cause of a trigger's change: Amazon's ContactSensor ChangeReport example gives
     * PHYSICAL_INTERACTION, and a person pressing play is what opened it (docs/decisions.md).
     */
    static final String CAUSE = "PHYSICAL_INTERACTION";

    private static final String DETECTION = ContactSensor.NAMESPACE + ".detectionState";

    private final List<PlayerEvent> news;
    private final Map<String, Boolean> detected;

    private Triggers(List<PlayerEvent> news, Map<String, Boolean> detected) {
        this.news = news;
        this.detected = detected;
    }

    static Triggers of(String instanceId, HomeEvents events, EndpointStates states) {
        List<PlayerEvent> news = new ArrayList<>();
        Map<String, Boolean> detected = new HashMap<>();
        Map<String, Boolean> changes = new HashMap<>();
        for (PlayerEvent e : events.events()) {
            boolean opens = PlayerEvent.PLAY_REQUESTED.equals(e.type());
            boolean trigger = opens || PlayerEvent.PLAY_REQUEST_RESET.equals(e.type());
            if (trigger && !Endpoints.isTrigger(e.player())) {
                continue;
            }
            if (trigger) {
                changes.put(e.playerId(), opens);
            }
            news.add(e);
        }
        changes.forEach((playerId, opens) -> states.trigger(instanceId, playerId, opens));
        for (PlayerEvent e : news) {
            if (e.player() != null && Endpoints.isTrigger(e.player())) {
                detected.computeIfAbsent(
                        e.playerId(), id -> changes.getOrDefault(id, states.triggered(instanceId, id)));
            }
        }
        return new Triggers(List.copyOf(news), detected);
    }

    /** The post's events as the reports treat them. */
    List<PlayerEvent> news() {
        return news;
    }

    boolean opens(String playerId) {
        return news.stream()
                .anyMatch(e -> PlayerEvent.PLAY_REQUESTED.equals(e.type())
                        && e.playerId().equals(playerId));
    }

    boolean closes(String playerId) {
        return news.stream()
                .anyMatch(e -> PlayerEvent.PLAY_REQUEST_RESET.equals(e.type())
                        && e.playerId().equals(playerId));
    }

    /** The player's properties with its trigger as it is after this post. */
    List<Property> properties(PlayerInfo player, Instant at) {
        return Endpoints.properties(player, detected.getOrDefault(player.playerId(), false), at);
    }

    /** Whether the account was last told that the trigger is open. */
    static boolean wasOpen(EndpointStates.Snapshot told) {
        var value = told.values().get(DETECTION);
        return value != null && ContactSensor.DETECTED.equals(value.asText());
    }
}
