package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import java.util.Map;

/** {@code ping}: proves the relay path works end to end and reports the Music Assistant link. */
public final class PingCommand implements RelayCommandHandler {

    private final MaClient ma;

    public PingCommand(MaClient ma) {
        this.ma = ma;
    }

    @Override
    public RelayProtocol.Command command() {
        return RelayProtocol.Command.PING;
    }

    @Override
    public JsonNode execute(JsonNode args) {
        return RelayJson.tree(Map.of("pong", true, "ma_connected", ma.connected()));
    }
}
