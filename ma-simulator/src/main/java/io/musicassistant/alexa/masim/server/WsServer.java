package io.musicassistant.alexa.masim.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * The WebSocket endpoint. Only {@code /ws} upgrades (MA's only WS route); anything else is
 * refused during the handshake, which Java-WebSocket answers with an HTTP 404.
 */
final class WsServer extends WebSocketServer {

    /** aiohttp's default {@code max_msg_size}: 4 MiB for incoming frames. */
    private static final int MAX_INCOMING = 4 * 1024 * 1024;

    /** What the server does with connections; implemented by {@link SimServer}. */
    interface Events {
        void opened(WebSocket socket);

        void closed(WebSocket socket);

        void text(WebSocket socket, String text);

        void pong(WebSocket socket);
    }

    private final Events events;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    /** A stopped MA (fault injection): every handshake is refused, as a server that is not there. */
    private volatile boolean refusing;

    WsServer(InetSocketAddress address, Events events) {
        super(address, decoders(), List.<Draft>of(draft()));
        this.events = events;
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
        // our own heartbeat implements MA's ping/pong timing instead of the library's
        setConnectionLostTimeout(0);
    }

    private static Draft draft() {
        // aiohttp negotiates permessage-deflate when a client asks for it (the official client does)
        List<IProtocol> protocols = List.of(new Protocol(""));
        return new Draft_6455(List.of(new PerMessageDeflateExtension()), protocols, MAX_INCOMING);
    }

    private static int decoders() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    void setRefusing(boolean value) {
        refusing = value;
    }

    CompletableFuture<Void> started() {
        return started;
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
            WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
        String resource = request.getResourceDescriptor();
        int query = resource.indexOf('?');
        String path = query < 0 ? resource : resource.substring(0, query);
        if (refusing) {
            throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "Service Unavailable");
        }
        if (!path.equals("/ws")) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Not Found");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        events.opened(conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        events.closed(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        events.text(conn, message);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        // MA: "if msg.type != WSMsgType.TEXT: continue"
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
        events.pong(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            started.completeExceptionally(ex); // e.g. the port is taken
        }
    }

    @Override
    public void onStart() {
        started.complete(null);
    }
}
