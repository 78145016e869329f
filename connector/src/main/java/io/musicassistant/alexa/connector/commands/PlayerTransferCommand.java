package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.players.PlayerControl;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.TransferRequest;

/** {@code player.transfer}: moves what plays on one player to another ("move the music to the bedroom"). */
public final class PlayerTransferCommand implements RelayCommandHandler {

    private final PlayerControl players;

    public PlayerTransferCommand(PlayerControl players) {
        this.players = players;
    }

    @Override
    public RelayProtocol.Command command() {
        return RelayProtocol.Command.PLAYER_TRANSFER;
    }

    @Override
    public JsonNode execute(JsonNode args) {
        TransferRequest request = RelayJson.convert(args, TransferRequest.class);
        return RelayJson.tree(players.transfer(request.fromPlayerId(), request.toPlayerId()));
    }
}
