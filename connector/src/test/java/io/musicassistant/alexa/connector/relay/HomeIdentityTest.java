package io.musicassistant.alexa.connector.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.connector.catalog.RelayCloud;
import io.musicassistant.alexa.connector.platform.ConnectorState;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The connector keeps its home identity through refusals and a wrong relay, and starts over only
 * when its own relay proves that it no longer knows the home. The real relay API (lambda's RelayApi
 * on loopback HTTP, against Moto and ElasticMQ), in two deployments with different keys.
 */
class HomeIdentityTest {

    static RelayCloud ours;
    static RelayCloud foreign;

    /** Stops the connector's retrying after a few waits, so that a test can look at what it kept. */
    static final class Stop extends RuntimeException {}

    @TempDir
    Path dir;

    final List<Duration> waits = new ArrayList<>();
    final List<String> announced = new ArrayList<>();

    @BeforeAll
    static void clouds() {
        ours = new RelayCloud(Map.of("DEPLOYMENT_KEY", "our-deployment-key-0123456789abcdef"));
        foreign = new RelayCloud(Map.of("DEPLOYMENT_KEY", "another-deployment-key-0123456789"));
    }

    @AfterAll
    static void close() {
        ours.close();
        foreign.close();
    }

    @Test
    void aWrongSecretKeepsTheIdentityAndRetriesWithBackoff() {
        ConnectorState state = new ConnectorState(dir);
        HomeRegistration home = register(ours, state);
        state.saveHome(new HomeRegistration(home.instanceId(), "mhs_not-the-secret", home.unknownHomeCheck()));
        assertThrows(Stop.class, () -> establish(ours, state));
        assertEquals(
                home.instanceId(), state.home().orElseThrow().instanceId(), "a 401 is no proof that the home is gone");
        assertEquals(List.of(), retired(), "nothing retired");
        assertEquals(List.of(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60)), waits);
        assertTrue(announced.getFirst().contains("RELAY_API_URL"), announced.getFirst());
    }

    @Test
    void aDifferentDeploymentsUnknownHomeIsNoProof() {
        ConnectorState state = new ConnectorState(dir);
        HomeRegistration home = register(ours, state);
        assertThrows(Stop.class, () -> establish(foreign, state));
        assertEquals(home, state.home().orElseThrow(), "RELAY_API_URL pointed at the wrong relay for a moment");
        assertEquals(List.of(), retired());
        assertEquals(
                home.instanceId(), establish(ours, state).home().instanceId(), "back on its own relay, it carries on");
    }

    @Test
    void aProvenUnknownHomeStartsOverAsANewHome() {
        ConnectorState state = new ConnectorState(dir);
        HomeRegistration old = register(ours, state);
        ours.wiring
                .aws()
                .dynamoDb()
                .deleteItem(b -> b.tableName(ours.wiring.tables().name(Tables.HOMES))
                        .key(Map.of("instance_id", AttributeValue.fromS(old.instanceId()))));
        HomeIdentity.Established established = establish(ours, state);
        assertNotEquals(old.instanceId(), established.home().instanceId());
        assertEquals(established.home().instanceId(), state.home().orElseThrow().instanceId());
        assertEquals(1, retired().size(), "the old identity is kept aside");
        assertEquals(List.of(), waits);
    }

    @Test
    void aHomeRegisteredBeforeChecksExistedLearnsItsCheck() {
        ConnectorState state = new ConnectorState(dir);
        HomeRegistration home = register(ours, state);
        state.saveHome(new HomeRegistration(home.instanceId(), home.instanceSecret()));
        establish(ours, state);
        assertEquals(home.unknownHomeCheck(), state.home().orElseThrow().unknownHomeCheck());
        assertNotNull(home.unknownHomeCheck());
    }

    // --- helpers

    private HomeRegistration register(RelayCloud cloud, ConnectorState state) {
        HomeRegistration home = new RelayApiClient(cloud.uri()).register("test-1", "Test Home");
        state.saveHome(home);
        return home;
    }

    private HomeIdentity.Established establish(RelayCloud cloud, ConnectorState state) {
        RelayApiClient api = new RelayApiClient(cloud.uri());
        Function<HomeRegistration, RelayQueueCredentials> credentials = h ->
                new RelayQueueCredentials(() -> api.credentials(h.instanceId(), h.instanceSecret()), Clock.systemUTC());
        return HomeIdentity.establish(
                state, () -> register(cloud, state), credentials, cloud.uri(), announced::add, d -> {
                    waits.add(d);
                    if (waits.size() == 3) {
                        throw new Stop();
                    }
                });
    }

    private List<Path> retired() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(".retired-"))
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
