package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.players.PlayerControl;
import io.musicassistant.alexa.relay.protocol.PlayRequest;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;

/** {@code player.play}: finds content in Music Assistant and plays it on a player ("play jazz in the kitchen"). */
public final class PlayerPlayCommand implements RelayCommandHandler {

    private final PlayerControl players;

    public PlayerPlayCommand(PlayerControl players) {
        this.players = players;
    }

    @Override
    public RelayProtocol.Command command() {
        return RelayProtocol.Command.PLAYER_PLAY;
    }

    @Override
    public JsonNode execute(JsonNode args) {
        PlayRequest request = RelayJson.convert(args, PlayRequest.class);
        return RelayJson.tree(players.play(request.playerId(), request.query()));
    }
}
