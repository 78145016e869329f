package io.musicassistant.alexa.connector.audio;

import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.dev.LocalCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream server's front door, mechanism by mechanism, with small limits so that each shows in a
 * few connections: the cap per address, the cap in all, the deadline for a request header (TLS
 * handshake included, and again after each answer), and a renewed certificate served without a restart.
 */
class StreamLimitsTest {

    private static final InetAddress ECHO = InetAddress.getLoopbackAddress();
    private static final StreamLimits SMALL = new StreamLimits(5, 3, Duration.ofSeconds(1), Duration.ofSeconds(30), 8);

    @TempDir
    static Path certificates;

    static LocalCertificate certificate;

    @TempDir
    Path dir;

    private final List<Socket> sockets = new ArrayList<>();
    private AudioConfig settings;
    private EchoStreamServer server;
    private Acquisition audio;

    @BeforeAll
    static void certificate() {
        certificate = LocalCertificate.create(certificates.resolve("first")); // keytool takes seconds: once
    }

    private EchoStreamServer start(StreamLimits limits) {
        Path served = dir.resolve("served.p12");
        copy(certificate.keyStore(), served);
        settings = AudioConfig.load(
                Map.of("STREAM_TLS_KEYSTORE", served.toString(), "STREAM_TLS_PASSWORD", certificate.password()), dir);
        audio = new Acquisition(
                new AudioCache(dir.resolve("cache"), 64L * 1024 * 1024, Duration.ofHours(1), Clock.systemUTC()),
                ReachabilityCheckTest.NO_AUDIO,
                1); // only /health and refusals here
        server = new EchoStreamServer(
                new InetSocketAddress(ECHO, 0),
                Optional.of(ServerCertificate.load(settings)),
                limits,
                new StreamSigner(new byte[32], null, Duration.ofHours(24), Clock.systemUTC()),
                audio,
                new ArtProxy(URI.create("http://127.0.0.1:1/"), "unused"));
        return server;
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
            audio.close();
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress(ECHO, server.port()), 5000);
        return socket;
    }

    /** Whether the server closed the connection within {@code within} (it sends nothing on its own otherwise). */
    private static boolean closedBy(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // a TLS alert may come first
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private int health() throws Exception {
        try (HttpClient echo = HttpClient.newBuilder()
                .sslContext(certificate.clientContext())
                .localAddress(ECHO)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            return echo.send(
                            HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        }
    }

    @Test
    void oneAddressGetsItsCapAndNoMoreWhileOthersAreServed() throws Exception {
        start(new StreamLimits(50, 3, Duration.ofSeconds(30), Duration.ofSeconds(30), 8));
        for (int i = 0; i < 3; i++) {
            connect("127.0.0.2");
        }
        await(
                "three connections from 127.0.0.2",
                Duration.ofSeconds(10),
                () -> server.connectionsFrom(InetAddress.getLoopbackAddress()) == 0
                        && connectionsFrom("127.0.0.2") == 3);
        Socket fourth = connect("127.0.0.2");
        assertTrue(
                closedBy(fourth, Duration.ofSeconds(10)), "the fourth connection from one address is closed at once");
        assertFalse(closedBy(sockets.get(0), Duration.ofMillis(200)), "the first three stay");
        assertEquals(200, health(), "another address is served");
        for (Socket socket : sockets) {
            socket.close();
        }
        await(
                "the address's count to go back to zero",
                Duration.ofSeconds(10),
                () -> connectionsFrom("127.0.0.2") == 0);
    }

    @Test
    void allAddressesTogetherGetTheTotalCap() throws Exception {
        start(new StreamLimits(4, 2, Duration.ofSeconds(30), Duration.ofSeconds(30), 8));
        connect("127.0.0.2");
        connect("127.0.0.2");
        connect("127.0.0.3");
        connect("127.0.0.3");
        await(
                "four connections",
                Duration.ofSeconds(10),
                () -> connectionsFrom("127.0.0.2") + connectionsFrom("127.0.0.3") == 4);
        assertTrue(
                closedBy(connect("127.0.0.4"), Duration.ofSeconds(10)), "a fifth connection, from anywhere, is closed");
    }

    @Test
    void aConnectionThatSendsNoCompleteHeaderInTimeIsClosed() throws Exception {
        start(SMALL);
        Socket idle = connect("127.0.0.2");
        Socket halfHandshake = connect("127.0.0.2");
        halfHandshake.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01}); // a ClientHello begun
        SSLSocket slow = (SSLSocket) certificate
                .clientContext()
                .getSocketFactory()
                .createSocket(connect("127.0.0.2"), "localhost", server.port(), true);
        slow.startHandshake();
        OutputStream out = slow.getOutputStream();
        long started = System.nanoTime();
        byte[] header = "GET /health HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII);
        boolean cut = false;
        for (int i = 0; i < header.length && !cut; i++) {
            try {
                out.write(header[i]); // a byte every 200 ms: never idle, never complete in time
                out.flush();
                Thread.sleep(200);
            } catch (IOException e) {
                cut = true;
            }
        }
        assertTrue(cut || closedBy(slow, Duration.ofSeconds(10)), "the header sent a byte at a time is cut");
        assertTrue(
                Duration.ofNanos(System.nanoTime() - started).toMillis() < 8_000,
                "cut near the 1 s deadline, not at the end");
        assertTrue(closedBy(idle, Duration.ofSeconds(10)), "the idle connection is closed");
        assertTrue(closedBy(halfHandshake, Duration.ofSeconds(10)), "the half-open TLS handshake is closed");
        await(
                "the address's count to go back to zero",
                Duration.ofSeconds(10),
                () -> connectionsFrom("127.0.0.2") == 0);
        assertEquals(200, health());
    }

    @Test
    void afterAnAnswerTheNextHeaderHasTheSameDeadline() throws Exception {
        start(SMALL);
        SSLSocket client = (SSLSocket) certificate
                .clientContext()
                .getSocketFactory()
                .createSocket(connect("127.0.0.2"), "localhost", server.port(), true);
        client.getOutputStream()
                .write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        client.setSoTimeout(5000);
        byte[] answer = new byte[512];
        int n = client.getInputStream().read(answer);
        assertTrue(
                new String(answer, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"),
                "answered and kept alive");
        assertTrue(
                closedBy(client, Duration.ofSeconds(10)), "then closed when no next request came within the deadline");
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        start(SMALL);
        Certificate before = servedCertificate(certificate);
        assertFalse(server.reloadCertificate(), "nothing changed yet");
        LocalCertificate renewed = LocalCertificate.create(certificates.resolve("renewed"));
        Thread.sleep(20); // a later modification time than the first file's
        copy(renewed.keyStore(), dir.resolve("served.p12"));
        assertTrue(server.reloadCertificate(), "the new key store is read");
        Certificate after = servedCertificate(renewed);
        assertFalse(before.equals(after), "new connections get the renewed certificate");
        assertThrows(SSLHandshakeException.class, () -> servedCertificate(certificate), "and no longer the old one");
    }

    @Test
    void theProductionDefaultsAreWhatTheConnectorLoadsWithoutSettings() {
        AudioConfig loaded = AudioConfig.load(Map.of(), dir);
        assertEquals(StreamLimits.DEFAULTS, loaded.limits());
        AudioConfig behindAProxy = AudioConfig.load(
                Map.of("STREAM_MAX_CONNECTIONS_PER_ADDRESS", "200", "STREAM_MAX_CONNECTIONS", "1000"), dir);
        assertEquals(200, behindAProxy.limits().maxConnectionsPerAddress());
        assertEquals(1000, behindAProxy.limits().maxConnections());
        assertThrows(
                IllegalArgumentException.class,
                () -> AudioConfig.load(Map.of("STREAM_MAX_CONNECTIONS_PER_ADDRESS", "0"), dir));
        assertThrows(
                IllegalArgumentException.class,
                () -> AudioConfig.load(Map.of("STREAM_MAX_CONNECTIONS", "10"), dir),
                "a total below the per-address cap");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() throws Exception {
        assertEquals(
                ConnectionGuard.key(InetAddress.getByName("2001:db8:1:2::1")),
                ConnectionGuard.key(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        assertFalse(ConnectionGuard.key(InetAddress.getByName("2001:db8:1:2::1"))
                .equals(ConnectionGuard.key(InetAddress.getByName("2001:db8:1:3::1"))));
        assertEquals("192.0.2.7", ConnectionGuard.key(InetAddress.getByName("192.0.2.7")));
    }

    private int connectionsFrom(String address) {
        try {
            return server.connectionsFrom(InetAddress.getByName(address));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Certificate servedCertificate(LocalCertificate trusted) throws IOException {
        try (SSLSocket socket =
                (SSLSocket) trusted.clientContext().getSocketFactory().createSocket("localhost", server.port())) {
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0];
        }
    }
}
