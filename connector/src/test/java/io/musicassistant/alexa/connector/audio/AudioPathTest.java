package io.musicassistant.alexa.connector.audio;

import static io.musicassistant.alexa.connector.SimulatorSupport.CONNECT_TIMEOUT;
import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.slimproto.VirtualPlayers;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.dev.LocalCertificate;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.masim.audio.Mp3Audio;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audio path for real: the MA simulator's Slimproto server and stream route, the connector's
 * virtual players, disk cache and HTTPS stream server, fetched the way an Echo fetches.
 */
class AudioPathTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    static Path dir;

    static SimulatedMa source;
    static MaSimulator sim;
    static MaClient ma;
    static VirtualPlayers players;
    static AudioCache cache;
    static Acquisition acquisition;
    static EchoStreamServer server;
    static StreamSigner signer;
    static HttpClient http;
    static final byte[] KEY = new byte[32];
    static final List<Track> tracks = new ArrayList<>();

    record Track(String uri, long length) {
        byte[] bytes(long from, int count) {
            byte[] b = new byte[count];
            Mp3Audio.fill(Mp3Audio.seed(uri), from, b, 0, count);
            return b;
        }
    }

    @BeforeAll
    static void start() {
        new SecureRandom().nextBytes(KEY);
        source = SimulatedMa.start("home-audio-path-test");
        sim = source.sim();
        ma = source.ma();
        players = source.players();
        // Room for about two tracks, so that a third pushes the oldest out.
        cache = new AudioCache(dir.resolve("cache"), 9 * MIB, Duration.ofHours(1), Clock.systemUTC());
        acquisition = new Acquisition(cache, players, 1);
        LocalCertificate certificate = LocalCertificate.create(dir.resolve("tls"));
        AudioConfig tls = new AudioConfig(
                "127.0.0.1",
                0,
                certificate.keyStore(),
                null,
                null,
                certificate.password(),
                null,
                dir,
                64 * MIB,
                Duration.ofHours(1),
                2,
                1,
                3483,
                StreamLimits.DEFAULTS);
        server = new EchoStreamServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Optional.of(ServerCertificate.load(tls)),
                StreamLimits.DEFAULTS,
                new StreamSigner(KEY, null, Duration.ofHours(24), Clock.systemUTC()),
                acquisition,
                new ArtProxy(URI.create(sim.httpBaseUrl() + "/"), sim.adminToken()));
        signer = new StreamSigner(KEY, "https://localhost:" + server.port(), Duration.ofHours(24), Clock.systemUTC());
        http = HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
        for (JsonNode t : ma.call("music/tracks/library_items", Map.of("limit", 16), Duration.ofSeconds(5))) {
            tracks.add(new Track(
                    t.path("uri").asText(), Mp3Audio.length(t.path("duration").asInt())));
        }
        assertTrue(tracks.size() >= 14, "the seeded library has tracks");
    }

    @AfterAll
    static void stop() {
        server.close();
        acquisition.close();
        source.close();
    }

    private static HttpResponse<byte[]> get(String url, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "Echo/1.0(APNG)");
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anEchoGetsTheWholeTrackThenAnyRangeOfIt() throws Exception {
        Track track = tracks.get(0);
        String url = signer.stream(track.uri()).url();
        HttpResponse<byte[]> whole = get(url, null);
        assertEquals(200, whole.statusCode());
        assertEquals("audio/mpeg", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals(track.length(), whole.body().length);
        assertArrayEquals(track.bytes(0, (int) track.length()), whole.body(), "MP3 frames of this very track");
        assertTrue(Mp3Audio.startsWithFrame(whole.body()));

        HttpResponse<byte[]> middle = get(url, "bytes=1000-1999");
        assertEquals(206, middle.statusCode());
        assertEquals(
                "bytes 1000-1999/" + track.length(),
                middle.headers().firstValue("Content-Range").orElse(""));
        assertEquals("1000", middle.headers().firstValue("Content-Length").orElse(""));
        assertArrayEquals(track.bytes(1000, 1000), middle.body());

        HttpResponse<byte[]> tail = get(url, "bytes=-384");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(track.bytes(track.length() - 384, 384), tail.body());

        HttpResponse<byte[]> fromStart = get(url, "bytes=0-");
        assertEquals(206, fromStart.statusCode());
        assertEquals(track.length(), fromStart.body().length);

        assertEquals(416, get(url, "bytes=" + track.length() + "-").statusCode());

        HttpResponse<Void> head = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(
                Long.toString(track.length()),
                head.headers().firstValue("Content-Length").orElse(""));
        assertEquals("bytes", head.headers().firstValue("Accept-Ranges").orElse(""));
    }

    @Test
    void tamperedExpiredAndUnknownRequestsAreRefused() throws Exception {
        String url = signer.stream(tracks.get(1).uri()).url();
        int sig = url.indexOf("sig=") + 4;
        String flipped = url.substring(0, sig) + (url.charAt(sig) == 'A' ? 'B' : 'A') + url.substring(sig + 1);
        assertEquals(403, get(flipped, null).statusCode(), "a changed signature");
        String otherTrack = signer.stream(tracks.get(2).uri()).url();
        String swapped = otherTrack.substring(0, otherTrack.indexOf('?')) + url.substring(url.indexOf('?'));
        assertEquals(403, get(swapped, null).statusCode(), "another track's path with this signature");
        StreamSigner yesterday = new StreamSigner(
                KEY,
                "https://localhost:" + server.port(),
                Duration.ofHours(24),
                Clock.fixed(Instant.now().minus(Duration.ofHours(25)), ZoneOffset.UTC));
        assertEquals(403, get(yesterday.stream(tracks.get(1).uri()).url(), null).statusCode(), "an expired URL");
        StreamSigner otherHome = new StreamSigner(
                new byte[32], "https://localhost:" + server.port(), Duration.ofHours(24), Clock.systemUTC());
        assertEquals(403, get(otherHome.stream(tracks.get(1).uri()).url(), null).statusCode(), "another home's key");
        assertEquals(403, get(signer.stream("file:///etc/passwd").url(), null).statusCode(), "not a playable uri");
        assertEquals(
                404,
                get("https://localhost:" + server.port() + "/etc/passwd", null).statusCode());
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void twoRoomsFetchingOneUrlShareOneDownload() throws Exception {
        Track track = tracks.get(3);
        String url = signer.stream(track.uri()).url();
        int before = sim.streamRequests();
        CompletableFuture<HttpResponse<byte[]>> kitchen = CompletableFuture.supplyAsync(() -> quietly(url));
        CompletableFuture<HttpResponse<byte[]>> livingRoom = CompletableFuture.supplyAsync(() -> quietly(url));
        byte[] expected = track.bytes(0, (int) track.length());
        assertArrayEquals(expected, kitchen.get().body());
        assertArrayEquals(expected, livingRoom.get().body());
        assertEquals(before + 1, sim.streamRequests(), "Music Assistant streamed the track once");
    }

    @Test
    void aTrackEvictedMidQueueIsFetchedAgainWhenAskedFor() throws Exception {
        Track first = tracks.get(4);
        String url = signer.stream(first.uri()).url();
        assertEquals(200, get(url, null).statusCode());
        for (Track next : tracks.subList(5, 8)) {
            assertEquals(200, get(signer.stream(next.uri()).url(), null).statusCode());
        }
        assertTrue(cache.find(first.uri()).isEmpty(), "the first track made room for the later ones");
        long misses = acquisition.stats().misses();
        HttpResponse<byte[]> again = get(url, "bytes=5000-5999");
        assertEquals(206, again.statusCode());
        assertArrayEquals(first.bytes(5000, 1000), again.body());
        assertEquals(misses + 1, acquisition.stats().misses());
        assertTrue(cache.bytesUsed() <= cache.maxBytes());
    }

    @Test
    void aPrefetchedTrackIsAHit() throws Exception {
        Track track = tracks.get(8);
        acquisition.prefetch(List.of(track.uri()));
        await(
                "the prefetch to complete",
                Duration.ofSeconds(30),
                () -> cache.find(track.uri())
                        .map(t -> t.state() == CachedTrack.State.COMPLETE)
                        .orElse(false));
        long hits = acquisition.stats().hits();
        HttpResponse<byte[]> response = get(signer.stream(track.uri()).url(), null);
        assertArrayEquals(track.bytes(0, (int) track.length()), response.body());
        assertEquals(hits + 1, acquisition.stats().hits());
    }

    @Test
    void musicAssistantDroppingThePlayerCutsThatDownloadAndTheNextRequestWorks() throws Exception {
        Track track = tracks.get(9);
        String url = signer.stream(track.uri()).url();
        sim.setStreamRate(200_000); // slow enough to drop the player in the middle
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            try (InputStream in = response.body()) {
                assertEquals(65536, in.readNBytes(65536).length);
                for (String mac : sim.slimprotoClients()) {
                    sim.dropSlimprotoClient(mac);
                }
                long got = 65536;
                boolean cut = false;
                try {
                    got += in.readAllBytes().length;
                } catch (IOException e) {
                    cut = true; // the connection was cut: what a listener sees when the source goes away
                }
                assertNotEquals(track.length(), got, "the listener did not get a whole track from a cut stream");
                assertTrue(cut, "a broken stream, not a short track that ends as if it were whole");
            }
        } finally {
            sim.setStreamRate(0);
        }
        assertTrue(cache.find(track.uri()).isEmpty(), "a cut download is not kept as a track");
        await("the players to reconnect", CONNECT_TIMEOUT, () -> players.connectedPlayers() == 2);
        HttpResponse<byte[]> again = get(url, null);
        assertEquals(200, again.statusCode());
        assertArrayEquals(track.bytes(0, (int) track.length()), again.body());
    }

    @Test
    void aListenerIsNotKeptWaitingBehindAPrefetchOfTheSameProvider() throws Exception {
        Track prefetched = tracks.get(10);
        Track wanted = tracks.get(11);
        sim.setStreamRate(100_000); // the prefetch would hold the provider's only stream for ~40 s
        try {
            acquisition.prefetch(List.of(prefetched.uri()));
            await(
                    "the prefetch to be under way",
                    Duration.ofSeconds(20),
                    () -> cache.find(prefetched.uri()).map(t -> t.written() > 0).orElse(false));
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(signer.stream(wanted.uri()).url()))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode(), "served, not 503 after waiting for the prefetch");
            try (InputStream in = response.body()) {
                assertArrayEquals(wanted.bytes(0, 16_384), in.readNBytes(16_384));
            }
            assertTrue(
                    cache.find(prefetched.uri()).isEmpty(),
                    "the prefetch gave way and will be fetched again when wanted");
        } finally {
            sim.setStreamRate(0);
        }
    }

    @Test
    void liveRadioNeverTakesTheLastPlayer() throws Exception {
        JsonNode stations = ma.call("music/radios/library_items", Map.of("limit", 2), Duration.ofSeconds(5));
        String first = signer.stream(stations.get(0).path("uri").asText()).url();
        String second = signer.stream(stations.get(1).path("uri").asText()).url();
        HttpResponse<InputStream> listening =
                http.send(HttpRequest.newBuilder(URI.create(first)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = listening.body()) {
            assertEquals(200, listening.statusCode());
            assertEquals(4096, in.readNBytes(4096).length);
            HttpResponse<byte[]> refused = get(second, null);
            assertEquals(503, refused.statusCode(), "two players: one for live streams, one kept for tracks");
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            Track track = tracks.get(12);
            assertArrayEquals(
                    track.bytes(0, (int) track.length()),
                    get(signer.stream(track.uri()).url(), null).body(),
                    "tracks still play while the radio does");
        }
    }

    @Test
    void coverArtMusicAssistantKeepsOnTheLanIsReHostedThroughTheSignedBase() throws Exception {
        JsonNode image = null;
        for (JsonNode album : ma.call("music/albums/library_items", Map.of("limit", 60), Duration.ofSeconds(5))) {
            for (JsonNode candidate : album.path("metadata").path("images")) {
                if (!candidate.path("remotely_accessible").asBoolean(true)) {
                    image = candidate;
                }
            }
        }
        assertTrue(image != null, "the seeded library has local art");
        String url =
                signer.art(image.path("provider").asText(), image.path("path").asText());
        HttpResponse<byte[]> art = get(url, null);
        assertEquals(200, art.statusCode());
        assertTrue(art.headers().firstValue("Content-Type").orElse("").startsWith("image/"));
        byte[] body = art.body();
        boolean jpeg = body.length > 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xD8;
        boolean png = body.length > 4 && body[1] == 'P' && body[2] == 'N' && body[3] == 'G';
        assertTrue(jpeg || png, "an image Music Assistant rendered");
        assertEquals(
                404,
                get(signer.art("filesystem_local", "/music/none/cover.jpg"), null)
                        .statusCode(),
                "an image MA does not have");
        assertEquals(403, get(url.replace("sig=", "sig=x"), null).statusCode());
    }

    @Test
    void aRangeIntoATrackStillArrivingSlowlyGetsWhatHasArrivedWithAnUnknownLength() throws Exception {
        Track track = tracks.get(13);
        String url = signer.stream(track.uri()).url();
        sim.setStreamRate(150_000); // paced like a streaming service: ~30 s for this track
        try {
            HttpResponse<InputStream> first = http.send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = first.body()) {
                assertEquals(200, first.statusCode());
                assertTrue(first.headers().firstValue("Content-Length").isEmpty(), "still arriving: no length yet");
                assertArrayEquals(track.bytes(0, 1000), in.readNBytes(1000));
                HttpResponse<byte[]> seek = get(url, "bytes=100000-199999");
                assertEquals(206, seek.statusCode());
                assertEquals(
                        "bytes 100000-199999/*",
                        seek.headers().firstValue("Content-Range").orElse(""));
                assertArrayEquals(track.bytes(100_000, 100_000), seek.body());
            }
        } finally {
            sim.setStreamRate(0);
        }
    }

    @Test
    void radioIsStreamedLiveWithoutALength() throws Exception {
        JsonNode stations = ma.call("music/radios/library_items", Map.of("limit", 1), Duration.ofSeconds(5));
        String uri = stations.get(0).path("uri").asText();
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(signer.stream(uri).url())).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Length").isEmpty(), "a live stream has no length");
        try (InputStream in = response.body()) {
            byte[] start = in.readNBytes(4096);
            assertEquals(4096, start.length);
            assertTrue(Mp3Audio.startsWithFrame(start));
        }
        assertTrue(cache.find(uri).isEmpty(), "radio is not cached");
    }

    @Test
    void theVirtualPlayersAreHiddenReceiveMp3AndAreNeverOfferedToAlexa() {
        await("the players to be set up", Duration.ofSeconds(20), () -> {
            for (JsonNode p : ma.call("players/all", Map.of(), Duration.ofSeconds(5))) {
                if (VirtualPlayers.isVirtual(p) && !p.path("hide_in_ui").asBoolean(false)) {
                    return false;
                }
            }
            return true;
        });
        int virtual = 0;
        for (JsonNode p : ma.call("players/all", Map.of(), Duration.ofSeconds(5))) {
            if (VirtualPlayers.isVirtual(p)) {
                virtual++;
                assertTrue(p.path("hide_in_ui").asBoolean(false), "hidden in MA's UI: " + p.path("player_id"));
                JsonNode config = ma.call(
                        "config/players/get",
                        Map.of("player_id", p.path("player_id").asText()),
                        Duration.ofSeconds(5));
                assertEquals(
                        "mp3",
                        config.path("values").path("output_codec").path("value").asText());
            }
        }
        assertEquals(2, virtual);
    }

    private static HttpResponse<byte[]> quietly(String url) {
        try {
            return get(url, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
