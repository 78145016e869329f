package io.musicassistant.alexa.relay.protocol;

/** Arguments of {@code player.transfer}: move what plays on one player to another (MA's queue transfer). */
public record TransferRequest(String fromPlayerId, String toPlayerId) {

    public TransferRequest {
        new PlayerRef(fromPlayerId);
        new PlayerRef(toPlayerId);
        if (fromPlayerId.equals(toPlayerId)) {
            throw new ProtocolException("cannot transfer a player to itself");
        }
    }
}
