package io.musicassistant.alexa.control.voice;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.util.List;

/** What a spoken room name turned out to mean among the user's players. */
public sealed interface RoomMatch {

    /** Exactly one player fits best. */
    record Found(PlayerInfo player) implements RoomMatch {}

    /** Several players fit equally well; the user has to choose. */
    record Ambiguous(List<PlayerInfo> candidates) implements RoomMatch {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** No player fits. */
    record Unknown(String spoken) implements RoomMatch {}
}
