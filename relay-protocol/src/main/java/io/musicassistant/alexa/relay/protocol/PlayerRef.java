package io.musicassistant.alexa.relay.protocol;

/** Arguments naming one player: {@code player.get}. */
public record PlayerRef(String playerId) {

    public PlayerRef {
        if (playerId == null || playerId.isBlank() || playerId.length() > 256) {
            throw new ProtocolException("player_id must be 1..256 characters");
        }
    }
}
