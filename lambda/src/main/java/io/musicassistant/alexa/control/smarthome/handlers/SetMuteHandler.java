package io.musicassistant.alexa.control.smarthome.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.control.smarthome.PlayerDirectives;
import io.musicassistant.alexa.control.smarthome.SmartHomeDirectiveHandler;
import io.musicassistant.alexa.control.smarthome.SmartHomeException;
import io.musicassistant.alexa.control.smarthome.SmartHomeRequest;
import io.musicassistant.alexa.control.smarthome.capabilities.Speaker;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import java.util.Map;
import java.util.Set;

/** Alexa.Speaker SetMute {@code {mute: true|false}}. */
public final class SetMuteHandler implements SmartHomeDirectiveHandler {

    private final PlayerDirectives players;

    public SetMuteHandler(PlayerDirectives players) {
        this.players = players;
    }

    @Override
    public Set<DirectiveName> directives() {
        return Set.of(new DirectiveName(Speaker.NAMESPACE, "SetMute"));
    }

    @Override
    public Map<String, Object> handle(SmartHomeRequest request) {
        JsonNode mute = request.payload().get("mute");
        if (mute == null || !mute.isBoolean()) {
            throw new SmartHomeException(SmartHomeException.INVALID_VALUE, "mute must be true or false");
        }
        return players.act(
                request,
                playerId -> new PlayerAction(playerId, PlayerAction.Action.MUTE, null, mute.asBoolean(), null));
    }
}
