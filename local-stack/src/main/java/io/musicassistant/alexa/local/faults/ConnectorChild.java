package io.musicassistant.alexa.local.faults;

import io.musicassistant.alexa.connector.ConnectorMain;
import java.io.IOException;

/**
 * The entry point of the connector as a child process of the local stack ({@code --faults}): the
 * production {@link ConnectorMain}, plus a watch on stdin — the stack holds the other end of that
 * pipe, so when the stack's JVM ends (even by SIGKILL) the connector stops with it instead of
 * polling the queue of a home nobody runs any more.
 */
public final class ConnectorChild {

    private ConnectorChild() {}

    public static void main(String[] args) throws InterruptedException {
        Thread watch = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            // nothing is ever sent; end of stream means the parent is gone
                        }
                    } catch (IOException ignored) {
                        // the same: the pipe is gone
                    }
                    System.exit(0);
                },
                "parent-watch");
        watch.setDaemon(true);
        watch.start();
        ConnectorMain.main(args);
    }
}
