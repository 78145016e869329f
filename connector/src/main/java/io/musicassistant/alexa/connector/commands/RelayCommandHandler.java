package io.musicassistant.alexa.connector.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.platform.CommandFailure;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;

/** One relay command the connector can execute. */
public interface RelayCommandHandler {

    RelayProtocol.Command command();

    /** Executes; throws {@link CommandFailure}, MaException or MaUnavailableException on failure. */
    JsonNode execute(JsonNode args);
}
