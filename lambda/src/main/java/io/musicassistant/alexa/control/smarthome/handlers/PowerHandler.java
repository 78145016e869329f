package io.musicassistant.alexa.control.smarthome.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.control.smarthome.PlayerDirectives;
import io.musicassistant.alexa.control.smarthome.SmartHomeDirectiveHandler;
import io.musicassistant.alexa.control.smarthome.SmartHomeRequest;
import io.musicassistant.alexa.control.smarthome.capabilities.PowerController;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import java.util.Map;

/** Alexa.PowerController TurnOn and TurnOff — one registered instance each. */
public final class PowerHandler implements SmartHomeDirectiveHandler {

    private final boolean on;
    private final PlayerDirectives players;

    public PowerHandler(boolean on, PlayerDirectives players) {
        this.on = on;
        this.players = players;
    }

    @Override
    public DirectiveName directive() {
        return new DirectiveName(PowerController.NAMESPACE, on ? "TurnOn" : "TurnOff");
    }

    @Override
    public Map<String, Object> handle(SmartHomeRequest request) {
        return players.act(request, playerId -> new PlayerAction(playerId, PlayerAction.Action.POWER, null, on, null));
    }
}
