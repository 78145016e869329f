package io.musicassistant.alexa.dev;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ, an SQS-compatible server, on loopback, in memory. */
public final class ElasticMqServer implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";

    private final SQSRestServer server;
    private final int port;

    private ElasticMqServer(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on {@code port}, or on a free port when it is 0. */
    public static ElasticMqServer start(int port) {
        int chosen = port == 0 ? FreePort.find() : port;
        // Queue URLs are built from the server address, so it must name the port actually bound.
        SQSRestServer server = SQSRestServerBuilder.withPort(chosen)
                .withInterface("127.0.0.1")
                .withServerAddress(new NodeAddress("http", "127.0.0.1", chosen, ""))
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        server.waitUntilStarted();
        return new ElasticMqServer(server, chosen);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
