package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.players.PlayerControl;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;

/** {@code player.control}: transport, volume, power, mute, shuffle or repeat on a player; the answer is the player after. */
public final class PlayerControlCommand implements RelayCommandHandler {

    private final PlayerControl players;

    public PlayerControlCommand(PlayerControl players) {
        this.players = players;
    }

    @Override
    public RelayProtocol.Command command() {
        return RelayProtocol.Command.PLAYER_CONTROL;
    }

    @Override
    public JsonNode execute(JsonNode args) {
        return RelayJson.tree(players.control(RelayJson.convert(args, PlayerAction.class)));
    }
}
