package io.musicassistant.alexa.connector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StreamSignerTest {

    static final byte[] KEY = new byte[32];
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    static StreamSigner signer(Clock clock) {
        Arrays.fill(KEY, (byte) 7);
        return new StreamSigner(KEY, "https://music.home.example/", Duration.ofHours(24), clock);
    }

    static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }

    static String path(URI uri) {
        return uri.getPath().substring(1);
    }

    @Test
    void signedUrlsVerifyAndNameTheirTrack() {
        StreamSigner.Signed signed = signer(NOW).stream("library://track/412");
        URI uri = URI.create(signed.url());
        assertEquals("music.home.example", uri.getHost());
        assertTrue(uri.getPath().startsWith("/stream/v1/"));
        assertEquals(Instant.parse("2026-11-22T12:00:00Z").toEpochMilli(), signed.expiresMs());
        Map<String, String> q = query(uri);
        assertEquals(
                "library://track/412",
                signer(NOW).verify(path(uri), q.get("exp"), q.get("sig")).orElseThrow());
    }

    @Test
    void tamperedOrExpiredUrlsAreRefused() {
        URI uri = URI.create(signer(NOW).stream("library://track/412").url());
        Map<String, String> q = query(uri);
        StreamSigner s = signer(NOW);
        String other = path(URI.create(s.stream("library://track/413").url()));
        assertTrue(s.verify(other, q.get("exp"), q.get("sig")).isEmpty(), "another track under this signature");
        assertTrue(
                s.verify(path(uri), Long.toString(Long.parseLong(q.get("exp")) + 3600), q.get("sig"))
                        .isEmpty(),
                "extended expiry");
        assertTrue(s.verify(
                        path(uri),
                        q.get("exp"),
                        q.get("sig")
                                .replace(q.get("sig").charAt(3), q.get("sig").charAt(3) == 'A' ? 'B' : 'A'))
                .isEmpty());
        assertTrue(s.verify(path(uri), q.get("exp"), "!!!").isEmpty());
        assertTrue(s.verify(path(uri), "soon", q.get("sig")).isEmpty());
        StreamSigner later = signer(Clock.offset(NOW, Duration.ofHours(25)));
        assertTrue(later.verify(path(uri), q.get("exp"), q.get("sig")).isEmpty(), "expired");
        byte[] otherKey = new byte[32];
        StreamSigner stranger = new StreamSigner(otherKey, "https://music.home.example", Duration.ofHours(24), NOW);
        assertTrue(stranger.verify(path(uri), q.get("exp"), q.get("sig")).isEmpty(), "another home's key");
    }

    @Test
    void shortLivedOrPlainHttpConfigurationsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new StreamSigner(KEY, "https://x.example", Duration.ofHours(11), NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StreamSigner(KEY, "http://x.example", Duration.ofHours(12), NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StreamSigner(new byte[16], "https://x.example", Duration.ofHours(12), NOW));
        StreamSigner none = new StreamSigner(KEY, null, Duration.ofHours(12), NOW);
        assertThrows(IllegalStateException.class, () -> none.stream("library://track/1"));
    }
}
