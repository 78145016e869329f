package io.musicassistant.alexa.local;

import io.musicassistant.alexa.CloudWiring;
import io.musicassistant.alexa.connector.Connector;
import io.musicassistant.alexa.connector.ConnectorConfig;
import io.musicassistant.alexa.connector.platform.ConnectorState;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.dev.FreePort;
import io.musicassistant.alexa.dev.LocalCertificate;
import io.musicassistant.alexa.local.faults.ConnectorProcess;
import io.musicassistant.alexa.local.faults.Faults;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The local stack's connector, in this JVM or (with faults) as a process of its own: started,
 * paired with the demo user the way a person would pair it, awaited online, stopped and restarted.
 */
final class LocalConnector {

    private final LocalEndpoint endpoint;
    /** The environment the connector reads, the same at every restart. */
    private final Map<String, String> env;

    private final CloudWiring cloud;
    private final Path state;
    private final LocalStack.Streams streams;
    /** With faults: the connector as a child process (then {@link #connector} stays null). */
    private final ConnectorProcess child;

    private volatile Connector connector;
    /** {@code ECHO_PLAYERS} for the next start in this JVM when the user changed it, else null. */
    private volatile String echoPlayers;

    private LocalConnector(
            LocalEndpoint endpoint,
            Map<String, String> env,
            CloudWiring cloud,
            Path state,
            LocalStack.Streams streams,
            Connector connector,
            ConnectorProcess child) {
        this.endpoint = endpoint;
        this.env = env;
        this.cloud = cloud;
        this.state = state;
        this.streams = streams;
        this.connector = connector;
        this.child = child;
    }

    /**
     * Starts the connector with a fresh state directory: in this JVM, or with {@code connectorLog}
     * as a process of its own (for the faults). {@code overrides} replace settings of {@link LocalConfig#connectorEnv}.
     */
    static LocalConnector start(
            LocalEndpoint endpoint,
            MaSimulator ma,
            CloudWiring cloud,
            Path connectorLog,
            Map<String, String> overrides,
            Consumer<String> progress) {
        Path state;
        try {
            state = Files.createTempDirectory("ma-alexa-connector-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalStack.Streams streams =
                new LocalStack.Streams(FreePort.find(), LocalCertificate.create(state.resolve("tls")));
        Map<String, String> env = new HashMap<>(LocalConfig.connectorEnv(endpoint, ma, state, streams));
        if (connectorLog != null) {
            // Another process's status page cannot say which port it bound: it is told one.
            env.put("STATUS_PORT", Integer.toString(FreePort.find()));
        }
        env.putAll(overrides);
        Connector connector = null;
        ConnectorProcess child = null;
        if (connectorLog == null) {
            connector = startInThisJvm(env, progress);
        } else {
            progress.accept("  (as a process of its own, for the faults; its log: " + connectorLog + ")");
            child = new ConnectorProcess(env, connectorLog);
            child.start();
        }
        return new LocalConnector(endpoint, Map.copyOf(env), cloud, state, streams, connector, child);
    }

    private static Connector startInThisJvm(Map<String, String> env, Consumer<String> progress) {
        ConnectorConfig config = ConnectorConfig.load(env);
        return Connector.start(
                config, message -> progress.accept("  [connector] " + message.replace("\n", "\n  [connector] ")));
    }

    /** The code the connector shows (in this JVM), or one asked for with the home's credentials (a connector process). */
    private String currentPairingCode() {
        if (connector != null) {
            var shown = connector.link().currentCode();
            return shown == null ? null : shown.code();
        }
        var home = new ConnectorState(state).home();
        if (home.isEmpty()) {
            return null;
        }
        return new RelayApiClient(URI.create(endpoint.baseUrl()))
                .pairingCode(home.get().instanceId(), home.get().instanceSecret())
                .code();
    }

    /** Pairs the connector's home with the demo user: the code read from the connector, claimed with the demo token. */
    void pairDemoUser() {
        String code = null;
        // A connector process first starts a JVM of its own.
        long deadline =
                System.nanoTime() + Duration.ofSeconds(child == null ? 15 : 60).toNanos();
        while (code == null && System.nanoTime() < deadline) {
            code = currentPairingCode();
            if (code == null) {
                sleep(50);
            }
        }
        if (code == null) {
            throw new IllegalStateException("the connector did not show a pairing code");
        }
        HttpRequest claim = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/v1/pairings"))
                .header("Authorization", "Bearer " + LocalStack.DEMO_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}"))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(claim, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("pairing failed: " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (connector != null) {
            connector.link().beatSoon();
        }
    }

    /** Waits until the cloud sees the home online with Music Assistant connected. */
    void awaitHomeOnline(Duration timeout) {
        awaitHomeOnline(timeout, Instant.EPOCH);
    }

    /** The same, with a heartbeat later than {@code after}: a restarted connector, not the one before. */
    private void awaitHomeOnline(Duration timeout, Instant after) {
        HomeDirectory directory = new HomeDirectory(cloud.aws().dynamoDb(), cloud.tables());
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastNudge = System.nanoTime() - Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            var home = directory.homeOf(LocalStack.DEMO_USER_ID);
            if (home.isPresent()
                    && home.get().heartbeatAt() != null
                    && home.get().heartbeatAt().isAfter(after)
                    && home.get().availability(Instant.now(), cloud.config().heartbeatStaleAfter())
                            == Home.Availability.ONLINE) {
                return;
            }
            if (System.nanoTime() - lastNudge > Duration.ofSeconds(2).toNanos() && connector != null) {
                connector.link().beatSoon(); // at most every 2 s: heartbeats are rate-limited per home
                lastNudge = System.nanoTime();
            }
            sleep(50);
        }
        throw new IllegalStateException("the demo home did not come online within " + timeout.toSeconds() + " s");
    }

    /** Stops the connector the way Docker would (SIGTERM): it tells the cloud it is going. */
    void stop() {
        if (child != null) {
            child.stop();
            return;
        }
        Connector c = connector;
        if (c != null) {
            c.close();
            connector = null;
        }
    }

    /** Starts the connector again with the same state directory (same home, already paired). */
    void restart(Consumer<String> progress) {
        if (child != null) {
            new ChildConnector().start();
        } else if (connector == null) {
            Map<String, String> now = env;
            if (echoPlayers != null) {
                now = new HashMap<>(env);
                now.put("ECHO_PLAYERS", echoPlayers);
            }
            connector = startInThisJvm(now, progress);
            awaitHomeOnline(Duration.ofSeconds(20));
        }
    }

    /** The user changes the connector's {@code ECHO_PLAYERS} (names, comma-separated); it applies at the next start. */
    void setEchoPlayers(String names) {
        if (child != null) {
            throw new UnsupportedOperationException("the Echo players of a connector process are set at its start");
        }
        echoPlayers = names;
    }

    Path stateDir() {
        return state;
    }

    /**
     * The status page's address: the port the connector in this JVM bound (port 0 asks for any), or
     * the one a connector process was told; empty while the connector is stopped or its page is off.
     */
    java.util.Optional<String> statusUrl() {
        if (child != null) {
            return java.util.Optional.of("http://127.0.0.1:" + env.get("STATUS_PORT") + "/");
        }
        Connector c = connector;
        return c == null
                ? java.util.Optional.empty()
                : c.statusAddress().map(a -> "http://127.0.0.1:" + a.getPort() + "/");
    }

    LocalStack.Streams streams() {
        return streams;
    }

    /** The connector when it runs in this JVM; null as a process or while stopped. */
    Connector current() {
        return connector;
    }

    /** The connector process's id, or -1 when it runs in this JVM. */
    long pid() {
        return child == null ? -1 : child.pid();
    }

    /** The connector process as the faults act on it. */
    Faults.Connector process() {
        return new ChildConnector();
    }

    private final class ChildConnector implements Faults.Connector {
        @Override
        public void stop() {
            child.stop();
        }

        @Override
        public void kill() {
            child.kill();
        }

        @Override
        public void start() {
            Instant before = Instant.now();
            child.start();
            awaitHomeOnline(Duration.ofSeconds(60), before);
        }

        @Override
        public long pid() {
            return child.pid();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
