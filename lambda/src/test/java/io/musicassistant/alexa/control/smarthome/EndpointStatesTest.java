package io.musicassistant.alexa.control.smarthome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import io.musicassistant.alexa.testing.CloudFixture;
import io.musicassistant.alexa.testing.ScriptedPlayers;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an account was told is ordered by sample time (issue 12): an older sample never replaces a newer one. */
class EndpointStatesTest {

    static final String HOME = "home-0123456789abcdefghjkmnpqrs";
    final CloudFixture cloud = CloudFixture.create();
    final EndpointStates states =
            new EndpointStates(cloud.wiring.aws().dynamoDb(), cloud.wiring.tables(), Clock.systemUTC());
    final PlayerInfo kitchen = new ScriptedPlayers().get(ScriptedPlayers.KITCHEN);

    PlayerInfo atVolume(int volume) {
        return new PlayerInfo(
                kitchen.playerId(),
                kitchen.name(),
                kitchen.type(),
                true,
                true,
                volume,
                false,
                kitchen.playbackState(),
                kitchen.features(),
                kitchen.groupMembers(),
                null);
    }

    int storedVolume() {
        return states.get(HOME, "user", kitchen.playerId())
                .orElseThrow()
                .values()
                .get("Alexa.Speaker.volume")
                .asInt();
    }

    @Test
    void aReportOfAnOlderSampleDoesNotOverwriteADirectivesNewerOne() {
        long t = System.currentTimeMillis();
        // The directive's answer (volume 30, sampled at t + 200) is stored first ...
        states.rememberValues(
                HOME, "user", atVolume(30), Endpoints.properties(atVolume(30), Instant.ofEpochMilli(t + 200)), t + 200);
        // ... then the report of news that arrived at t (volume 20), whose gateway call took longer.
        PlayerInfo older = atVolume(20);
        boolean stored = states.put(
                HOME,
                "user",
                kitchen.playerId(),
                EndpointStates.Snapshot.of(older, Endpoints.properties(older, Instant.ofEpochMilli(t))),
                t);
        assertFalse(stored);
        assertEquals(30, storedVolume());

        PlayerInfo newer = atVolume(40);
        assertTrue(states.put(
                HOME,
                "user",
                kitchen.playerId(),
                EndpointStates.Snapshot.of(newer, Endpoints.properties(newer, Instant.ofEpochMilli(t + 300))),
                t + 300));
        states.rememberValues(
                HOME, "user", atVolume(25), Endpoints.properties(atVolume(25), Instant.ofEpochMilli(t + 250)), t + 250);
        assertEquals(40, storedVolume(), "an older directive answer does not win either");
    }
}
