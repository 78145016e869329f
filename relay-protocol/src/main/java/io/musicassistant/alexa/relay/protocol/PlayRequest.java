package io.musicassistant.alexa.relay.protocol;

import java.util.Objects;

/** Arguments of {@code player.play}: find {@code query} in Music Assistant and play it on a player, replacing its queue. */
public record PlayRequest(String playerId, ContentQuery query) {

    public PlayRequest {
        new PlayerRef(playerId);
        Objects.requireNonNull(query, "query");
    }
}
