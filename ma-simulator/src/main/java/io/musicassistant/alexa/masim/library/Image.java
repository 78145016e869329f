package io.musicassistant.alexa.masim.library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@code MediaItemImage}. {@code provider} is the lookup key MA uses to resolve {@code path}:
 * a provider domain for public URLs, the provider instance id for files.
 */
public record Image(String type, String path, String provider, boolean remotelyAccessible) {

    /**
     * The opaque imageproxy id: MA's {@code compute_image_id} is the SHA-256 of
     * {@code "<provider>/<path>"} as 64 lowercase hex digits.
     */
    public String proxyId() {
        return sha256Hex(provider + "/" + path);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }
}
