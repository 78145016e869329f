package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.players.PlayerControl;
import io.musicassistant.alexa.relay.protocol.PlayRequest;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerList;
import io.musicassistant.alexa.relay.protocol.PlayerRef;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.TransferRequest;
import java.util.List;
import java.util.function.Function;

/**
 * The control skill's commands: each reads its arguments (the protocol records validate them) and
 * hands them to {@link PlayerControl}, whose answer goes back as the result.
 */
public final class PlayerCommands {

    private PlayerCommands() {
    }

    public static List<RelayCommandHandler> of(PlayerControl players) {
        return List.of(
                // players.list: the home's players, for discovery and for room names
                handler(RelayProtocol.Command.PLAYERS_LIST, args -> new PlayerList(players.list())),
                handler(RelayProtocol.Command.PLAYER_GET, args -> players.get(RelayJson.convert(args, PlayerRef.class).playerId())),
                handler(RelayProtocol.Command.PLAYER_CONTROL, args -> players.control(RelayJson.convert(args, PlayerAction.class))),
                handler(RelayProtocol.Command.PLAYER_PLAY, args -> {
                    PlayRequest request = RelayJson.convert(args, PlayRequest.class);
                    return players.play(request.playerId(), request.query());
                }),
                handler(RelayProtocol.Command.PLAYER_TRANSFER, args -> {
                    TransferRequest request = RelayJson.convert(args, TransferRequest.class);
                    return players.transfer(request.fromPlayerId(), request.toPlayerId());
                }));
    }

    private static RelayCommandHandler handler(RelayProtocol.Command command, Function<JsonNode, Object> run) {
        return new RelayCommandHandler() {
            @Override
            public RelayProtocol.Command command() {
                return command;
            }

            @Override
            public JsonNode execute(JsonNode args) {
                return RelayJson.tree(run.apply(args));
            }
        };
    }
}
