package io.musicassistant.alexa.connector.audio;

import static io.musicassistant.alexa.connector.SimulatorSupport.CONNECT_TIMEOUT;
import static io.musicassistant.alexa.connector.SimulatorSupport.await;

import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.slimproto.VirtualPlayers;
import io.musicassistant.alexa.masim.MaSimulator;
import java.net.URI;

/** The audio path's source for tests: the MA simulator, an admin's client and two virtual players, all connected. */
record SimulatedMa(MaSimulator sim, MaClient ma, VirtualPlayers players) implements AutoCloseable {

    static SimulatedMa start(String home) {
        MaSimulator sim = MaSimulator.start(MaSimulator.Options.defaults());
        MaClient ma = new MaClient(URI.create(sim.wsUrl()), sim.adminToken(), new MaClient.Listener() {});
        ma.start();
        await("Music Assistant", CONNECT_TIMEOUT, ma::connected);
        VirtualPlayers players = new VirtualPlayers(ma, "127.0.0.1", sim.slimprotoPort(), home, 2);
        players.start();
        await("both virtual players to connect", CONNECT_TIMEOUT, () -> players.connectedPlayers() == 2);
        return new SimulatedMa(sim, ma, players);
    }

    @Override
    public void close() {
        players.close();
        ma.close();
        sim.close();
    }
}
