package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.players.PlayerControl;
import io.musicassistant.alexa.relay.protocol.PlayerRef;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;

/** {@code player.get}: one player as Alexa sees it, by its Music Assistant id. */
public final class PlayerGetCommand implements RelayCommandHandler {

    private final PlayerControl players;

    public PlayerGetCommand(PlayerControl players) {
        this.players = players;
    }

    @Override
    public RelayProtocol.Command command() {
        return RelayProtocol.Command.PLAYER_GET;
    }

    @Override
    public JsonNode execute(JsonNode args) {
        return RelayJson.tree(
                players.get(RelayJson.convert(args, PlayerRef.class).playerId()));
    }
}
