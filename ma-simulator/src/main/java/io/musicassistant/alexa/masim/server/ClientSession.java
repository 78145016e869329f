package io.musicassistant.alexa.masim.server;

import io.musicassistant.alexa.masim.auth.User;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;

/**
 * One WebSocket client: who it authenticated as and its heartbeat bookkeeping. Sending is
 * non-blocking; a client that stops reading is dropped once too many messages wait for it, as MA
 * does with its 512-message queue.
 */
final class ClientSession {

    /** MA's {@code MAX_PENDING_MSG}. */
    static final int MAX_PENDING = 512;

    private final WebSocket socket;
    private volatile User user;
    private volatile String tokenId;
    private volatile long lastPingNanos;
    private volatile long lastPongNanos = System.nanoTime();

    ClientSession(WebSocket socket) {
        this.socket = socket;
    }

    WebSocket socket() {
        return socket;
    }

    User user() {
        return user;
    }

    String tokenId() {
        return tokenId;
    }

    void authenticate(User authenticatedUser, String authenticatedTokenId) {
        this.tokenId = authenticatedTokenId;
        this.user = authenticatedUser;
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    /**
     * Queues a text frame. Java-WebSocket keeps one buffer per unsent frame in {@code outQueue},
     * which stands in for MA's pending-message queue. Synchronized because handlers and events
     * send from many threads and the permessage-deflate encoder is not thread-safe.
     */
    synchronized void send(String text) {
        if (!socket.isOpen()) {
            return;
        }
        if (socket instanceof WebSocketImpl impl && impl.outQueue.size() >= MAX_PENDING) {
            dropAbruptly("Client exceeded max pending messages: " + MAX_PENDING);
            return;
        }
        try {
            socket.send(text);
        } catch (WebsocketNotConnectedException closedMeanwhile) {
            // the client went away between the check and the send; nothing to deliver to
        }
    }

    /** A normal close (close frame, code 1000), as MA's {@code wsock.close()}. */
    void closeNormally() {
        socket.close(CloseFrame.NORMAL);
    }

    /** Drops the TCP connection without a close frame (crash, restart, missed heartbeat). */
    void dropAbruptly(String reason) {
        if (socket instanceof WebSocketImpl impl) {
            impl.closeConnection(CloseFrame.ABNORMAL_CLOSE, reason);
        } else {
            socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, reason);
        }
    }

    void ping() {
        lastPingNanos = System.nanoTime();
        try {
            socket.sendPing();
        } catch (WebsocketNotConnectedException closedMeanwhile) {
            // nothing to ping any more
        }
    }

    void pongReceived() {
        lastPongNanos = System.nanoTime();
    }

    /** True when the last ping has not been answered. */
    boolean pongOverdue() {
        return lastPongNanos - lastPingNanos < 0;
    }
}
