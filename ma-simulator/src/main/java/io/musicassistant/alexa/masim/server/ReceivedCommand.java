package io.musicassistant.alexa.masim.server;

import com.fasterxml.jackson.databind.JsonNode;

/** One command as the simulator received it (WebSocket or {@code /api}): when (epoch ms), which, with what. */
public record ReceivedCommand(long atMs, String command, JsonNode args) {}
