package io.musicassistant.alexa.connector;

import io.musicassistant.alexa.connector.platform.ConnectorState;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.connector.relay.RelayApiException;
import io.musicassistant.alexa.connector.relay.RelayQueueCredentials;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The relay API calls a start waits for ({@link io.musicassistant.alexa.connector.relay.HomeIdentity}
 * decides which): registering the home and fetching its relay credentials. Both wait out a relay that
 * is not reachable yet and tell the user so, because a start should outlast that rather than fail.
 */
final class RelayRegistration {

    private RelayRegistration() {}

    static HomeRegistration register(
            RelayApiClient api, ConnectorState state, ConnectorConfig config, Consumer<String> announce) {
        announce.accept("Registering this home with the relay at " + config.relayApiUrl() + " ...");
        HomeRegistration home =
                retrying("registration", () -> api.register(Connector.VERSION, config.homeName()), announce);
        state.saveHome(home);
        announce.accept("Registered as " + home.instanceId() + ".");
        return home;
    }

    static RelayQueueCredentials credentials(
            RelayApiClient api, HomeRegistration home, Clock clock, Consumer<String> announce) {
        return retrying(
                "relay credentials",
                () -> new RelayQueueCredentials(() -> api.credentials(home.instanceId(), home.instanceSecret()), clock),
                announce);
    }

    /** Retries while the relay is unreachable, overloaded or rate-limiting; a refusal (4xx) is final. */
    private static <T> T retrying(String what, Supplier<T> call, Consumer<String> announce) {
        int attempt = 0;
        while (true) {
            try {
                return call.get();
            } catch (RelayApiException e) {
                if (e.status() / 100 == 4 && e.status() != 429) {
                    throw e;
                }
                attempt++;
                long waitS =
                        e.retryAfterSeconds() > 0 ? e.retryAfterSeconds() : Math.min(60, 1L << Math.min(attempt, 6));
                announce.accept("The relay is not reachable yet for " + what + " (" + e.error() + "); retrying in "
                        + waitS + " s.");
                try {
                    Thread.sleep(Duration.ofSeconds(waitS));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
