package io.musicassistant.alexa.connector.ma;

import io.musicassistant.alexa.log.JsonLog;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches {@link MaClient}'s current connection for signs of life, because the JDK does not always
 * report one the server dropped (docs/decisions.md, issue 12): a quiet connection is pinged, one that
 * answers nothing in time is given up, and a healthy idle one still gets a ping now and then so that
 * MA does not drop it in turn.
 */
final class LivenessWatch {

    private static final JsonLog LOG = JsonLog.get(MaClient.class);

    static final Duration PING_EVERY = Duration.ofSeconds(55);
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(90);

    private final MaClient.Liveness liveness;
    private final Supplier<WebSocket> socket;
    private final Consumer<WebSocket> ping;
    private final BiConsumer<WebSocket, String> giveUp;

    private volatile long lastInboundNanos = System.nanoTime();
    /** When the unanswered ping asking for a sign of life left; 0 when none is out. */
    private volatile long probeSentNanos;

    LivenessWatch(
            MaClient.Liveness liveness,
            Supplier<WebSocket> socket,
            Consumer<WebSocket> ping,
            BiConsumer<WebSocket, String> giveUp) {
        this.liveness = liveness;
        this.socket = socket;
        this.ping = ping;
        this.giveUp = giveUp;
    }

    /** A new connection starts with a clean slate: its opening counts as a sign of life. */
    void restart() {
        probeSentNanos = 0;
        lastInboundNanos = System.nanoTime();
    }

    /** Any frame, ping or pong is a sign of life. */
    void heard() {
        lastInboundNanos = System.nanoTime();
        probeSentNanos = 0;
    }

    /** Asks the server for a sign of life; any frame that arrives next counts as one. */
    void probe() {
        WebSocket ws = socket.get();
        if (ws != null && probeSentNanos == 0) {
            probeSentNanos = System.nanoTime();
            ping.accept(ws);
        }
    }

    void run(BooleanSupplier closed) {
        long lastPing = System.nanoTime();
        while (!closed.getAsBoolean()) {
            MaClient.sleep(liveness.tick());
            WebSocket ws = socket.get();
            if (ws == null) {
                continue;
            }
            long now = System.nanoTime();
            long probe = probeSentNanos;
            if (now - lastInboundNanos > SILENCE_LIMIT.toNanos()) {
                LOG.warn("ma.silent", "seconds", SILENCE_LIMIT.toSeconds());
                giveUp.accept(ws, "no traffic for " + SILENCE_LIMIT.toSeconds() + " s");
            } else if (probe != 0
                    && lastInboundNanos - probe < 0
                    && now - probe > liveness.pongWait().toNanos()) {
                LOG.warn("ma.no_pong", "millis", liveness.pongWait().toMillis());
                giveUp.accept(
                        ws, "no answer to a ping for " + liveness.pongWait().toMillis() + " ms");
            } else if (probe == 0
                    && now - lastInboundNanos > liveness.probeAfter().toNanos()) {
                probe();
            } else if (now - lastPing > PING_EVERY.toNanos()) {
                lastPing = now;
                ping.accept(ws);
            }
        }
    }
}
