package io.musicassistant.alexa.relay.protocol;

import java.util.List;

/** Result of {@code players.list}: every player a control skill may offer, enabled and not hidden. */
public record PlayerList(List<PlayerInfo> players) {

    public PlayerList {
        players = players == null ? List.of() : List.copyOf(players);
    }
}
