package io.musicassistant.alexa.masim;

import static io.musicassistant.alexa.masim.RawWebSocket.readFrame;
import static io.musicassistant.alexa.masim.RawWebSocket.readHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.masim.library.Image;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP side (spec §5, §7) and the server heartbeat (§1.1). */
class HttpAndHeartbeatTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MaSimulator ma;

    @BeforeAll
    static void start() {
        ma = MaSimulator.start(MaSimulator.Options.defaults().withHeartbeatInterval(Duration.ofMillis(400)));
    }

    @AfterAll
    static void stop() {
        ma.close();
    }

    @Test
    void infoIsServedWithoutAuth() throws Exception {
        HttpResponse<String> response = get("/info");
        assertEquals(200, response.statusCode());
        JsonNode info = WsTestClient.JSON.readTree(response.body());
        assertEquals(ma.serverId(), info.path("server_id").asText());
        assertEquals(
                "*",
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void apiFollowsMasStatusMapping() throws Exception {
        HttpResponse<String> noToken = post("{\"command\":\"players/all\"}", null);
        assertEquals(401, noToken.statusCode());
        assertEquals("Authentication required", noToken.body());
        assertTrue(noToken.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        HttpResponse<String> ok = post("{\"command\":\"players/all\"}", ma.userToken());
        assertEquals(200, ok.statusCode());
        assertEquals(5, WsTestClient.JSON.readTree(ok.body()).size(), "raw result, no envelope");
        assertEquals(400, post("", ma.userToken()).statusCode());
        HttpResponse<String> invalid = post("{oops", ma.userToken());
        assertEquals("Invalid JSON: {oops", invalid.body());
        assertEquals(
                "Invalid Command: nope/nope",
                post("{\"command\":\"nope/nope\"}", ma.userToken()).body());
        HttpResponse<String> admin = post("{\"command\":\"auth/users\"}", ma.userToken());
        assertEquals(403, admin.statusCode());
        assertEquals("Admin access required", admin.body());
        HttpResponse<String> failing =
                post("{\"command\":\"music/item_by_uri\",\"args\":{\"uri\":\"x\"}}", ma.userToken());
        assertEquals(500, failing.statusCode());
        String playlist = ma.library().playlistNamed("Everything on Shuffle").itemId();
        HttpResponse<String> generator = post(
                "{\"command\":\"music/playlists/playlist_tracks\",\"args\":{\"item_id\":\"" + playlist
                        + "\",\"provider_instance_id_or_domain\":\"library\"}}",
                ma.userToken());
        assertEquals(
                ma.library().playlistTracks(playlist).size(),
                WsTestClient.JSON.readTree(generator.body()).size(),
                "async generators are collected into one list");
    }

    @Test
    void imageProxyServesKnownImagesAndValidatesTheRequest() throws Exception {
        Image cover =
                ma.library().thumbOf(ma.library().albumNamed("Abbey Road")).orElseThrow();
        HttpResponse<byte[]> image = getBytes("/imageproxy/" + cover.proxyId() + "?size=256&fmt=png");
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "max-age=31536000", image.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(256, ImageIO.read(new ByteArrayInputStream(image.body())).getWidth());
        assertNotNull(ImageIO.read(new ByteArrayInputStream(
                getBytes("/imageproxy/" + cover.proxyId()).body())));
        assertEquals(400, get("/imageproxy/not-an-id").statusCode());
        HttpResponse<String> size = get("/imageproxy/" + cover.proxyId() + "?size=500");
        assertEquals(400, size.statusCode());
        assertTrue(size.body().startsWith("Unsupported size 500"));
        assertEquals(404, get("/imageproxy/" + "0".repeat(64)).statusCode());
        Image local =
                ma.library().thumbOf(ma.library().albumNamed("Melody A.M.")).orElseThrow();
        String doubleEncoded =
                URLEncoder.encode(URLEncoder.encode(local.path(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        HttpResponse<byte[]> legacy =
                getBytes("/imageproxy?provider=" + local.provider() + "&size=80&fmt=jpeg&path=" + doubleEncoded);
        assertEquals(200, legacy.statusCode());
        assertEquals(80, ImageIO.read(new ByteArrayInputStream(legacy.body())).getHeight());
    }

    @Test
    void clientsThatAnswerPingsStayConnected() throws Exception {
        try (WsTestClient client = WsTestClient.authenticated(ma, ma.userToken())) {
            Thread.sleep(1000); // two heartbeat rounds
            assertFalse(
                    client.closed().isDone(),
                    "still connected: " + client.closed().getNow(""));
            assertEquals(
                    ma.serverId(),
                    client.call("info", null).path("result").path("server_id").asText());
        }
    }

    @Test
    void clientsThatNeverPongAreDropped() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", ma.port())) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            RawWebSocket.upgrade(out);
            out.flush();
            InputStream in = socket.getInputStream();
            String status = readHeaders(in);
            assertTrue(status.startsWith("HTTP/1.1 101"), status);
            List<Integer> opcodes = new ArrayList<>();
            long started = System.nanoTime();
            RawWebSocket.Frame frame;
            while ((frame = readFrame(in)) != null) {
                opcodes.add(frame.opcode());
            }
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(0x1, opcodes.get(0), "server info text frame first");
            assertTrue(opcodes.contains(0x9), "a ping arrived before the drop: " + opcodes);
            assertFalse(opcodes.contains(0x8), "dropped without a close frame");
            assertTrue(tookMillis < 2800, "dropped after " + tookMillis + " ms");
        }
    }

    @Test
    void clientsThatStopReadingAreDroppedOnceTooManyMessagesArePending() throws Exception {
        try (MaSimulator own = MaSimulator.start(MaSimulator.Options.defaults());
                Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096); // keep the kernel from absorbing the backlog
            socket.setSoTimeout(3000);
            socket.connect(new InetSocketAddress("127.0.0.1", own.port()));
            OutputStream out = socket.getOutputStream();
            assertTrue(
                    RawWebSocket.authenticate(out, socket.getInputStream(), own.userToken()),
                    "authenticated before the flood");
            // never read: every player change queues one more event for this client
            int changes = 0;
            while (changes < 4000 && own.connectedClients() > 0) {
                int volume = changes % 100;
                own.updatePlayer("3f7b2c9e-8a41-4c1d-9b0e-6d2f5a8c1e47", p -> p.withVolumeLevel(volume));
                changes++;
            }
            ProtocolConformanceTest.waitUntil(() -> own.connectedClients() == 0);
            assertEquals(0, own.connectedClients(), "a client with more than 512 unsent messages is dropped");
            assertTrue(
                    changes > 512,
                    "the client was authenticated and received "
                            + "events until the backlog passed the limit (dropped after " + changes + " changes)");
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(ma.httpBaseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> getBytes(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(ma.httpBaseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ma.httpBaseUrl() + "/api"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
