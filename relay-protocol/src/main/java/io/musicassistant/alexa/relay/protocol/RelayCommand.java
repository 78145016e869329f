package io.musicassistant.alexa.relay.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One command the cloud puts on a home's relay queue (the SQS message body).
 *
 * @param v protocol version, {@link RelayProtocol#VERSION}
 * @param id request id; also names the reply row, so it is unique per command
 * @param command one of {@link RelayProtocol.Command}'s wire names
 * @param args the command's arguments
 * @param deadlineMs epoch millis (cloud clock) after which the home must drop the command unexecuted
 * @param sentAtMs epoch millis (cloud clock) when the cloud sent it
 */
public record RelayCommand(int v, String id, String command, JsonNode args, long deadlineMs, long sentAtMs) {

    public RelayCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
    }

    public boolean expiredAt(long nowMs) {
        return nowMs >= deadlineMs;
    }
}
