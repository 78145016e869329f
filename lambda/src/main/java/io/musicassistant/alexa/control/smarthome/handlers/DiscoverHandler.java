package io.musicassistant.alexa.control.smarthome.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.control.players.HomeControl;
import io.musicassistant.alexa.control.smarthome.EndpointStates;
import io.musicassistant.alexa.control.smarthome.Endpoints;
import io.musicassistant.alexa.control.smarthome.SmartHomeDirectiveHandler;
import io.musicassistant.alexa.control.smarthome.SmartHomeEvents;
import io.musicassistant.alexa.control.smarthome.SmartHomeException;
import io.musicassistant.alexa.control.smarthome.SmartHomeRequest;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.NotPairedException;
import io.musicassistant.alexa.relay.RelayException;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alexa.Discovery Discover: every enabled, visible Music Assistant player and group becomes a
 * SPEAKER endpoint with the interfaces its features allow, and every Echo player a CONTACT_SENSOR
 * (its routine's trigger). A user without a paired home has none.
 */
public final class DiscoverHandler implements SmartHomeDirectiveHandler {

    private final HomeLocator homes;
    private final HomeControl control;
    private final EndpointStates states;
    private final Clock clock;

    public DiscoverHandler(HomeLocator homes, HomeControl control, EndpointStates states, Clock clock) {
        this.homes = homes;
        this.control = control;
        this.states = states;
        this.clock = clock;
    }

    @Override
    public Set<DirectiveName> directives() {
        return Set.of(new DirectiveName("Alexa.Discovery", "Discover"));
    }

    @Override
    public Map<String, Object> handle(SmartHomeRequest request) {
        Home home;
        try {
            home = homes.onlineHomeOf(request.userId());
        } catch (NotPairedException e) {
            return SmartHomeEvents.discoverResponse(List.of());
        } catch (RelayException e) {
            throw new SmartHomeException(
                    SmartHomeException.BRIDGE_UNREACHABLE, e.failure().name());
        }
        List<PlayerInfo> all;
        try {
            all = control.players(home, request.deadline());
        } catch (RelayException e) {
            if (e.failure() == RelayException.Failure.REMOTE_ERROR) {
                throw e;
            }
            // Discovery has no endpoint to blame: the hub (the home) is what cannot be reached.
            throw new SmartHomeException(
                    SmartHomeException.BRIDGE_UNREACHABLE, e.failure().name());
        }
        List<PlayerInfo> players = all.stream()
                .filter(Endpoints::describable)
                .limit(Endpoints.MAX_ENDPOINTS)
                .toList();
        for (PlayerInfo p : players) {
            states.remember(
                    home.instanceId(), request.userId(), p, states.properties(home.instanceId(), p, clock.instant()));
        }
        states.knowExactly(
                home.instanceId(),
                request.userId(),
                players.stream().map(PlayerInfo::playerId).toList());
        return SmartHomeEvents.discoverResponse(
                players.stream().map(Endpoints::describe).toList());
    }
}
