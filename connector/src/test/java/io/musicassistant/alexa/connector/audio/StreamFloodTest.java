package io.musicassistant.alexa.connector.audio;

import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.dev.LocalCertificate;
import io.musicassistant.alexa.dev.SlowConnectionFlood;
import io.musicassistant.alexa.masim.audio.Mp3Audio;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream server with its production settings under a slow-connection flood from one address
 * (idle connections, half-open TLS handshakes, request headers a byte a second): an Echo at another
 * address keeps getting its ranges, each on a new connection. The flood is 1,000 connections, as in
 * {@code scripts/bench --flood}; idle they cost the machine almost nothing, and with the cap the
 * server holds 32 of them. The JDK server this replaced served 2 of 18 requests here.
 */
class StreamFloodTest {

    private static final InetAddress ECHO = InetAddress.getLoopbackAddress(); // 127.0.0.1
    private static final Duration FLOOD_FOR = Duration.ofSeconds(20);
    private static final int FLOOD_SIZE = 1000;

    @TempDir
    static Path dir;

    static SimulatedMa source;
    static Acquisition acquisition;
    static EchoStreamServer server;
    static LocalCertificate certificate;
    static StreamSigner signer;
    static String uri;
    static long length;

    @BeforeAll
    static void start() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        source = SimulatedMa.start("home-flood-test");
        acquisition = new Acquisition(
                new AudioCache(dir.resolve("cache"), 64L * 1024 * 1024, Duration.ofHours(1), Clock.systemUTC()),
                source.players(),
                1);
        certificate = LocalCertificate.create(dir.resolve("tls"));
        // The connector's production settings: what AudioConfig.load gives without any STREAM_ variable.
        AudioConfig settings = AudioConfig.load(
                Map.of(
                        "STREAM_TLS_KEYSTORE",
                        certificate.keyStore().toString(),
                        "STREAM_TLS_PASSWORD",
                        certificate.password()),
                dir);
        assertEquals(StreamLimits.DEFAULTS, settings.limits());
        server = new EchoStreamServer(
                new InetSocketAddress(ECHO, 0),
                Optional.of(ServerCertificate.load(settings)),
                settings.limits(),
                new StreamSigner(key, null, Duration.ofHours(24), Clock.systemUTC()),
                acquisition,
                new ArtProxy(
                        URI.create(source.sim().httpBaseUrl() + "/"),
                        source.sim().adminToken()));
        signer = new StreamSigner(key, "https://localhost:" + server.port(), Duration.ofHours(24), Clock.systemUTC());
        JsonNode track = source.ma()
                .call("music/tracks/library_items", Map.of("limit", 1), Duration.ofSeconds(5))
                .get(0);
        uri = track.path("uri").asText();
        length = Mp3Audio.length(track.path("duration").asInt());
        // On disk before the flood: what is measured is the server's front door, not Music Assistant.
        assertEquals(200, fetch(null).statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
        acquisition.close();
        source.close();
    }

    /** One Echo request on a connection of its own, as a seek does: the new connection is what a flood starves. */
    private static HttpResponse<byte[]> fetch(String range) throws IOException, InterruptedException {
        try (HttpClient echo = HttpClient.newBuilder()
                .sslContext(certificate.clientContext())
                .localAddress(ECHO)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(signer.stream(uri).url()))
                    .header("User-Agent", "Echo/1.0(APNG)")
                    .timeout(Duration.ofSeconds(5));
            if (range != null) {
                request.header("Range", range);
            }
            return echo.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    @Test
    void echoRangeRequestsAreServedDuringASlowConnectionFloodFromOneAddress() throws Exception {
        Random random = new Random(12);
        List<String> failures = new ArrayList<>();
        int attempted = 0;
        try (SlowConnectionFlood flood = SlowConnectionFlood.start(
                new InetSocketAddress(ECHO, server.port()),
                InetAddress.getByName("127.0.0.2"),
                true,
                FLOOD_SIZE,
                Duration.ofSeconds(1))) {
            await("the flood to connect", Duration.ofSeconds(30), () -> flood.connected() >= FLOOD_SIZE);
            long end = System.nanoTime() + FLOOD_FOR.toNanos();
            while (System.nanoTime() < end) {
                attempted++;
                long first = random.nextLong(length - 70_000);
                try {
                    HttpResponse<byte[]> response = fetch("bytes=" + first + "-" + (first + 65_535));
                    if (response.statusCode() != 206) {
                        failures.add("status " + response.statusCode());
                        continue;
                    }
                    byte[] expected = new byte[65_536];
                    Mp3Audio.fill(Mp3Audio.seed(uri), first, expected, 0, expected.length);
                    assertArrayEquals(expected, response.body(), "the bytes of the range asked for");
                } catch (IOException e) {
                    failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                Thread.sleep(200);
            }
        }
        assertEquals(List.of(), failures, (attempted - failures.size()) + " of " + attempted + " Echo requests served");
        assertTrue(attempted >= 10, "the Echo kept asking during the flood (" + attempted + " requests)");
    }
}
