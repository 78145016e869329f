package io.musicassistant.alexa.masim;

import static io.musicassistant.alexa.masim.WsTestClient.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Every answer arrives while nothing else is sent: a volume change makes the server send two events
 * and the answer back to back from a handler thread while its selector thread writes the first,
 * and the client sends nothing more until the answer is in, so an answer the server queued but
 * never wrote would stay lost until the next heartbeat ping (25 s) — the shape of Java-WebSocket's
 * lost write wake-up ({@code StrandedWrites}, docs/decisions.md, issue 12). Several simulators, one
 * client each, so that no other client's traffic flushes a stuck frame by accident; busy threads
 * preempt the server's threads at random points as a loaded machine does. Prints the figures;
 * {@code -Dmasim.stress.calls=N} and {@code -Dmasim.stress.busy=N} scale it.
 */
class WsDeliveryStressTest {

    private static final String LIVING_ROOM = "3f7b2c9e-8a41-4c1d-9b0e-6d2f5a8c1e47";
    private static final int SIMULATORS = 3;
    private static final int CALLS = Integer.getInteger("masim.stress.calls", 1500);
    private static final int BUSY_THREADS = Integer.getInteger("masim.stress.busy", 2);
    private static final AtomicLong blackhole = new AtomicLong();

    @Test
    void noAnswerIsLostUnderSustainedCommandsAndEvents() throws Exception {
        List<MaSimulator> simulators = new ArrayList<>();
        List<CompletableFuture<String>> runs = new ArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        List<String> lost = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        // Busy threads make the OS preempt the server's threads at random points, the way a loaded
        // machine does; a race with a window of a few instructions then shows in seconds, not hours.
        AtomicBoolean done = new AtomicBoolean();
        for (int i = 0; i < BUSY_THREADS; i++) {
            Thread.ofPlatform().daemon().name("stress-busy").start(() -> {
                long spin = 0;
                while (!done.get()) {
                    spin++;
                }
                blackhole.addAndGet(spin);
            });
        }
        try {
            for (int s = 0; s < SIMULATORS; s++) {
                MaSimulator ma = MaSimulator.start(MaSimulator.Options.defaults());
                simulators.add(ma);
                runs.add(CompletableFuture.supplyAsync(
                        () -> run(ma, answered, lost),
                        r -> Thread.ofPlatform().name("stress-client").start(r)));
            }
            for (CompletableFuture<String> run : runs) {
                run.get(10, TimeUnit.MINUTES);
            }
        } finally {
            done.set(true);
            simulators.forEach(MaSimulator::close);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf(
                "ws-delivery-stress: %d commands, %d answered, %d lost (no answer within %d s), %d ms%n",
                SIMULATORS * CALLS, answered.get(), lost.size(), WsTestClient.WAIT.toSeconds(), millis);
        assertEquals(List.of(), lost, "answers lost of " + SIMULATORS * CALLS + " commands");
    }

    /** One client's commands, each sent after the previous answer arrived; returns when done. */
    private static String run(MaSimulator ma, AtomicInteger answered, List<String> lost) {
        try (WsTestClient client = WsTestClient.authenticated(ma, ma.userToken())) {
            for (int i = 0; i < CALLS; i++) {
                // a different level each time, so that every command changes the player and sends events
                try {
                    client.call("players/cmd/volume_set", args("player_id", LIVING_ROOM, "volume_level", 10 + i % 2));
                    answered.incrementAndGet();
                } catch (AssertionFailedError noAnswerInTime) {
                    lost.add("command " + i + " on " + ma.wsUrl());
                }
                client.drain(); // the events, which nobody waits for
            }
            return "done";
        }
    }
}
