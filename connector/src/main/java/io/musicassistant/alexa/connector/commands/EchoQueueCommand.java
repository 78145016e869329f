package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.echo.EchoQueue;
import io.musicassistant.alexa.relay.protocol.EchoQueueRequest;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;

/** {@code echo.queue}: one step through an Echo player's Music Assistant queue (issue 16). */
public final class EchoQueueCommand implements RelayCommandHandler {

    private final EchoQueue queue;

    public EchoQueueCommand(EchoQueue queue) {
        this.queue = queue;
    }

    @Override
    public RelayProtocol.Command command() {
        return RelayProtocol.Command.ECHO_QUEUE;
    }

    @Override
    public JsonNode execute(JsonNode args) {
        EchoQueueRequest request = RelayJson.convert(args, EchoQueueRequest.class);
        return RelayJson.tree(queue.step(request));
    }
}
