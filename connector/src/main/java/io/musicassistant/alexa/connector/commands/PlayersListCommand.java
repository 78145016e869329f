package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.players.PlayerControl;
import io.musicassistant.alexa.relay.protocol.PlayerList;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;

/** {@code players.list}: the home's players, for discovery and for room names. */
public final class PlayersListCommand implements RelayCommandHandler {

    private final PlayerControl players;

    public PlayersListCommand(PlayerControl players) {
        this.players = players;
    }

    @Override
    public RelayProtocol.Command command() {
        return RelayProtocol.Command.PLAYERS_LIST;
    }

    @Override
    public JsonNode execute(JsonNode args) {
        return RelayJson.tree(new PlayerList(players.list()));
    }
}
