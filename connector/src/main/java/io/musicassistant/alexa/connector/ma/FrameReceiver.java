package io.musicassistant.alexa.connector.ma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Receives the frames of one connection; text may arrive in fragments. Always requests the next
 * frame at once. It completes only its own connection's futures, so a late callback of an old
 * socket cannot end a newer connection.
 */
final class FrameReceiver implements WebSocket.Listener {

    private static final JsonLog LOG = JsonLog.get(MaClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder buffer = new StringBuilder();
    private final CompletableFuture<JsonNode> first;
    private final CompletableFuture<String> done;
    private final Runnable heard;
    private final Consumer<JsonNode> frames;

    /**
     * @param first completed by the connection's first frame (the server info)
     * @param done completed with the reason when the connection ends
     * @param heard told of every frame, the proof of life the client's liveness watch needs
     * @param frames every later frame: results and events
     */
    FrameReceiver(
            CompletableFuture<JsonNode> first,
            CompletableFuture<String> done,
            Runnable heard,
            Consumer<JsonNode> frames) {
        this.first = first;
        this.done = done;
        this.heard = heard;
        this.frames = frames;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        heard.run();
        buffer.append(data);
        if (last) {
            String text = buffer.toString();
            buffer.setLength(0);
            try {
                JsonNode frame = JSON.readTree(text);
                if (!first.isDone()) {
                    first.complete(frame);
                } else {
                    frames.accept(frame);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("ma.bad_frame", e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        heard.run();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        // The JDK answers pings with pongs itself; a ping is still proof the server is alive.
        heard.run();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        heard.run();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        finish("closed by server (" + statusCode + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        finish("socket error: " + error.getClass().getSimpleName());
    }

    private void finish(String reason) {
        first.completeExceptionally(new MaUnavailableException(reason));
        done.complete(reason);
    }
}
