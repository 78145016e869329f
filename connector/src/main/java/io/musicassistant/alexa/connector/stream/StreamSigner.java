package io.musicassistant.alexa.connector.stream;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the URLs Echo devices fetch audio and art from. A URL names what to serve and until when,
 * and carries an HMAC-SHA256 over both with a key that never leaves the home; it is bound to no
 * device, so a room move or a multi-room group re-fetches the same URL.
 *
 * <p>Form: {@code <public base>/stream/v1/<ref>?exp=<epoch s>&sig=<base64url>} where {@code ref}
 * is the Music Assistant uri, base64url-encoded. Art uses {@code /art/v1/}. Serving lives in the
 * stream server; {@link #verify} is what it checks.
 */
public final class StreamSigner {

    public static final Duration MIN_TTL = Duration.ofHours(12);
    /**
     * The Music Assistant uris the home signs and serves: playable items only, so a compromised
     * cloud cannot make it sign or fetch arbitrary things.
     */
    public static final Pattern MA_URI =
            Pattern.compile("[A-Za-z0-9_\\-]{1,64}://(track|radio|podcast_episode|audiobook)/.{1,1024}");

    static final String STREAM = "stream/v1/";
    static final String ART = "art/v1/";
    static final String SELFTEST = "selftest/v1/";
    private static final Duration SELFTEST_TTL = Duration.ofMinutes(5);
    private static final Duration ART_TTL = Duration.ofDays(30);

    private final SecretKeySpec key;
    private final String publicBase;
    private final Duration ttl;
    private final Clock clock;

    /** A signed URL and when it stops working. */
    public record Signed(String url, long expiresMs) {}

    public StreamSigner(byte[] key, String publicBase, Duration ttl, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("stream signing key must be at least 256 bits");
        }
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("stream URLs must live at least " + MIN_TTL.toHours() + " h");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.publicBase = publicBase == null ? null : stripSlash(publicBase);
        this.ttl = ttl;
        this.clock = clock;
    }

    public boolean hasPublicBase() {
        return publicBase != null;
    }

    public Optional<String> publicBase() {
        return Optional.ofNullable(publicBase);
    }

    public Signed stream(String maUri) {
        long expiresSec = clock.instant().plus(ttl).getEpochSecond();
        return new Signed(url(STREAM, ref(maUri), expiresSec), expiresSec * 1000);
    }

    /** Art that Music Assistant serves only on the LAN, re-hosted through the public base. */
    public String art(String provider, String path) {
        long expiresSec = clock.instant().plus(ART_TTL).getEpochSecond();
        return url(ART, ref(provider + "\n" + path), expiresSec);
    }

    /** A short-lived URL the connector fetches through its own public base to prove that Echo can reach it. */
    public String selfTest(String nonce) {
        long expiresSec = clock.instant().plus(SELFTEST_TTL).getEpochSecond();
        return url(SELFTEST, ref("selftest\n" + nonce), expiresSec);
    }

    /**
     * Checks a request path ({@code stream/v1/<ref>}, {@code art/v1/<ref>} or {@code selftest/v1/<ref>}) with its exp and sig;
     * returns what the ref names when the signature is good and not expired.
     */
    public Optional<String> verify(String path, String exp, String sig) {
        if (path == null || exp == null || sig == null || exp.length() > 12) {
            return Optional.empty();
        }
        long expiresSec;
        try {
            expiresSec = Long.parseLong(exp);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = mac(path + "\n" + expiresSec);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, given) || clock.instant().getEpochSecond() >= expiresSec) {
            return Optional.empty();
        }
        int slash = path.lastIndexOf('/');
        try {
            return Optional.of(
                    new String(Base64.getUrlDecoder().decode(path.substring(slash + 1)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String url(String kind, String ref, long expiresSec) {
        if (publicBase == null) {
            throw new IllegalStateException("no public stream base configured");
        }
        String path = kind + ref;
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(mac(path + "\n" + expiresSec));
        return publicBase + "/" + path + "?exp=" + expiresSec + "&sig=" + sig;
    }

    private static String ref(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripSlash(String base) {
        if (!base.startsWith("https://")) {
            throw new IllegalArgumentException("STREAM_BASE must be an https:// URL (Echo devices refuse plain http)");
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
