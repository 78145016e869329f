package io.musicassistant.alexa.masim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal MA client over the JDK's WebSocket, for the conformance tests: it keeps every frame,
 * lets a test wait for the frame it expects, and reports how the connection ended.
 */
final class WsTestClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Inbox<JsonNode> inbox = new Inbox<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final WebSocket socket;

    private WsTestClient(String url) {
        try {
            socket = HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create(url), new Listener())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        }
    }

    static WsTestClient connect(String url) {
        return new WsTestClient(url);
    }

    /** Connects, checks the server-info frame arrives first, and authenticates. */
    static WsTestClient authenticated(MaSimulator simulator, String token) {
        WsTestClient client = connect(simulator.wsUrl());
        JsonNode info = client.nextFrame();
        assertEquals(simulator.serverId(), info.path("server_id").asText(), "first frame is server info");
        JsonNode reply = client.call("auth", args("token", token));
        assertEquals(true, reply.path("result").path("authenticated").asBoolean(), () -> "auth failed: " + reply);
        return client;
    }

    static ObjectNode args(Object... keysAndValues) {
        ObjectNode args = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return args;
    }

    /** Sends a command and returns its message id. */
    String send(String command, ObjectNode args) {
        String id = "m" + nextId.getAndIncrement();
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", id);
        message.put("command", command);
        if (args != null) {
            message.set("args", args);
        }
        sendRaw(message.toString());
        return id;
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
    }

    /** Sends a command and waits for its (final) reply frame. */
    JsonNode call(String command, ObjectNode args) {
        return reply(send(command, args));
    }

    JsonNode reply(String messageId) {
        return awaitFrame(f -> messageId.equals(f.path("message_id").asText(null)));
    }

    /** Every frame of one reply: partial chunks up to the final frame. */
    List<JsonNode> replyFrames(String messageId) {
        List<JsonNode> frames = new ArrayList<>();
        while (true) {
            JsonNode frame = reply(messageId);
            frames.add(frame);
            if (!frame.path("partial").asBoolean(false)) {
                return frames;
            }
        }
    }

    JsonNode awaitEvent(String event, String objectId) {
        return awaitFrame(f -> event.equals(f.path("event").asText(null))
                && (objectId == null || objectId.equals(f.path("object_id").asText(null))));
    }

    /** The next frame in arrival order (stashed frames first). */
    JsonNode nextFrame() {
        return awaitFrame(f -> true);
    }

    JsonNode awaitFrame(Predicate<JsonNode> match) {
        return inbox.await("matching frame", match, WAIT);
    }

    /** All frames received so far that no wait has consumed. */
    List<JsonNode> drain() {
        return inbox.drain();
    }

    /** Completes with "close <code>" or "error <exception>" when the connection ends. */
    CompletableFuture<String> closed() {
        return closed;
    }

    boolean awaitClosed(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    inbox.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete("close " + statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
