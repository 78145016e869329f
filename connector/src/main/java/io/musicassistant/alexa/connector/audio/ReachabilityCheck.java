package io.musicassistant.alexa.connector.audio;

import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Proves that the public stream base reaches this connector the way an Echo would: a signed
 * self-test URL fetched through the base with a {@code Range} header, over TLS checked against the
 * JVM's public trust store (Echo devices refuse self-signed and private-CA certificates). An Echo
 * in the same home takes the same path, so a router without NAT loopback fails here as it would
 * fail for the Echo.
 */
public final class ReachabilityCheck {

    private static final JsonLog LOG = JsonLog.get(ReachabilityCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the check found. {@code problem} is null when all is well; see docs/audio-path.md for each code. */
    public record Result(boolean ok, String problem, String detail, long checkedAtMs) {
        public static final String NO_STREAM_BASE = "no_stream_base";
        public static final String UNREACHABLE = "unreachable";
        public static final String TLS = "tls";
        public static final String WRONG_TARGET = "wrong_target";
        public static final String HTTP_STATUS = "http_status";
        /** Reachable, but something in front drops Range: playback works, seeking and room moves do not. */
        public static final String NO_RANGE = "no_range";
    }

    private final StreamSigner signer;
    private final HttpClient http;
    private final Clock clock;

    /** @param tls the trust Echo devices have; tests and the local stack pass one that trusts their own certificate */
    public ReachabilityCheck(StreamSigner signer, SSLContext tls, Clock clock) {
        this.signer = signer;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Result run() {
        if (!signer.hasPublicBase()) {
            return failed(Result.NO_STREAM_BASE, "STREAM_BASE is not set");
        }
        byte[] nonceBytes = new byte[12];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        byte[] expected = EchoStreamServer.selfTestBody(nonce);
        int first = 7;
        int last = 70;
        HttpRequest request = HttpRequest.newBuilder(URI.create(signer.selfTest(nonce)))
                .timeout(TIMEOUT)
                .header("Range", "bytes=" + first + "-" + last)
                .header("User-Agent", "ma-alexa-connector self-test")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return failed(Result.UNREACHABLE, "no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (UnknownHostException e) {
            return failed(Result.UNREACHABLE, "the stream base's host name is not known: " + e.getMessage());
        } catch (ConnectException e) {
            // The JDK's ConnectException often has no message: say what it means.
            return failed(Result.UNREACHABLE, "connection refused or no route to the stream base");
        } catch (SSLException e) {
            return failed(Result.TLS, e.getMessage());
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SSLException ssl) {
                return failed(Result.TLS, ssl.getMessage());
            }
            return failed(
                    Result.UNREACHABLE,
                    e.getMessage() == null
                            ? e.getClass().getSimpleName()
                            : e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(Result.UNREACHABLE, "interrupted");
        }
        byte[] body = response.body();
        if (response.statusCode() == 206 && Arrays.equals(body, Arrays.copyOfRange(expected, first, last + 1))) {
            return ok(null, null);
        }
        if (response.statusCode() == 200 && Arrays.equals(body, expected)) {
            return ok(Result.NO_RANGE, "the server or a proxy in front ignores Range requests");
        }
        if (response.statusCode() == 200 || response.statusCode() == 206) {
            return failed(Result.WRONG_TARGET, "the stream base answers, but not with this connector's content");
        }
        return failed(Result.HTTP_STATUS, "HTTP " + response.statusCode() + " through the stream base");
    }

    private Result ok(String problem, String detail) {
        Result result = new Result(true, problem, detail, clock.millis());
        LOG.info("stream.reachable", "warning", String.valueOf(problem));
        return result;
    }

    private Result failed(String problem, String detail) {
        LOG.warn("stream.unreachable", "problem", problem, "detail", detail);
        return new Result(false, problem, detail, clock.millis());
    }
}
