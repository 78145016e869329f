package io.musicassistant.alexa.masim.server;

import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.server.WebSocketServer;

/**
 * Works around a lost wake-up in Java-WebSocket's server (1.6.0, still so upstream): its selector
 * thread writes a connection's queued frames, sees the queue empty, and then clears the write
 * interest ({@code doWrite}: {@code batch(…)} then {@code interestOps(OP_READ)}). A frame that
 * another thread queues in between — after the selector's last look at the queue, before the
 * clear — has its write interest set and then cleared again, and stays unsent until the next frame
 * for that client asks for writing. MA's answers and events are sent from handler threads while
 * the selector writes the previous frame, so about 1 answer in 1,000–3,000 waited for the next
 * frame or the next heartbeat ping (25 s): the connector's 4 s timeouts and the lost frames of
 * ProtocolConformanceTest (issue 12). The methods involved are private or final, so instead of
 * patching the library this looks at every connection a few times per {@link #EVERY}: a frame
 * that heads the queue on two looks in a row while the selector does not watch for writing is
 * stranded, and its write interest is set again. A stuck frame is then late by at most two
 * periods, never lost.
 */
final class StrandedWrites implements AutoCloseable {

    static final Duration EVERY = Duration.ofMillis(5);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "masim-stranded-writes");
        thread.setDaemon(true);
        return thread;
    });
    private final WebSocketServer server;
    private final Supplier<Collection<ClientSession>> sessions;
    private final AtomicLong rescued = new AtomicLong();
    /** The head of each connection's queue on the previous look, when nothing was writing it. Timer thread only. */
    private Map<WebSocketImpl, ByteBuffer> suspects = new IdentityHashMap<>();

    StrandedWrites(WebSocketServer server, Supplier<Collection<ClientSession>> sessions) {
        this.server = server;
        this.sessions = sessions;
        timer.scheduleWithFixedDelay(this::look, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Frames found stranded and sent on so far. */
    long rescued() {
        return rescued.get();
    }

    private void look() {
        Map<WebSocketImpl, ByteBuffer> seen = new IdentityHashMap<>();
        for (ClientSession session : sessions.get()) {
            if (!(session.socket() instanceof WebSocketImpl impl)) {
                continue;
            }
            ByteBuffer head = impl.outQueue.peek();
            if (head == null || writeWatched(impl)) {
                continue;
            }
            // A sender between queueing its frame and asking for writing looks the same for a moment.
            if (suspects.get(impl) == head) {
                rescued.incrementAndGet();
                server.onWriteDemand(impl);
            } else {
                seen.put(impl, head);
            }
        }
        suspects = seen;
    }

    private static boolean writeWatched(WebSocketImpl impl) {
        SelectionKey key = impl.getSelectionKey();
        try {
            // an invalid key: the connection is gone, and so are its frames
            return key == null || !key.isValid() || (key.interestOps() & SelectionKey.OP_WRITE) != 0;
        } catch (CancelledKeyException closedMeanwhile) {
            return true;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
