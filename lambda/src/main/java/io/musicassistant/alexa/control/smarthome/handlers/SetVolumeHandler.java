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

/** Alexa.Speaker SetVolume {@code {volume: 0..100}}. */
public final class SetVolumeHandler implements SmartHomeDirectiveHandler {

    private final PlayerDirectives players;

    public SetVolumeHandler(PlayerDirectives players) {
        this.players = players;
    }

    @Override
    public Set<DirectiveName> directives() {
        return Set.of(new DirectiveName(Speaker.NAMESPACE, "SetVolume"));
    }

    @Override
    public Map<String, Object> handle(SmartHomeRequest request) {
        JsonNode volume = request.payload().get("volume");
        if (volume == null || !volume.canConvertToInt() || !volume.isIntegralNumber()) {
            throw new SmartHomeException(SmartHomeException.INVALID_VALUE, "volume must be a whole number");
        }
        int level = volume.asInt();
        if (level < 0 || level > 100) {
            throw SmartHomeException.outOfRange("volume must be 0..100", 0, 100);
        }
        return players.act(
                request, playerId -> new PlayerAction(playerId, PlayerAction.Action.VOLUME_SET, level, null, null));
    }
}
