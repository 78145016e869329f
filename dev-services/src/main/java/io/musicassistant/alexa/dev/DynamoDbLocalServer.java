package io.musicassistant.alexa.dev;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB Local as a real HTTP server on loopback, in memory. */
public final class DynamoDbLocalServer implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on {@code port}, or on a free port when it is 0. */
    public static DynamoDbLocalServer start(int port) {
        int chosen = port == 0 ? FreePort.find() : port;
        // DynamoDB Local prints its configuration banner to stdout; keep it out of demo transcripts.
        synchronized (System.class) {
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-port", Integer.toString(chosen), "-disableTelemetry"});
                server.start();
                return new DynamoDbLocalServer(server, chosen);
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start on port " + chosen, e);
            } finally {
                System.setOut(stdout);
            }
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the JVM is usually about to exit.
        }
    }
}
