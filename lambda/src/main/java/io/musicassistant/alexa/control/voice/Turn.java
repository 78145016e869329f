package io.musicassistant.alexa.control.voice;

import io.musicassistant.alexa.control.players.HomeControl;
import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Instant;
import java.util.List;

/**
 * One request to the voice model, as its handlers see it: the answer's language, the deadline
 * everything must meet, and the user, their home and its players, each looked up at most once
 * and only when a handler asks (help needs none of them; an offline home fails at once).
 */
public final class Turn {

    private final Messages messages;
    private final Instant deadline;
    private final String accessToken;
    private final IdentityResolver identity;
    private final HomeLocator homes;
    private final HomeControl control;
    private String userId;
    private Home home;
    private List<PlayerInfo> players;
    private List<PlayerInfo> everyPlayer;

    public Turn(
            Messages messages,
            Instant deadline,
            String accessToken,
            IdentityResolver identity,
            HomeLocator homes,
            HomeControl control) {
        this.messages = messages;
        this.deadline = deadline;
        this.accessToken = accessToken;
        this.identity = identity;
        this.homes = homes;
        this.control = control;
    }

    public Messages messages() {
        return messages;
    }

    public Instant deadline() {
        return deadline;
    }

    public HomeControl control() {
        return control;
    }

    /** The Amazon user; throws AuthorizationException when the token is missing, invalid or expired. */
    public String userId() {
        if (userId == null) {
            userId = identity.userId(accessToken);
        }
        return userId;
    }

    /** The user's home, online; throws NotPairedException or RelayException (offline) at once. */
    public Home home() {
        if (home == null) {
            home = homes.onlineHomeOf(userId());
        }
        return home;
    }

    /**
     * The home's players, fetched once per request. Echo players (issue 16) are no rooms: they only
     * trigger their routine, and music for an Echo is asked of the Echo itself.
     */
    public List<PlayerInfo> players() {
        if (players == null) {
            everyPlayer = List.copyOf(control.players(home(), deadline));
            players = everyPlayer.stream()
                    .filter(p -> !PlayerInfo.TYPE_ECHO.equals(p.type()))
                    .toList();
        }
        return players;
    }

    /** The home's Echo players (issue 16), from the same one fetch as {@link #players()}. */
    public List<PlayerInfo> echoPlayers() {
        players();
        return everyPlayer.stream()
                .filter(p -> PlayerInfo.TYPE_ECHO.equals(p.type()))
                .toList();
    }

    /** The players if this request fetched them (then Alexa learns their names), else null. */
    public List<PlayerInfo> fetchedPlayers() {
        return players;
    }
}
