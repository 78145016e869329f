package io.musicassistant.alexa.masim;

import static io.musicassistant.alexa.masim.WsTestClient.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.masim.server.ReceivedCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the local stack's fault injection uses: a stopped MA, and the record of commands with their arguments. */
class FaultSwitchesTest {

    @Test
    void aStoppedSimulatorDropsAndRefusesClientsUntilStartedAgain() {
        try (MaSimulator ma = MaSimulator.start(MaSimulator.Options.defaults())) {
            WsTestClient before = WsTestClient.authenticated(ma, ma.userToken());
            assertEquals(1, ma.connectedClients());
            ma.setStopped(true);
            assertEquals(0, ma.connectedClients(), "connected clients are dropped");
            assertThrows(RuntimeException.class, () -> WsTestClient.connect(ma.wsUrl()), "refused while stopped");
            ma.setStopped(false);
            try (WsTestClient after = WsTestClient.authenticated(ma, ma.userToken())) {
                assertTrue(after.call("players/all", null).path("result").isArray(), "answers again");
            }
            before.close();
        }
    }

    @Test
    void everyCommandIsRecordedWithItsArgumentsAndArrivalTime() {
        try (MaSimulator ma = MaSimulator.start(MaSimulator.Options.defaults());
                WsTestClient client = WsTestClient.authenticated(ma, ma.userToken())) {
            long before = System.currentTimeMillis();
            client.call("players/get", args("player_id", "no-such-player"));
            List<ReceivedCommand> received = ma.receivedCommands();
            ReceivedCommand last = received.getLast();
            assertEquals("players/get", last.command());
            assertEquals("no-such-player", last.args().path("player_id").asText());
            assertTrue(last.atMs() >= before && last.atMs() <= System.currentTimeMillis(), "arrival time");
            ma.resetCounters();
            assertEquals(List.of(), ma.receivedCommands());
        }
    }
}
