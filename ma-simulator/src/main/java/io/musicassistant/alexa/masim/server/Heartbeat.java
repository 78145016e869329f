package io.musicassistant.alexa.masim.server;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * aiohttp's {@code heartbeat=N}: a PING every N seconds; a client whose PONG has not arrived N/2
 * later is dropped without a close frame.
 */
final class Heartbeat implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "masim-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    Heartbeat(Duration interval, Supplier<Collection<ClientSession>> sessions) {
        long periodMillis = Math.max(1, interval.toMillis());
        long graceMillis = Math.max(1, periodMillis / 2);
        timer.scheduleAtFixedRate(
                () -> {
                    for (ClientSession session : sessions.get()) {
                        if (!session.isOpen()) {
                            continue;
                        }
                        session.ping();
                        timer.schedule(
                                () -> {
                                    if (session.isOpen() && session.pongOverdue()) {
                                        session.dropAbruptly("heartbeat timeout");
                                    }
                                },
                                graceMillis,
                                TimeUnit.MILLISECONDS);
                    }
                },
                periodMillis,
                periodMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
