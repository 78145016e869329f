package io.musicassistant.alexa.connector;

import io.musicassistant.alexa.connector.platform.ConnectorState;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.connector.relay.RelayApiException;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.api.PairingCode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar ma-alexa-connector.jar} runs the connector until stopped (SIGTERM from Docker or
 * Home Assistant). {@code java -jar ma-alexa-connector.jar pair} prints a fresh pairing code for this
 * home, for another Amazon account of the household once the first one is paired. {@code accounts}
 * lists the Amazon accounts linked to this home and {@code accounts revoke <label>} removes one.
 */
public final class ConnectorMain {

    private static final JsonLog LOG = JsonLog.get(ConnectorMain.class);

    private ConnectorMain() {}

    public static void main(String[] args) throws InterruptedException {
        ConnectorConfig config;
        try {
            config = ConnectorConfig.load(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.err.println(
                    "Set MA_URL, MA_TOKEN and (for a private deployment) RELAY_API_URL; see connector/README.md.");
            System.exit(2);
            return;
        }
        if (args.length > 0 && args[0].equals("pair")) {
            System.exit(pair(config));
        }
        if (args.length > 0 && args[0].equals("accounts")) {
            HomeRegistration home = new ConnectorState(config.stateDir()).home().orElse(null);
            if (home == null) {
                System.err.println("This home is not registered yet: start the connector once.");
                System.exit(3);
            }
            System.exit(
                    AccountsCommand.run(new RelayApiClient(config.relayApiUrl()), home, args, System.out, System.err));
        }
        LOG.info("connector.starting", "version", Connector.VERSION, "config", config.toString());
        Connector connector;
        try {
            connector = Connector.start(config, message -> System.out.println("\n*** " + message + "\n"));
        } catch (IllegalArgumentException e) {
            // Settings that pass the first checks but cannot be used (certificate files, MA's address).
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RelayApiException e) {
            // A final refusal (not a network problem, those are retried): say so in one line, not a stack trace.
            System.err.println("The relay at " + config.relayApiUrl() + " refused this home: " + e.getMessage()
                    + ". Check RELAY_API_URL and ALEXA_REGION; see docs/troubleshooting.md.");
            System.exit(2);
            return;
        }
        connector
                .statusAddress()
                .ifPresent(address -> System.out.println(
                        config.status().ingressOnly()
                                ? "\n*** Status page: Open Web UI on the add-on's page in Home Assistant\n"
                                : "\n*** Status page: http://<this machine>:" + address.getPort() + "/\n"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            connector.close();
                            stopped.countDown();
                        },
                        "connector-stop"));
        stopped.await();
    }

    static int pair(ConnectorConfig config) {
        HomeRegistration home = new ConnectorState(config.stateDir()).home().orElse(null);
        if (home == null) {
            System.err.println("This home is not registered yet: start the connector once, it shows a pairing code.");
            return 3;
        }
        try {
            PairingCode code =
                    new RelayApiClient(config.relayApiUrl()).pairingCode(home.instanceId(), home.instanceSecret());
            String until = DateTimeFormatter.ofPattern("HH:mm")
                    .withZone(ZoneId.systemDefault())
                    .format(Instant.ofEpochMilli(code.expiresAtMs()));
            System.out.println("Pairing code: " + code.code().substring(0, 4) + " "
                    + code.code().substring(4) + " (valid until " + until + ", once)");
            return 0;
        } catch (RelayApiException e) {
            System.err.println("The relay refused: " + e.getMessage());
            return 1;
        }
    }
}
