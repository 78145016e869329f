package io.musicassistant.alexa.relay.protocol.api;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.ProtocolException;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/homes/{id}/events}: what changed among the home's players since the last report,
 * debounced by the connector. The cloud turns them into Alexa ChangeReport, AddOrUpdateReport and
 * DeleteReport events for every linked account that granted event access.
 */
public record HomeEvents(List<PlayerEvent> events) {

    public static final int MAX_EVENTS = 50;

    public HomeEvents {
        if (events == null || events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new ProtocolException("events must hold 1.." + MAX_EVENTS + " entries");
        }
        events = List.copyOf(events);
    }

    /**
     * One player's news: {@code changed} or {@code added} carry the player as it is now;
     * {@code removed} carries only its id.
     */
    public record PlayerEvent(String type, String playerId, PlayerInfo player) {

        public static final String CHANGED = "changed";
        public static final String ADDED = "added";
        public static final String REMOVED = "removed";
        /**
         * Play was pressed in Music Assistant on an Echo player ({@link PlayerInfo#TYPE_ECHO}): the
         * cloud opens that player's trigger (a contact sensor) so the user's routine starts.
         */
        public static final String PLAY_REQUESTED = "play_requested";
        /** The trigger closes again, so that the next play opens it anew. */
        public static final String PLAY_REQUEST_RESET = "play_request_reset";

        private static final Set<String> TYPES = Set.of(CHANGED, ADDED, REMOVED, PLAY_REQUESTED, PLAY_REQUEST_RESET);

        public PlayerEvent {
            if (type == null || !TYPES.contains(type)) {
                throw new ProtocolException(
                        "event type must be changed, added, removed, play_requested or play_request_reset");
            }
            if (playerId == null || playerId.isBlank() || playerId.length() > 256) {
                throw new ProtocolException("player_id must be 1..256 characters");
            }
            if (!REMOVED.equals(type) && (player == null || !playerId.equals(player.playerId()))) {
                throw new ProtocolException(type + " events carry the player");
            }
        }
    }
}
