package io.musicassistant.alexa.control.smarthome;

import io.musicassistant.alexa.control.players.HomeControl;
import io.musicassistant.alexa.control.smarthome.capabilities.Property;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every directive aimed at one player shares: find the player behind the endpoint id, act
 * through the relay (an offline home fails at once), answer with the player's properties, and
 * remember them, so that the change this directive made is not reported back to Alexa.
 */
public final class PlayerDirectives {

    private final HomeLocator homes;
    private final HomeControl control;
    private final EndpointStates states;
    private final Clock clock;

    public PlayerDirectives(HomeLocator homes, HomeControl control, EndpointStates states, Clock clock) {
        this.homes = homes;
        this.control = control;
        this.states = states;
        this.clock = clock;
    }

    /** Performs {@code action} (built from the player id) and answers with Alexa.Response. */
    public Map<String, Object> act(SmartHomeRequest request, Function<String, PlayerAction> action) {
        String playerId = playerId(request);
        Home home = homes.onlineHomeOf(request.userId());
        PlayerInfo after = control.control(home, action.apply(playerId), request.deadline());
        return SmartHomeEvents.response(request, remember(home, request.userId(), after));
    }

    /** ReportState: the player's properties now. */
    public Map<String, Object> report(SmartHomeRequest request) {
        String playerId = playerId(request);
        Home home = homes.onlineHomeOf(request.userId());
        PlayerInfo now = control.player(home, playerId, request.deadline());
        return SmartHomeEvents.stateReport(request, remember(home, request.userId(), now));
    }

    private List<Property> remember(Home home, String userId, PlayerInfo player) {
        Instant sampled = clock.instant();
        List<Property> properties = states.properties(home.instanceId(), player, sampled);
        states.rememberValues(home.instanceId(), userId, player, properties, sampled.toEpochMilli());
        return properties;
    }

    static String playerId(SmartHomeRequest request) {
        return Endpoints.playerId(request.endpointId())
                .orElseThrow(() -> new SmartHomeException(SmartHomeException.NO_SUCH_ENDPOINT, "unknown endpoint"));
    }
}
