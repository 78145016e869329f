package io.musicassistant.alexa.connector.slimproto;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.audio.Acquisition;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.ma.MaException;
import io.musicassistant.alexa.connector.platform.Digests;
import io.musicassistant.alexa.log.JsonLog;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The connector's pool of virtual Slimproto players. To get an item's audio, a free player asks
 * Music Assistant to play it ({@code player_queues/play_media}, replacing its queue), takes the
 * {@code /single/…} stream MA then hands it, and passes the bytes on as they arrive, at whatever
 * pace MA sends them. When the item has arrived the player reports that playback ended, so it
 * shows as playing in MA's UI only while it receives audio.
 *
 * <p>Players are named "Alexa stream N", asked to be hidden in MA's UI and to receive MP3 (Echo
 * devices do not play MA's default FLAC); their MACs start with {@link #MAC_PREFIX}, which is how
 * the rest of the connector keeps them away from Alexa's device list.
 */
public final class VirtualPlayers implements Acquisition.Renderer, AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(VirtualPlayers.class);
    /** Locally administered, "MA" in ASCII. */
    public static final String MAC_PREFIX = "02:4d:41:";

    private static final Duration CALL = Duration.ofSeconds(10);
    private static final Duration STREAM_START = Duration.ofSeconds(15);
    private static final Duration FREE_PLAYER_PATIENCE = Duration.ofSeconds(30);
    private static final Duration READ_STALL = Duration.ofSeconds(30);
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final MaClient ma;
    private final List<Player> players = new ArrayList<>();
    private final BlockingQueue<Player> free = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    public VirtualPlayers(MaClient ma, String maHost, int slimprotoPort, String instanceId, int count) {
        this.ma = ma;
        String home = homeBytes(instanceId);
        for (int i = 1; i <= count; i++) {
            Player player = new Player(new SlimprotoClient(
                    maHost,
                    slimprotoPort,
                    MAC_PREFIX + home + String.format(Locale.ROOT, ":%02x", i),
                    "Alexa stream " + i));
            players.add(player);
            free.add(player);
        }
    }

    /** Connects every player and keeps reconnecting them while the connector runs. */
    public void start() {
        players.forEach(
                p -> Thread.ofVirtual().name("virtual-player-" + p.client.mac()).start(p::keepConnected));
    }

    /** Whether a Music Assistant player (as {@code players/all} lists it) is one of the connector's own. */
    public static boolean isVirtual(JsonNode player) {
        if (player.path("player_id").asText("").startsWith(MAC_PREFIX)) {
            return true;
        }
        for (JsonNode protocol : player.path("output_protocols")) {
            if (protocol.path("output_protocol_id").asText("").startsWith(MAC_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int capacity() {
        return players.size();
    }

    /** How many players are connected to Music Assistant now. */
    public long connectedPlayers() {
        return players.stream().filter(p -> p.client.connected()).count();
    }

    @Override
    public void render(String uri, Acquisition.Sink sink) throws IOException, InterruptedException {
        Player player = free.poll(FREE_PLAYER_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (player == null) {
            throw new IOException("every virtual player stayed busy for " + FREE_PLAYER_PATIENCE.toSeconds() + " s");
        }
        try {
            player.render(uri, sink);
        } finally {
            free.add(player);
        }
    }

    @Override
    public void close() {
        closed = true;
        players.forEach(p -> p.client.close());
    }

    /** One virtual player: its Slimproto connection and its id in Music Assistant. */
    private final class Player {
        final SlimprotoClient client;
        volatile String maId;
        volatile long configuredGeneration = -1;
        private final Object reconnected = new Object();

        Player(SlimprotoClient client) {
            this.client = client;
        }

        void keepConnected() {
            long prepared = -1;
            boolean again = false;
            int failures = 0;
            while (!closed) {
                if (!client.connected()) {
                    try {
                        client.connect(again);
                        again = true;
                        failures = 0;
                        LOG.info("virtual_player.connected", "mac", client.mac());
                        synchronized (reconnected) {
                            reconnected.notifyAll();
                        }
                    } catch (IOException e) {
                        // The first failure of a streak is worth a warning (MA's Squeezelite provider off or
                        // SLIMPROTO_PORT wrong: Echo playback cannot work); the retries are not.
                        if (++failures == 1) {
                            LOG.warn(
                                    "virtual_player.connect_failed",
                                    "mac",
                                    client.mac(),
                                    "error",
                                    e.getMessage(),
                                    "hint",
                                    "enable the Squeezelite provider in Music Assistant and check SLIMPROTO_PORT");
                        } else {
                            LOG.debug("virtual_player.connect_failed", "mac", client.mac(), "error", e.getMessage());
                        }
                    }
                }
                if (client.connected() && prepared != client.generation() && ma.connected()) {
                    // Set the player up now rather than at the first listener's request.
                    try {
                        prepared = client.generation();
                        prepare();
                    } catch (IOException e) {
                        LOG.debug("virtual_player.prepare_failed", "mac", client.mac(), "error", e.getMessage());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                try {
                    // jittered like MA's own reconnects, so that the players do not knock in lockstep
                    Thread.sleep(
                            client.connected() || failures == 0 ? Duration.ofMillis(500) : MaClient.backoff(failures));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void render(String uri, Acquisition.Sink sink) throws IOException, InterruptedException {
            awaitConnected();
            String id = prepare();
            long generation = client.generation();
            AtomicBoolean stopped = new AtomicBoolean();
            AtomicBoolean streaming = new AtomicBoolean();
            AtomicReference<Socket> connection = new AtomicReference<>();
            var future = client.expectStream(() -> {
                if (streaming.get()) {
                    // MA stopped this player or dropped it: the audio that follows is not the whole item.
                    stopped.set(true);
                    closeQuietly(connection.get());
                }
            });
            StreamStart start;
            try {
                ma.call(
                        "player_queues/play_media",
                        Map.of("queue_id", id, "media", List.of(uri), "option", "replace"),
                        CALL);
                start = client.awaitStream(future, STREAM_START);
            } catch (RuntimeException | IOException | InterruptedException e) {
                // MA may still start this item later: it must not be taken for the next one, nor left playing.
                client.disarm(future);
                ma.send("player_queues/stop", Map.of("queue_id", id));
                if (e instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                throw e instanceof IOException io
                        ? io
                        : new IOException(
                                "Music Assistant would not play " + uri + " to " + client.mac() + ": " + e.getMessage(),
                                e);
            }
            streaming.set(true);
            boolean whole = false;
            try {
                if (!start.mp3OrAac()) {
                    throw new IOException("Music Assistant sends format '" + start.format() + "' to " + client.mac()
                            + "; Echo devices need MP3: set the player's output codec to MP3 in Music Assistant");
                }
                long received = fetch(start, sink, connection);
                if (received >= 0 && (stopped.get() || client.generation() != generation || !client.connected())) {
                    throw new IOException("Music Assistant stopped the stream before its end");
                }
                whole = received >= 0;
                streaming.set(false); // MA's reaction to the end (a stop, a power-off) is not a cut
                if (whole) {
                    client.stat("STMd", received); // decoder has all of it
                    client.stat("STMu", received); // and playback ended: MA sets the player idle
                }
            } finally {
                streaming.set(false);
                if (!whole) {
                    // Cut short (listener gone, error): stop MA's side so the player does not stay "playing".
                    ma.send("player_queues/stop", Map.of("queue_id", id));
                }
            }
        }

        /** Fetches the stream MA named; the bytes received if it ended by itself, −1 if the sink declined more. */
        private long fetch(StreamStart start, Acquisition.Sink sink, AtomicReference<Socket> connection)
                throws IOException {
            long received = 0;
            try (Socket http = new Socket()) {
                connection.set(http);
                http.connect(new InetSocketAddress(start.host(client.host()), start.serverPort()), 5000);
                http.setSoTimeout((int) READ_STALL.toMillis());
                client.stat("STMc", 0);
                OutputStream out = http.getOutputStream();
                out.write(start.request().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                // Buffered: the headers are read byte by byte to find their end, the body in chunks after them.
                InputStream in = new BufferedInputStream(http.getInputStream(), CHUNK);
                String headers = readHeaders(in);
                client.responseHeaders(headers);
                int status = status(headers);
                if (status != 200) {
                    throw new IOException("Music Assistant's stream answered HTTP " + status + " for " + start.path());
                }
                sink.begin(
                        header(headers, "content-type", "audio/mpeg"), length(header(headers, "content-length", "-1")));
                byte[] buffer = new byte[CHUNK];
                boolean loaded = false;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    received += n;
                    if (!sink.accept(ByteBuffer.wrap(buffer, 0, n))) {
                        client.stat("STMf", received);
                        return -1;
                    }
                    if (!loaded && received >= CHUNK) {
                        loaded = true;
                        client.stat("STMt", received);
                        client.stat(
                                "STMl", received); // buffer ready: MA answers "strm u" and counts the item as playing
                    }
                }
            }
            return received;
        }

        private void awaitConnected() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + STREAM_START.toNanos();
            synchronized (reconnected) {
                while (!client.connected()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || closed) {
                        throw new IOException("virtual player " + client.mac() + " is not connected to Music Assistant "
                                + "(is its Squeezelite provider enabled, on port reachable from here?)");
                    }
                    reconnected.wait(Math.max(1, Math.min(500, left / 1_000_000)));
                }
            }
        }

        /** Finds the player's id in MA (its MAC, or a Universal Player wrapping it) and configures it once per connection. */
        private synchronized String prepare() throws IOException, InterruptedException {
            long generation = client.generation();
            if (maId != null && configuredGeneration == generation) {
                return maId;
            }
            String id = null;
            for (int attempt = 0; attempt < 20 && id == null; attempt++) {
                id = findId();
                if (id == null) {
                    Thread.sleep(100);
                }
            }
            if (id == null) {
                throw new IOException("Music Assistant does not list virtual player " + client.mac());
            }
            maId = id;
            configure(id);
            configuredGeneration = generation;
            return id;
        }

        private String findId() {
            try {
                for (JsonNode p : ma.call("players/all", Map.of(), CALL)) {
                    String pid = p.path("player_id").asText("");
                    if (pid.equals(client.mac())) {
                        return pid;
                    }
                    for (JsonNode protocol : p.path("output_protocols")) {
                        if (protocol.path("output_protocol_id").asText("").equals(client.mac())) {
                            return pid;
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("virtual_player.lookup_failed", "error", e.getMessage());
            }
            return null;
        }

        private void configure(String id) {
            try {
                ma.call(
                        "config/players/save",
                        Map.of("player_id", id, "values", Map.of("output_codec", "mp3", "hide_in_ui", true)),
                        CALL);
            } catch (MaException e) {
                LOG.warn(
                        "virtual_player.configure_failed",
                        "player_id",
                        id,
                        "error",
                        e.getMessage(),
                        "fix",
                        "use a Music Assistant token of an admin, or set this player's output codec to MP3 "
                                + "and hide it in Music Assistant's settings");
            } catch (RuntimeException e) {
                LOG.warn("virtual_player.configure_failed", "player_id", id, "error", e.getMessage());
            }
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Music Assistant closed the stream before its headers");
            }
            headers.append((char) b);
            if (headers.length() > MAX_HEADER_BYTES) {
                throw new IOException("stream headers too long");
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : (b == '\r' ? 1 : 0);
        }
        return headers.toString();
    }

    private static long length(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int status(String headers) {
        String[] first =
                headers.substring(0, Math.max(0, headers.indexOf('\r'))).split(" ");
        try {
            return first.length > 1 ? Integer.parseInt(first[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String header(String headers, String name, String fallback) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return fallback;
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Two bytes from the home's id, so that two connectors on one Music Assistant do not share MACs. */
    private static String homeBytes(String instanceId) {
        return HexFormat.ofDelimiter(":").formatHex(Digests.sha256(instanceId), 0, 2);
    }
}
