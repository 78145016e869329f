package io.musicassistant.alexa.control.smarthome.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.alexa.DirectiveName;
import io.musicassistant.alexa.alexa.Fields;
import io.musicassistant.alexa.control.smarthome.PlayerDirectives;
import io.musicassistant.alexa.control.smarthome.SmartHomeDirectiveHandler;
import io.musicassistant.alexa.control.smarthome.SmartHomeException;
import io.musicassistant.alexa.control.smarthome.SmartHomeRequest;
import io.musicassistant.alexa.control.smarthome.capabilities.Speaker;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import java.util.Map;
import java.util.Set;

/**
 * Alexa.Speaker AdjustVolume {@code {volume: -100..100, volumeDefault}}. With {@code volumeDefault}
 * ("Alexa, louder") the player's own step applies: Music Assistant's volume_up/volume_down.
 */
public final class AdjustVolumeHandler implements SmartHomeDirectiveHandler {

    private final PlayerDirectives players;

    public AdjustVolumeHandler(PlayerDirectives players) {
        this.players = players;
    }

    @Override
    public Set<DirectiveName> directives() {
        return Set.of(new DirectiveName(Speaker.NAMESPACE, "AdjustVolume"));
    }

    @Override
    public Map<String, Object> handle(SmartHomeRequest request) {
        JsonNode volume = request.payload().get("volume");
        if (volume == null || !volume.isIntegralNumber() || !volume.canConvertToInt()) {
            throw new SmartHomeException(SmartHomeException.INVALID_VALUE, "volume must be a whole number");
        }
        int delta = volume.asInt();
        if (delta < -100 || delta > 100) {
            throw SmartHomeException.outOfRange("volume change must be -100..100", -100, 100);
        }
        boolean byDefault = Fields.bool(request.payload(), "volumeDefault", false);
        return players.act(
                request,
                playerId -> byDefault
                        ? PlayerAction.of(
                                playerId, delta >= 0 ? PlayerAction.Action.VOLUME_UP : PlayerAction.Action.VOLUME_DOWN)
                        : new PlayerAction(playerId, PlayerAction.Action.VOLUME_ADJUST, delta, null, null));
    }
}
