package io.musicassistant.alexa.control.smarthome.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.control.smarthome.PlayerDirectives;
import io.musicassistant.alexa.control.smarthome.SmartHomeDirectiveHandler;
import io.musicassistant.alexa.control.smarthome.SmartHomeRequest;
import java.util.Map;
import java.util.Set;

/** Alexa ReportState: answered with a StateReport of the player's current properties. */
public final class ReportStateHandler implements SmartHomeDirectiveHandler {

    private final PlayerDirectives players;

    public ReportStateHandler(PlayerDirectives players) {
        this.players = players;
    }

    @Override
    public Set<DirectiveName> directives() {
        return Set.of(new DirectiveName("Alexa", "ReportState"));
    }

    @Override
    public Map<String, Object> handle(SmartHomeRequest request) {
        return players.report(request);
    }
}
