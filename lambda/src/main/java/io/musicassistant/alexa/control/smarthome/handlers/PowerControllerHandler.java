package io.musicassistant.alexa.control.smarthome.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.control.smarthome.PlayerDirectives;
import io.musicassistant.alexa.control.smarthome.SmartHomeDirectiveHandler;
import io.musicassistant.alexa.control.smarthome.SmartHomeRequest;
import io.musicassistant.alexa.control.smarthome.capabilities.PowerController;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import java.util.Map;
import java.util.Set;

/** Alexa.PowerController TurnOn and TurnOff: Music Assistant's power action, on or off. */
public final class PowerControllerHandler implements SmartHomeDirectiveHandler {

    private static final DirectiveName TURN_ON = new DirectiveName(PowerController.NAMESPACE, "TurnOn");
    private static final DirectiveName TURN_OFF = new DirectiveName(PowerController.NAMESPACE, "TurnOff");

    private final PlayerDirectives players;

    public PowerControllerHandler(PlayerDirectives players) {
        this.players = players;
    }

    @Override
    public Set<DirectiveName> directives() {
        return Set.of(TURN_ON, TURN_OFF);
    }

    @Override
    public Map<String, Object> handle(SmartHomeRequest request) {
        boolean on = request.name().equals(TURN_ON);
        return players.act(request, playerId -> new PlayerAction(playerId, PlayerAction.Action.POWER, null, on, null));
    }
}
