package io.musicassistant.alexa.connector.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.dev.FreePort;
import io.musicassistant.alexa.dev.LocalCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-test against a real stream server over real TLS, and against the things that go wrong
 * in front of one: an untrusted certificate, nothing listening, another site, a proxy that drops Range.
 */
class ReachabilityCheckTest {

    @TempDir
    static Path certDir;

    /** For tests that serve no audio: the renderer is never reached (self-test URLs name no track). */
    static final Acquisition.Renderer NO_AUDIO = new Acquisition.Renderer() {
        @Override
        public int capacity() {
            return 1;
        }

        @Override
        public void render(String uri, Acquisition.Sink sink) throws IOException {
            throw new IOException("no audio in this test");
        }
    };

    private final byte[] key = new byte[32];
    private LocalCertificate certificate;
    private EchoStreamServer server;
    private HttpsServer other;

    private Acquisition audio;

    @BeforeEach
    void start() throws IOException {
        new SecureRandom().nextBytes(key);
        certificate = LocalCertificate.create(certDir);
        AudioConfig tls = new AudioConfig(
                "127.0.0.1",
                0,
                certificate.keyStore(),
                null,
                null,
                certificate.password(),
                null,
                certDir,
                64L * 1024 * 1024,
                Duration.ofHours(1),
                1,
                1,
                3483,
                StreamLimits.DEFAULTS);
        audio = new Acquisition(
                new AudioCache(certDir.resolve("cache"), 1024 * 1024 * 4, Duration.ofHours(1), Clock.systemUTC()),
                NO_AUDIO,
                1);
        server = new EchoStreamServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Optional.of(ServerCertificate.load(tls)),
                StreamLimits.DEFAULTS,
                signer("https://localhost:0"),
                audio,
                new ArtProxy(URI.create("http://127.0.0.1:1/"), "unused"));
    }

    @AfterEach
    void stop() {
        server.close();
        audio.close();
        if (other != null) {
            other.stop(0);
        }
    }

    private StreamSigner signer(String base) {
        return new StreamSigner(key, base, Duration.ofHours(24), Clock.systemUTC());
    }

    private ReachabilityCheck.Result check(String base, SSLContext trust) {
        return new ReachabilityCheck(signer(base), trust, Clock.systemUTC()).run();
    }

    @Test
    void aBaseThatReachesThisServerWithRangesPasses() {
        ReachabilityCheck.Result result = check("https://localhost:" + server.port(), certificate.clientContext());
        assertTrue(result.ok(), result.toString());
        assertNull(result.problem());
    }

    @Test
    void aCertificateEchoWouldRefuseFails() throws Exception {
        ReachabilityCheck.Result result = check("https://localhost:" + server.port(), SSLContext.getDefault());
        assertFalse(result.ok());
        assertEquals(ReachabilityCheck.Result.TLS, result.problem(), result.toString());
    }

    @Test
    void nothingListeningIsUnreachableAndNoBaseIsSaid() {
        ReachabilityCheck.Result result = check("https://localhost:" + FreePort.find(), certificate.clientContext());
        assertEquals(ReachabilityCheck.Result.UNREACHABLE, result.problem(), result.toString());
        assertFalse(result.ok());
        ReachabilityCheck.Result none = check(null, certificate.clientContext());
        assertEquals(ReachabilityCheck.Result.NO_STREAM_BASE, none.problem());
        assertFalse(none.ok());
    }

    @Test
    void anotherSiteBehindTheBaseIsNotThisConnector() throws IOException {
        startOther(exchange -> respond(exchange, 200, "welcome to my blog".getBytes()));
        ReachabilityCheck.Result wrong =
                check("https://localhost:" + other.getAddress().getPort(), certificate.clientContext());
        assertEquals(ReachabilityCheck.Result.WRONG_TARGET, wrong.problem(), wrong.toString());
        other.stop(0);
        startOther(exchange -> respond(exchange, 502, "bad gateway".getBytes()));
        ReachabilityCheck.Result status =
                check("https://localhost:" + other.getAddress().getPort(), certificate.clientContext());
        assertEquals(ReachabilityCheck.Result.HTTP_STATUS, status.problem(), status.toString());
        assertFalse(status.ok());
    }

    @Test
    void aProxyThatDropsRangeStillPlaysButIsFlagged() throws IOException {
        HttpClient upstream =
                HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
        // A reverse proxy under a path prefix that forwards everything but the Range header.
        startOther(exchange -> {
            String path = exchange.getRequestURI().getRawPath().replaceFirst("^/music", "");
            try {
                HttpResponse<byte[]> answer = upstream.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + path + "?"
                                        + exchange.getRequestURI().getRawQuery()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                respond(exchange, answer.statusCode(), answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ReachabilityCheck.Result result =
                check("https://localhost:" + other.getAddress().getPort() + "/music", certificate.clientContext());
        assertTrue(result.ok(), "audio still plays from the start");
        assertEquals(ReachabilityCheck.Result.NO_RANGE, result.problem(), result.toString());
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void startOther(Handler handler) throws IOException {
        other = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        AudioConfig tls = new AudioConfig(
                "127.0.0.1",
                0,
                certificate.keyStore(),
                null,
                null,
                certificate.password(),
                null,
                certDir,
                64L * 1024 * 1024,
                Duration.ofHours(1),
                1,
                1,
                3483,
                StreamLimits.DEFAULTS);
        other.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(tls)));
        other.createContext("/", exchange -> {
            try (exchange;
                    InputStream ignored = exchange.getRequestBody()) {
                handler.handle(exchange);
            }
        });
        other.start();
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
