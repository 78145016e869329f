package io.musicassistant.alexa.connector;

import io.musicassistant.alexa.log.JsonLog;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar ma-alexa-connector.jar}: runs the connector until stopped (SIGTERM from Docker or HA). */
public final class ConnectorMain {

    private static final JsonLog LOG = JsonLog.get(ConnectorMain.class);

    private ConnectorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConnectorConfig config;
        try {
            config = ConnectorConfig.load(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.err.println("Set MA_URL, MA_TOKEN and (for a private deployment) RELAY_API_URL; see connector/README.md.");
            System.exit(2);
            return;
        }
        LOG.info("connector.starting", "version", Connector.VERSION, "config", config.toString());
        Connector connector = Connector.start(config, message -> System.out.println("\n*** " + message + "\n"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            connector.close();
            stopped.countDown();
        }, "connector-stop"));
        stopped.await();
    }
}
