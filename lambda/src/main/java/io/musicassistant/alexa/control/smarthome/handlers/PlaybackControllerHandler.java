package io.musicassistant.alexa.control.smarthome.handlers;

import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.control.smarthome.PlayerDirectives;
import io.musicassistant.alexa.control.smarthome.SmartHomeDirectiveHandler;
import io.musicassistant.alexa.control.smarthome.SmartHomeRequest;
import io.musicassistant.alexa.control.smarthome.capabilities.PlaybackController;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerAction.Action;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alexa.PlaybackController Play, Pause, Stop, Next and Previous: each directive is one Music
 * Assistant action on the endpoint's player, and they differ in nothing else.
 */
public final class PlaybackControllerHandler implements SmartHomeDirectiveHandler {

    /** Directive name → the action it performs. */
    private static final Map<String, Action> ACTIONS = Map.of(
            "Play", Action.PLAY,
            "Pause", Action.PAUSE,
            "Stop", Action.STOP,
            "Next", Action.NEXT,
            "Previous", Action.PREVIOUS);

    private final PlayerDirectives players;

    public PlaybackControllerHandler(PlayerDirectives players) {
        this.players = players;
    }

    @Override
    public Set<DirectiveName> directives() {
        return ACTIONS.keySet().stream()
                .map(name -> new DirectiveName(PlaybackController.NAMESPACE, name))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Map<String, Object> handle(SmartHomeRequest request) {
        Action action = ACTIONS.get(request.name().name());
        return players.act(request, playerId -> PlayerAction.of(playerId, action));
    }
}
