package io.musicassistant.alexa.connector.ma;

import static io.musicassistant.alexa.connector.SimulatorSupport.CONNECT_TIMEOUT;
import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static io.musicassistant.alexa.connector.SimulatorSupport.connectedClient;
import static io.musicassistant.alexa.connector.SimulatorSupport.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.masim.library.Album;
import io.musicassistant.alexa.masim.library.Playlist;
import io.musicassistant.alexa.masim.library.Track;
import io.musicassistant.alexa.masim.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link MaClient} against a real Music Assistant simulator over real WebSockets. */
class MaClientTest {

    static final Duration CALL = Duration.ofSeconds(10);
    static final String KITCHEN = "RINCON_48A6B8C1D2E301400";
    static final String BEDROOM = "ap7a3c91d0e2f4";

    record Event(String event, String objectId, JsonNode data) {}

    /** Records what the client reports to its owner. */
    static final class RecordingListener implements MaClient.Listener {
        final Queue<MaServerInfo> connects = new ConcurrentLinkedQueue<>();
        final Queue<String> disconnects = new ConcurrentLinkedQueue<>();
        final Queue<Event> events = new ConcurrentLinkedQueue<>();

        @Override
        public void onConnected(MaServerInfo info) {
            connects.add(info);
        }

        @Override
        public void onDisconnected(String reason) {
            disconnects.add(reason);
        }

        /** Runs inside each event's delivery, on the client's receiving thread. */
        volatile Runnable whileHandlingEvent = () -> {};

        @Override
        public void onEvent(String event, String objectId, JsonNode data) {
            events.add(new Event(event, objectId, data));
            whileHandlingEvent.run();
        }

        boolean saw(String event, String objectId, java.util.function.Predicate<JsonNode> data) {
            return events.stream()
                    .anyMatch(e -> e.event().equals(event) && objectId.equals(e.objectId()) && data.test(e.data()));
        }
    }

    MaSimulator sim;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void startSimulator() {
        sim = MaSimulator.start(MaSimulator.Options.defaults());
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        sim.close();
    }

    MaClient client(MaClient.Listener listener) {
        MaClient client = connectedClient(sim, listener);
        toClose.add(client);
        return client;
    }

    MaClient client() {
        return client(new RecordingListener());
    }

    static Map<String, Object> library(String itemId) {
        return Map.of("item_id", itemId, "provider_instance_id_or_domain", "library");
    }

    static MaException maError(Runnable call) {
        return assertThrows(MaException.class, call::run);
    }

    @Test
    void connectsAndAuthenticatesWithTheUserToken() {
        RecordingListener listener = new RecordingListener();
        MaClient client = client(listener);

        assertTrue(client.connected());
        MaServerInfo info = client.serverInfo().orElseThrow();
        assertEquals(sim.serverId(), info.serverId());
        assertEquals(Profile.STABLE_2_9.schemaVersion(), info.schemaVersion());
        assertEquals(Profile.STABLE_2_9.serverVersion(), info.serverVersion());
        assertEquals(sim.httpBaseUrl(), info.baseUrl());
        assertTrue(info.requiresAuth());
        assertTrue(info.hasGenres());
        // connected() turns true just before the listener hears of it
        await("the listener to hear of the connection", CONNECT_TIMEOUT, () -> !listener.connects.isEmpty());
        assertEquals(List.of(info), List.copyOf(listener.connects));
        // commands really run as the authenticated user: a command that needs auth answers
        JsonNode me = client.call("players/all", Map.of(), CALL);
        assertTrue(me.isArray() && !me.isEmpty());
        assertEquals(1, sim.connectedClients());
    }

    @Test
    void theNewestServerWorksToo() {
        sim.close();
        sim = MaSimulator.start(MaSimulator.Options.defaults().withProfile(Profile.NEWEST));
        MaClient client = client();

        MaServerInfo info = client.serverInfo().orElseThrow();
        assertEquals(sim.serverId(), info.serverId());
        assertEquals(77, info.schemaVersion());
        assertEquals(sim.httpBaseUrl(), info.baseUrl());
        JsonNode found = client.call(
                "music/search", Map.of("search_query", "ok computer", "media_types", List.of("album")), CALL);
        assertEquals("OK Computer", found.path("albums").path(0).path("name").asText());
        assertEquals(
                MaException.INVALID_COMMAND,
                maError(() -> client.call("no/such/command", Map.of(), CALL)).code());
        JsonNode playlist = client.call(
                "music/playlists/playlist_tracks",
                library(sim.library().playlistNamed("Everything on Shuffle").itemId()),
                CALL);
        assertEquals(1234, playlist.size());
    }

    @Test
    void aRefusedTokenNeverConnectsAndIsNotRetriedInALoop() throws Exception {
        String expired = sim.createToken("alexa-bridge", Duration.ofMinutes(-5));
        try (CountingRelay garbageRelay = new CountingRelay(sim.port());
                CountingRelay expiredRelay = new CountingRelay(sim.port());
                MaClient garbage = new MaClient(garbageRelay.uri(), "not-a-token", new RecordingListener());
                MaClient stale = new MaClient(expiredRelay.uri(), expired, new RecordingListener())) {
            garbage.start();
            stale.start();
            // the client gives up on the socket once the server refused the token...
            await(
                    "both refused clients to hang up",
                    CONNECT_TIMEOUT,
                    () -> garbageRelay.hungUp.get() >= 1 && expiredRelay.hungUp.get() >= 1);
            // ...and does not come back with the short (~1 s) backoff of ordinary failures
            long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < until) {
                assertFalse(garbage.connected());
                assertFalse(stale.connected());
                pause(20);
            }
            assertEquals(1, garbageRelay.accepted.get(), "connection attempts with a garbage token");
            assertEquals(1, expiredRelay.accepted.get(), "connection attempts with an expired token");
            assertTrue(garbage.serverInfo().isPresent(), "it did reach the server");
            assertThrows(MaUnavailableException.class, () -> garbage.call("players/all", Map.of(), CALL));
            assertTrue(sim.commandLog().isEmpty(), "no command was sent without authentication: " + sim.commandLog());
        }
    }

    @Test
    void aServerThatIsNotSetUpIsNoticedAtOnceNotAfterTheAuthTimeout() throws Exception {
        sim.close();
        sim = MaSimulator.start(MaSimulator.Options.defaults().withSetupRequired(true));
        try (CountingRelay relay = new CountingRelay(sim.port());
                MaClient client = new MaClient(relay.uri(), sim.userToken(), new RecordingListener())) {
            client.start();
            // MA sends the server info, then {"message_id":"connection","error_code":503} and closes.
            // The handshake must end there and then (the next attempt follows after the ~1 s backoff),
            // not hang in the 10 s wait for an auth answer that can never come.
            await("a second connection attempt", Duration.ofSeconds(3), () -> relay.accepted.get() >= 2);
            assertFalse(client.connected());
            assertThrows(MaUnavailableException.class, () -> client.call("players/all", Map.of(), CALL));
        }
    }

    @Test
    void theClientAnswersTheServersHeartbeat() {
        sim.close();
        // the server drops a client that does not pong within half the interval
        sim = MaSimulator.start(MaSimulator.Options.defaults().withHeartbeatInterval(Duration.ofMillis(250)));
        RecordingListener listener = new RecordingListener();
        MaClient client = client(listener);
        pause(900); // three pings
        assertTrue(client.connected());
        assertTrue(listener.disconnects.isEmpty(), "dropped: " + listener.disconnects);
        assertEquals(1, listener.connects.size());
        assertEquals(1, sim.connectedClients());
        assertTrue(client.call("players/all", Map.of(), CALL).isArray());
    }

    @Test
    void chunkedResultsArriveJoinedAndInOrder() {
        MaClient client = client();
        Playlist playlist = sim.library().playlistNamed("Everything on Shuffle");
        List<Track> expected = sim.library().playlistTracks(playlist.itemId());
        assertEquals(1234, expected.size(), "the seed playlist spans three 500-item chunks");

        JsonNode tracks = client.call("music/playlists/playlist_tracks", library(playlist.itemId()), CALL);

        assertTrue(tracks.isArray());
        assertEquals(expected.size(), tracks.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).uri(), tracks.get(i).path("uri").asText(), "entry " + i);
            assertEquals(i + 1, tracks.get(i).path("position").asInt(), "entry " + i);
        }
        // the client keeps working after a chunked answer; a plain answer is not mistaken for a chunk
        Album album = sim.library().albumNamed("OK Computer");
        assertEquals(
                sim.library().albumTracks(album.itemId()).size(),
                client.call("music/albums/album_tracks", library(album.itemId()), CALL)
                        .size());
    }

    @Test
    void anUnknownCommandIsErrorTwelve() {
        MaClient client = client();
        MaException e = maError(() -> client.call("music/does_not_exist", Map.of(), CALL));
        assertEquals(MaException.INVALID_COMMAND, e.code());
        assertFalse(e.isNotFound());
        assertFalse(e.isCredentialProblem());
        assertTrue(client.connected(), "an error answer does not cost the connection");
    }

    @Test
    void badUrisAndUnknownItemsAreNotFound() {
        MaClient client = client();
        MaException badUri = maError(() -> client.call("music/item_by_uri", Map.of("uri", "no uri at all"), CALL));
        assertEquals(MaException.INVALID_PROVIDER_URI, badUri.code());
        assertTrue(badUri.isNotFound());
        MaException unknownId =
                maError(() -> client.call("music/item_by_uri", Map.of("uri", "library://track/999999"), CALL));
        assertEquals(MaException.MEDIA_NOT_FOUND, unknownId.code());
        assertTrue(unknownId.isNotFound());
        Track track = sim.library().trackNamed("Karma Police");
        assertEquals(
                "Karma Police",
                client.call("music/item_by_uri", Map.of("uri", track.uri()), CALL)
                        .path("name")
                        .asText());
    }

    @Test
    void resultsThatOvertakeEachOtherReachTheRightCalls() throws Exception {
        MaClient client = client();
        Album okComputer = sim.library().albumNamed("OK Computer");
        Album kidA = sim.library().albumNamed("Kid A");
        sim.setCommandDelay("music/albums/album_tracks", Duration.ofMillis(1200));

        CompletableFuture<JsonNode> slow = client.send("music/albums/album_tracks", library(okComputer.itemId()));
        CompletableFuture<JsonNode> fast = client.send("music/albums/get", library(kidA.itemId()));
        CompletableFuture<JsonNode> fastError = client.send("music/albums/get", library("999999"));

        assertEquals("Kid A", fast.get(2, TimeUnit.SECONDS).path("name").asText());
        ExecutionException failed = assertThrows(ExecutionException.class, () -> fastError.get(2, TimeUnit.SECONDS));
        assertEquals(
                MaException.MEDIA_NOT_FOUND,
                assertInstanceOf(MaException.class, failed.getCause()).code());
        assertFalse(slow.isDone(), "the delayed call is still outstanding when the later ones are answered");
        List<String> expected = sim.library().albumTracks(okComputer.itemId()).stream()
                .map(Track::uri)
                .toList();
        List<String> got = new ArrayList<>();
        slow.get(3, TimeUnit.SECONDS).forEach(t -> got.add(t.path("uri").asText()));
        assertEquals(expected, got);
        List<String> log = sim.commandLog();
        assertEquals(List.of("music/albums/album_tracks", "music/albums/get", "music/albums/get"), log);
    }

    @Test
    void aCallThatTimesOutIsUnavailableAndItsLateAnswerIsDropped() {
        MaClient client = client();
        sim.setCommandDelay("music/albums/album_tracks", Duration.ofMillis(800));
        Album album = sim.library().albumNamed("Kid A");
        long start = System.nanoTime();
        MaUnavailableException timedOut = assertThrows(
                MaUnavailableException.class,
                () -> client.call("music/albums/album_tracks", library(album.itemId()), Duration.ofMillis(150)));
        assertTrue(
                timedOut.getMessage().contains("timed out after 150 ms"),
                "the caller's timeout is honoured: " + timedOut);
        // the late answer arrives 800 ms after the call; it must be dropped without harm
        pause(Math.max(0, 950 - (System.nanoTime() - start) / 1_000_000));
        assertTrue(client.connected());
        assertEquals(
                "Kid A",
                client.call("music/albums/get", library(album.itemId()), CALL)
                        .path("name")
                        .asText());
    }

    @Test
    void theClientReconnectsByItselfAfterTheServerDropsIt() throws Exception {
        RecordingListener listener = new RecordingListener();
        MaClient client = client(listener);
        sim.setCommandDelay("music/albums/album_tracks", Duration.ofSeconds(3));
        CompletableFuture<JsonNode> inFlight = client.send(
                "music/albums/album_tracks",
                library(sim.library().albumNamed("Kid A").itemId()));
        await(
                "the call to reach the server",
                CONNECT_TIMEOUT,
                () -> sim.commandCount("music/albums/album_tracks") == 1);

        sim.disconnectAll();

        ExecutionException lost = assertThrows(ExecutionException.class, () -> inFlight.get(2, TimeUnit.SECONDS));
        assertInstanceOf(MaUnavailableException.class, lost.getCause(), "calls in flight fail at once");
        await("the loss to be noticed", CONNECT_TIMEOUT, () -> !listener.disconnects.isEmpty());
        await("the client to reconnect", CONNECT_TIMEOUT, () -> client.connected() && listener.connects.size() == 2);
        assertEquals(
                "Kid A",
                client.call(
                                "music/albums/get",
                                library(sim.library().albumNamed("Kid A").itemId()),
                                CALL)
                        .path("name")
                        .asText());
        assertEquals(1, listener.disconnects.size());
        assertEquals(1, sim.connectedClients());
    }

    @Test
    void aDropTheJdkDoesNotReportIsNoticedByAnUnansweredPing() throws Exception {
        RecordingListener listener = new RecordingListener();
        MaClient client = clientThatMissesADrop(
                listener, new MaClient.Liveness(Duration.ofMillis(400), Duration.ofHours(1), Duration.ofMillis(400)));

        await("the drop to be noticed", Duration.ofSeconds(5), () -> !listener.disconnects.isEmpty());
        await("the client to reconnect", CONNECT_TIMEOUT, () -> client.connected() && listener.connects.size() == 2);
        assertEquals(
                "Kid A",
                client.call(
                                "music/albums/get",
                                library(sim.library().albumNamed("Kid A").itemId()),
                                CALL)
                        .path("name")
                        .asText());
    }

    @Test
    void aCallOnADropTheJdkDoesNotReportFailsLongBeforeItsTimeout() throws Exception {
        RecordingListener listener = new RecordingListener();
        MaClient client = clientThatMissesADrop(
                listener, new MaClient.Liveness(Duration.ofHours(1), Duration.ofMillis(300), Duration.ofMillis(400)));

        long start = System.nanoTime();
        assertThrows(MaUnavailableException.class, () -> client.call("players/all", Map.of(), Duration.ofSeconds(4)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "failed after " + millis + " ms, not at the 4 s timeout");
        await("the client to reconnect", CONNECT_TIMEOUT, () -> client.connected() && listener.connects.size() == 2);
    }

    /**
     * A connected client whose connection the simulator dropped in a way the JDK's WebSocket does
     * not report: it loses the end of a stream that arrives while its listener still handles the
     * frame before (about 1 drop in 7 in ProtocolConformanceTest). Holding the listener inside an
     * event while the simulator drops the connection makes it certain.
     */
    private MaClient clientThatMissesADrop(RecordingListener recording, MaClient.Liveness liveness) throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        recording.whileHandlingEvent = () -> {
            if (handling.getCount() > 0) {
                handling.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        MaClient client = new MaClient(URI.create(sim.wsUrl()), sim.userToken(), recording, liveness);
        toClose.add(client);
        client.start();
        await("connected", CONNECT_TIMEOUT, client::connected);
        sim.updatePlayer(
                BEDROOM, p -> p.withVolumeLevel(Integer.valueOf(30).equals(p.volumeLevel()) ? 31 : 30)); // one event
        assertTrue(handling.await(10, TimeUnit.SECONDS), "the event arrived");
        sim.disconnectAll();
        pause(300); // the end of the stream reaches the client while its listener is busy
        release.countDown();
        return client;
    }

    @Test
    void eventsReachTheListenerWithNameAndObjectId() {
        RecordingListener listener = new RecordingListener();
        MaClient client = client(listener);

        assertTrue(client.call("players/cmd/volume_set", Map.of("player_id", KITCHEN, "volume_level", 33), CALL)
                .isNull());
        await(
                "player_updated for the kitchen",
                CONNECT_TIMEOUT,
                () -> listener.saw(
                        "player_updated", KITCHEN, d -> d.path("volume_level").asInt() == 33));

        sim.updatePlayer(BEDROOM, p -> p.withVolumeLevel(7));
        await(
                "player_updated for the bedroom",
                CONNECT_TIMEOUT,
                () -> listener.saw(
                        "player_updated", BEDROOM, d -> d.path("volume_level").asInt() == 7));
        assertEquals(7, sim.player(BEDROOM).orElseThrow().volumeLevel());
        assertTrue(listener.events.stream()
                .allMatch(e -> e.event() != null && !e.event().isEmpty()));
    }

    @Test
    void callsWithoutAConnectionFailFastWithUnavailable() throws Exception {
        MaClient neverStarted = new MaClient(URI.create(sim.wsUrl()), sim.userToken(), new MaClient.Listener() {});
        MaUnavailableException notConnected =
                assertThrows(MaUnavailableException.class, () -> neverStarted.call("players/all", Map.of(), CALL));
        assertTrue(
                notConnected.getMessage().contains("not connected"), "refused at once, not timed out: " + notConnected);
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> neverStarted.send("players/all", Map.of()).get(1, TimeUnit.SECONDS));
        assertInstanceOf(MaUnavailableException.class, e.getCause());

        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        try (MaClient nowhere =
                new MaClient(URI.create("http://127.0.0.1:" + freePort), "token", new MaClient.Listener() {})) {
            nowhere.start();
            MaUnavailableException refused =
                    assertThrows(MaUnavailableException.class, () -> nowhere.call("players/all", Map.of(), CALL));
            assertTrue(refused.getMessage().contains("not connected"), refused.toString());
            assertFalse(nowhere.connected());
        }
        assertTrue(sim.commandLog().isEmpty());
    }

    @Test
    void browserUrlsBecomeWebSocketUrls() {
        assertEquals(URI.create("ws://host:8095/ws"), MaClient.toWebSocketUri(URI.create("http://host:8095")));
        assertEquals(URI.create("ws://host:8095/ws"), MaClient.toWebSocketUri(URI.create("http://host:8095/")));
        assertEquals(
                URI.create("wss://ma.example.org/ws"), MaClient.toWebSocketUri(URI.create("https://ma.example.org")));
        assertEquals(
                URI.create("wss://ma.example.org:8443/ws"),
                MaClient.toWebSocketUri(URI.create("https://ma.example.org:8443/")));
        assertEquals(URI.create("ws://10.0.0.2:8095/ws"), MaClient.toWebSocketUri(URI.create("ws://10.0.0.2:8095/ws")));
        assertEquals(URI.create("wss://h/custom/ws"), MaClient.toWebSocketUri(URI.create("wss://h/custom/ws")));
        assertThrows(IllegalArgumentException.class, () -> MaClient.toWebSocketUri(URI.create("ftp://host:8095")));
        assertThrows(IllegalArgumentException.class, () -> MaClient.toWebSocketUri(URI.create("host:8095")));
    }

    /**
     * A plain TCP relay in front of the simulator that counts connections, so a test can see how
     * often the client dials (the simulator does not count sockets that never authenticate).
     */
    static final class CountingRelay implements AutoCloseable {
        final AtomicInteger accepted = new AtomicInteger();
        /** Connections the client side ended. */
        final AtomicInteger hungUp = new AtomicInteger();

        private final ServerSocket server;
        private final int target;
        private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();

        CountingRelay(int targetPort) throws IOException {
            this.target = targetPort;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::acceptLoop);
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws");
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    accepted.incrementAndGet();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(client);
                    sockets.add(upstream);
                    Thread.ofVirtual().start(() -> {
                        pipe(client, upstream);
                        hungUp.incrementAndGet();
                    });
                    Thread.ofVirtual().start(() -> pipe(upstream, client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // either side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            sockets.forEach(CountingRelay::closeQuietly);
        }
    }
}
