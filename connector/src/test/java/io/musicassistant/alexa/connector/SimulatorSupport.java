package io.musicassistant.alexa.connector;

import static org.junit.jupiter.api.Assertions.fail;

import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.masim.MaSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Shared helpers for the tests that run the connector against a real {@link MaSimulator}. */
public final class SimulatorSupport {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private SimulatorSupport() {}

    /** Polls every 10 ms until {@code condition} holds; fails the test after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            pause(10);
        }
    }

    /** A started client of the simulator with its user ("alexa-bridge") token, connected and authenticated. */
    public static MaClient connectedClient(MaSimulator sim, MaClient.Listener listener) {
        MaClient client = new MaClient(URI.create(sim.wsUrl()), sim.userToken(), listener);
        client.start();
        await("the client to connect", CONNECT_TIMEOUT, client::connected);
        return client;
    }

    public static MaClient connectedClient(MaSimulator sim) {
        return connectedClient(sim, new MaClient.Listener() {});
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
