package io.musicassistant.alexa.masim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocketImpl;
import org.junit.jupiter.api.Test;

/**
 * The state Java-WebSocket's lost write wake-up leaves behind — a frame in a connection's queue
 * while the selector no longer watches it for writing — is built here directly, because the race
 * that makes it (a few instructions wide) cannot be timed from a test: the frame must still arrive.
 */
class StrandedWritesTest {

    @Test
    void aFrameLeftQueuedWithoutWriteInterestIsSentAnyway() throws Exception {
        Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
        CompletableFuture<ClientSession> opened = new CompletableFuture<>();
        WsServer server =
                new WsServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new WsServer.Events() {
                    @Override
                    public void opened(org.java_websocket.WebSocket socket) {
                        ClientSession session = new ClientSession(socket);
                        sessions.add(session);
                        opened.complete(session);
                    }

                    @Override
                    public void closed(org.java_websocket.WebSocket socket) {}

                    @Override
                    public void text(org.java_websocket.WebSocket socket, String text) {}

                    @Override
                    public void pong(org.java_websocket.WebSocket socket) {}
                });
        server.start();
        server.started().get(10, TimeUnit.SECONDS);
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        StrandedWrites rescue = new StrandedWrites(server, () -> (Collection<ClientSession>) sessions);
        HttpClient http = HttpClient.newHttpClient();
        try {
            http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            received.add(data.toString());
                            webSocket.request(1);
                            return null;
                        }
                    })
                    .get(10, TimeUnit.SECONDS);
            WebSocketImpl impl =
                    (WebSocketImpl) opened.get(10, TimeUnit.SECONDS).socket();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(impl.outQueue.isEmpty() && (impl.getSelectionKey().interestOps() & SelectionKey.OP_WRITE) == 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10); // the handshake's answer is still being written
            }

            // what the race leaves: queued after the selector's last look, write interest cleared
            List<ByteBuffer> frame = impl.getDraft().createFrames("stranded", false).stream()
                    .map(f -> impl.getDraft().createBinaryFrame(f))
                    .toList();
            impl.outQueue.addAll(frame);

            assertEquals("stranded", received.poll(5, TimeUnit.SECONDS), "the stranded frame arrived");
            // the server removes a buffer from its queue only after writing it: the client may read it first
            long emptied = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!impl.outQueue.isEmpty() && System.nanoTime() < emptied) {
                Thread.sleep(5);
            }
            assertTrue(impl.outQueue.isEmpty(), "nothing left queued");
        } finally {
            rescue.close();
            http.shutdownNow(); // close() would wait for the open WebSocket
            server.stop(500);
        }
    }
}
