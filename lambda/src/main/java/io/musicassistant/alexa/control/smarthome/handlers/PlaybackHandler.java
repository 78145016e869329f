package io.musicassistant.alexa.control.smarthome.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.control.smarthome.PlayerDirectives;
import io.musicassistant.alexa.control.smarthome.SmartHomeDirectiveHandler;
import io.musicassistant.alexa.control.smarthome.SmartHomeRequest;
import io.musicassistant.alexa.control.smarthome.capabilities.PlaybackController;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import java.util.Map;

/**
 * Alexa.PlaybackController Play, Pause, Stop, Next and Previous — one registered instance per
 * directive, each naming the Music Assistant action it performs.
 */
public final class PlaybackHandler implements SmartHomeDirectiveHandler {

    private final String name;
    private final PlayerAction.Action action;
    private final PlayerDirectives players;

    public PlaybackHandler(String name, PlayerAction.Action action, PlayerDirectives players) {
        this.name = name;
        this.action = action;
        this.players = players;
    }

    @Override
    public DirectiveName directive() {
        return new DirectiveName(PlaybackController.NAMESPACE, name);
    }

    @Override
    public Map<String, Object> handle(SmartHomeRequest request) {
        return players.act(request, playerId -> PlayerAction.of(playerId, action));
    }
}
