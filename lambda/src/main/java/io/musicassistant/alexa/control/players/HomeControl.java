package io.musicassistant.alexa.control.players;

import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.RelayClient;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.PlayRequest;
import io.musicassistant.alexa.relay.protocol.PlayResult;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.relay.protocol.PlayerList;
import io.musicassistant.alexa.relay.protocol.PlayerRef;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.Command;
import io.musicassistant.alexa.relay.protocol.TransferRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The home's players, through the relay: what the smart-home directives and the voice intents do.
 * Failures arrive as {@link io.musicassistant.alexa.relay.RelayException}: offline at once, a
 * remote {@code not_found}, {@code player_unavailable} or {@code unsupported} from the connector.
 */
public final class HomeControl {

    private final RelayClient relay;
    private final VoiceChanges voice;

    public HomeControl(RelayClient relay) {
        this(relay, null);
    }

    /**
     * @param voice told about each player this control is about to change, when the changes are
     *     made by voice (the custom model), so that Alexa hears of them as VOICE_INTERACTION; null for
     *     smart-home directives, whose changes are not reported back to the account that made them
     */
    public HomeControl(RelayClient relay, VoiceChanges voice) {
        this.relay = relay;
        this.voice = voice;
    }

    /** Who must know that a player is about to be changed by voice. */
    @FunctionalInterface
    public interface VoiceChanges {
        void changing(Home home, String playerId);
    }

    private void changing(Home home, String... playerIds) {
        if (voice != null) {
            for (String id : playerIds) {
                voice.changing(home, id);
            }
        }
    }

    public List<PlayerInfo> players(Home home, Instant deadline) {
        return RelayClient.as(relay.call(home, Command.PLAYERS_LIST, Map.of(), deadline), PlayerList.class)
                .players();
    }

    public PlayerInfo player(Home home, String playerId, Instant deadline) {
        return RelayClient.as(
                relay.call(home, Command.PLAYER_GET, new PlayerRef(playerId), deadline), PlayerInfo.class);
    }

    public PlayerInfo control(Home home, PlayerAction action, Instant deadline) {
        changing(home, action.playerId());
        return RelayClient.as(relay.call(home, Command.PLAYER_CONTROL, action, deadline), PlayerInfo.class);
    }

    public PlayResult play(Home home, String playerId, ContentQuery query, Instant deadline) {
        changing(home, playerId);
        return RelayClient.as(
                relay.call(home, Command.PLAYER_PLAY, new PlayRequest(playerId, query), deadline), PlayResult.class);
    }

    public PlayerInfo transfer(Home home, String fromPlayerId, String toPlayerId, Instant deadline) {
        changing(home, fromPlayerId, toPlayerId);
        return RelayClient.as(
                relay.call(home, Command.PLAYER_TRANSFER, new TransferRequest(fromPlayerId, toPlayerId), deadline),
                PlayerInfo.class);
    }
}
