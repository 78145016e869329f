package io.musicassistant.alexa.masim.slimproto;

import io.musicassistant.alexa.masim.net.BoundedLog;
import io.musicassistant.alexa.masim.net.TcpListener;
import io.musicassistant.alexa.masim.player.PlayerHub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Slimproto control server MA's squeezelite provider runs (aioslimproto {@code SlimServer},
 * server.py @8847b791; TCP 3483 in MA): players connect, say HELO and become MA players, and MA
 * plays queue items to them by {@code strm} commands that point at the stream server.
 *
 * <p>Stricter than aioslimproto in one respect: every complete packet in the buffer is handled
 * (aioslimproto handles at most one per 64-byte read). UDP discovery and the CLI ports are not
 * simulated.
 */
public final class SlimprotoServer implements AutoCloseable {

    /** Power and volume MA caches per player and restores when it reconnects. */
    record Remembered(boolean powered, int volume) {}

    private final PlayerHub hub;
    private final Duration heartbeat;
    private final Supplier<String> streamBaseUrl;
    private final Map<String, SlimClient> players = new ConcurrentHashMap<>();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Map<String, BoundedLog> logs = new ConcurrentHashMap<>();
    private volatile boolean explicitServerIp;
    private TcpListener listener;

    private SlimprotoServer(PlayerHub hub, Duration heartbeat, Supplier<String> streamBaseUrl) {
        this.hub = hub;
        this.heartbeat = heartbeat;
        this.streamBaseUrl = streamBaseUrl;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 = any free port) and accepts players.
     *
     * @param heartbeat how often {@code strm t} goes out; a client silent for twice this long is
     *     dropped (aioslimproto: 5 s and 10 s)
     * @param streamBaseUrl the stream server's base URL, put into every {@code strm s}
     */
    public static SlimprotoServer start(int port, Duration heartbeat, PlayerHub hub, Supplier<String> streamBaseUrl) {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive");
        }
        SlimprotoServer slimproto = new SlimprotoServer(hub, heartbeat, streamBaseUrl);
        slimproto.listener = TcpListener.start(
                "slimproto", port, 50, socket -> new SlimClient(slimproto, hub, socket, heartbeat).readLoop());
        return slimproto;
    }

    public int port() {
        return listener.port();
    }

    /** MACs (player ids) of the connected players that said HELO, in no particular order. */
    public List<String> clients() {
        return players.values().stream()
                .filter(SlimClient::connected)
                .map(SlimClient::playerId)
                .sorted()
                .toList();
    }

    /** Closes a player's socket with a reset, as MA does when it drops a player; false if not connected. */
    public boolean drop(String playerId) {
        SlimClient client = players.get(playerId);
        if (client == null) {
            return false;
        }
        client.dropAbruptly();
        return true;
    }

    /**
     * What happened on a player's connections, oldest first: frames received ("HELO device 7
     * (receiver)", "STAT STMc", "RESP", "SETD 0", …) and why a connection ended; the last {@link BoundedLog#CAPACITY} of them.
     */
    public List<String> log(String playerId) {
        BoundedLog log = logs.get(playerId);
        return log == null ? List.of() : log.entries();
    }

    /**
     * Whether {@code strm s} names the stream server's address (127.0.0.1), as aioslimproto does
     * with the resolved host of the URL, instead of 0 ("the control connection's host").
     */
    public void setExplicitServerIp(boolean value) {
        this.explicitServerIp = value;
    }

    @Override
    public void close() {
        listener.close();
    }

    // ---------------------------------------------------------------- for the clients

    boolean explicitServerIp() {
        return explicitServerIp;
    }

    String streamBaseUrl() {
        return streamBaseUrl.get();
    }

    /** server.py's PLAYER_CONNECTED guard: a MAC whose client is still connected refuses the newcomer. */
    synchronized boolean claim(String playerId, SlimClient client) {
        SlimClient existing = players.get(playerId);
        if (existing != null && existing != client && existing.connected()) {
            return false;
        }
        if (existing != null && existing != client) {
            existing.closeSocket(); // reconnected before the old socket was cleaned up
        }
        players.put(playerId, client);
        return true;
    }

    synchronized void release(String playerId, SlimClient client) {
        players.remove(playerId, client);
    }

    Remembered remembered(String playerId) {
        return remembered.get(playerId);
    }

    void remember(String playerId, boolean powered, int volume) {
        remembered.put(playerId, new Remembered(powered, volume));
    }

    void log(String playerId, String entry) {
        logs.computeIfAbsent(playerId == null ? "" : playerId, id -> new BoundedLog())
                .add(entry);
    }
}
