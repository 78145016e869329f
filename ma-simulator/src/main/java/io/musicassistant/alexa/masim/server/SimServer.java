package io.musicassistant.alexa.masim.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.musicassistant.alexa.masim.api.CommandRegistry;
import io.musicassistant.alexa.masim.api.Services;
import io.musicassistant.alexa.masim.auth.Tokens;
import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.LibraryEditor;
import io.musicassistant.alexa.masim.models.ModelJson;
import io.musicassistant.alexa.masim.player.PlayerHub;
import io.musicassistant.alexa.masim.player.Playlog;
import io.musicassistant.alexa.masim.profile.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;

/**
 * Wires the network side together: the WebSocket endpoint, the HTTP routes, the dispatcher, the
 * event hub and the heartbeat. Everything is bound to 127.0.0.1.
 */
public final class SimServer implements AutoCloseable {

    /** Network and behaviour settings. */
    public record Config(
            int wsPort,
            int httpPort,
            Profile profile,
            Duration heartbeat,
            boolean setupRequired,
            Duration commandDelay) {}

    private final Config config;
    private final String serverId;
    private final ExecutorService executor;
    private final ModelJson json;
    private final EventHub events;
    private final Dispatcher dispatcher;
    private final WsServer ws;
    private final HttpFrontend http;
    private final Heartbeat heartbeat;
    private final StrandedWrites strandedWrites;
    private final String httpBaseUrl;
    private volatile String status = "running";

    private SimServer(
            Config config, LibraryEditor editor, PlayerHub players, Playlog playlog, Tokens tokens, String serverId)
            throws IOException {
        Library library = editor.library();
        this.config = config;
        this.serverId = serverId;
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("masim-handler-", 0).factory());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        HttpServer httpServer = HttpFrontend.bind(new InetSocketAddress(loopback, config.httpPort()));
        this.httpBaseUrl = "http://127.0.0.1:" + httpServer.getAddress().getPort();
        this.json = new ModelJson(config.profile(), library, httpBaseUrl);
        Services services = new Services(config.profile(), library, editor, players, playlog, json, this::serverInfo);
        CommandRegistry registry = CommandRegistry.create(services);
        this.dispatcher = new Dispatcher(
                config.profile(),
                registry,
                json,
                tokens,
                executor,
                config.commandDelay() == null ? Duration.ZERO : config.commandDelay());
        this.events = new EventHub(json);
        players.setListener(events);
        editor.setListener(events);
        this.http = new HttpFrontend(
                httpServer,
                executor,
                config.profile(),
                library,
                registry,
                dispatcher,
                tokens,
                this::serverInfo,
                config.setupRequired());
        this.ws = new WsServer(new InetSocketAddress(loopback, config.wsPort()), new Connections());
        this.heartbeat = new Heartbeat(config.heartbeat(), events::sessions);
        this.strandedWrites = new StrandedWrites(ws, events::sessions);
    }

    /** Starts both servers; returns once the WebSocket port is bound. */
    public static SimServer start(
            Config config, LibraryEditor editor, PlayerHub players, Playlog playlog, Tokens tokens, String serverId) {
        SimServer server;
        try {
            server = new SimServer(config, editor, players, playlog, tokens, serverId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the simulator's HTTP port", e);
        }
        server.ws.start();
        try {
            server.ws.started().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException | TimeoutException e) {
            server.close();
            throw new IllegalStateException("cannot start the simulator's WebSocket server", e);
        }
        return server;
    }

    public int wsPort() {
        return ws.getPort();
    }

    public String httpBaseUrl() {
        return httpBaseUrl;
    }

    public int httpPort() {
        return http.port();
    }

    ObjectNode serverInfo() {
        return json.serverInfo(serverId, status);
    }

    // ---------------------------------------------------------------- control

    /** Drops every client without a close frame, as when MA restarts or crashes. */
    public void disconnectAll() {
        for (ClientSession session : List.copyOf(events.sessions())) {
            session.dropAbruptly("simulated restart");
        }
    }

    /** MA's {@code disconnect_websockets_for_token}: the sockets that authenticated with it close. */
    public void disconnectToken(String tokenId) {
        for (ClientSession session : List.copyOf(events.sessions())) {
            if (tokenId.equals(session.tokenId())) {
                session.closeNormally();
            }
        }
    }

    /**
     * A stopped Music Assistant (fault injection): drops every client and refuses new connections
     * until called with false. The library, players and command record are kept.
     */
    public void setStopped(boolean stopped) {
        ws.setRefusing(stopped);
        if (stopped) {
            disconnectAll();
        }
    }

    public List<ReceivedCommand> receivedCommands() {
        return dispatcher.received();
    }

    public int connectedClients() {
        return (int) events.sessions().stream().filter(ClientSession::isOpen).count();
    }

    public List<String> commandLog() {
        return dispatcher.commandLog();
    }

    public int commandCount(String command) {
        return dispatcher.commandCount(command);
    }

    public void resetCounters() {
        dispatcher.resetCounters();
    }

    public void setCommandDelay(Duration delay) {
        dispatcher.setDelay(delay);
    }

    public void setCommandDelay(String command, Duration delay) {
        dispatcher.setDelay(command, delay);
    }

    /** Announces the shutdown like MA ({@code core_state_updated}, status "stopping"), then stops. */
    @Override
    public void close() {
        status = "stopping";
        events.broadcast("core_state_updated", null, serverInfo(), false);
        heartbeat.close();
        strandedWrites.close();
        try {
            ws.stop(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        executor.shutdownNow();
    }

    /** Connection callbacks from the WebSocket server. */
    private final class Connections implements WsServer.Events {

        @Override
        public void opened(WebSocket socket) {
            ClientSession session = new ClientSession(socket);
            socket.setAttachment(session);
            events.add(session);
            session.send(serverInfo().toString());
            if (config.setupRequired()) {
                ObjectNode error = JsonNodeFactory.instance.objectNode();
                error.put("message_id", "connection");
                error.put("error_code", ErrorCode.SETUP_REQUIRED);
                error.put(
                        "details",
                        config.profile().genericErrorDetails()
                                ? ErrorCode.genericDetails(ErrorCode.SETUP_REQUIRED)
                                : "Setup required");
                session.send(error.toString());
                session.closeNormally();
            }
        }

        @Override
        public void closed(WebSocket socket) {
            ClientSession session = socket.getAttachment();
            if (session != null) {
                events.remove(session);
            }
        }

        @Override
        public void text(WebSocket socket, String text) {
            ClientSession session = socket.getAttachment();
            if (session != null) {
                dispatcher.onText(session, text);
            }
        }

        @Override
        public void pong(WebSocket socket) {
            ClientSession session = socket.getAttachment();
            if (session != null) {
                session.pongReceived();
            }
        }
    }
}
