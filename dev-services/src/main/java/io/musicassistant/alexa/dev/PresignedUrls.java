package io.musicassistant.alexa.dev;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stand-in's presigned URLs, shaped like S3's query-string authentication ({@code X-Amz-Date},
 * {@code X-Amz-Expires}, {@code X-Amz-Signature}) and, unlike Moto's, actually checked: an HMAC-SHA256
 * with a key drawn per server over the method, the path (upload id and part number) and the validity
 * window, so a tampered path, a stretched expiry or an old URL is refused as S3 would refuse it.
 */
final class PresignedUrls {

    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** S3's ceiling for a presigned URL's lifetime (seven days). */
    static final long MAX_EXPIRES_SECONDS = 604_800;

    enum Verdict {
        VALID,
        MISSING,
        TAMPERED,
        EXPIRED
    }

    private final byte[] key = new byte[32];
    private final Clock clock;

    PresignedUrls(Clock clock) {
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    /** {@code path?X-Amz-Date=…&X-Amz-Expires=…&X-Amz-Signature=…}, good for {@code method} until now + lifetime. */
    String sign(String method, String path, Duration lifetime) {
        String date = AMZ_DATE.format(clock.instant());
        String expires = Long.toString(Math.clamp(lifetime.toSeconds(), 1, MAX_EXPIRES_SECONDS));
        return path + "?X-Amz-Date=" + date + "&X-Amz-Expires=" + expires + "&X-Amz-Signature="
                + signature(method, path, date, expires);
    }

    Verdict verify(String method, String path, Map<String, String> query) {
        String date = query.get("X-Amz-Date");
        String expires = query.get("X-Amz-Expires");
        String given = query.get("X-Amz-Signature");
        if (date == null || expires == null || given == null) {
            return Verdict.MISSING;
        }
        byte[] expected = signature(method, path, date, expires).getBytes(StandardCharsets.US_ASCII);
        // Constant time, so that the signature cannot be guessed byte by byte from response times.
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.TAMPERED;
        }
        try {
            Instant end = AMZ_DATE.parse(date, Instant::from).plusSeconds(Long.parseLong(expires));
            return clock.instant().isAfter(end) ? Verdict.EXPIRED : Verdict.VALID;
        } catch (DateTimeParseException | NumberFormatException e) {
            return Verdict.TAMPERED;
        }
    }

    private String signature(String method, String path, String date, String expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest =
                    mac.doFinal((method + "\n" + path + "\n" + date + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
