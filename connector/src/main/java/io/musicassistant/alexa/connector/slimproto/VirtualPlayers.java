package io.musicassistant.alexa.connector.slimproto;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.audio.Acquisition;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.platform.Digests;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.net.Socket;
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

    private static final Duration CALL = KeptPlayer.CALL;
    private static final Duration STREAM_START = Duration.ofSeconds(15);
    private static final Duration FREE_PLAYER_PATIENCE = Duration.ofSeconds(30);

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
        return EchoMac.carries(player, MAC_PREFIX);
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

    /** One virtual player: its Slimproto connection, kept connected and set up by {@link KeptPlayer}. */
    private final class Player {
        final SlimprotoClient client;
        final KeptPlayer kept;

        Player(SlimprotoClient client) {
            this.client = client;
            this.kept = new KeptPlayer(
                    ma,
                    client,
                    Map.of("output_codec", "mp3", "hide_in_ui", true),
                    "set this player's output codec to MP3 and hide it in Music Assistant's settings",
                    () -> closed);
        }

        void keepConnected() {
            kept.keepConnected();
        }

        void render(String uri, Acquisition.Sink sink) throws IOException, InterruptedException {
            kept.awaitConnected(STREAM_START);
            String id = kept.prepare();
            long generation = client.generation();
            AtomicBoolean stopped = new AtomicBoolean();
            AtomicBoolean streaming = new AtomicBoolean();
            AtomicReference<Socket> connection = new AtomicReference<>();
            var future = client.expectStream(() -> {
                if (streaming.get()) {
                    // MA stopped this player or dropped it: the audio that follows is not the whole item.
                    stopped.set(true);
                    StreamFetch.closeQuietly(connection.get());
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
                long received = StreamFetch.fetch(client, start, sink, connection);
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
    }

    /** Two bytes from the home's id, so that two connectors on one Music Assistant do not share MACs. */
    private static String homeBytes(String instanceId) {
        return HexFormat.ofDelimiter(":").formatHex(Digests.sha256(instanceId), 0, 2);
    }
}
