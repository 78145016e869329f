package io.musicassistant.alexa.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tokens the skill must keep in clear form (Alexa event-gateway grants) before they reach
 * DynamoDB: AES-256-GCM with a random nonce, the owner's id as associated data so that a sealed
 * token cannot be moved to another user's row. The key comes from the deployment's secrets.
 */
public final class TokenSealer {

    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;

    public TokenSealer(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("GRANT_KEY must be 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static TokenSealer fromBase64(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("GRANT_KEY is not set");
        }
        return new TokenSealer(Base64.getDecoder().decode(key.strip()));
    }

    /**
     * The base64 key for a random string Secrets Manager generated (letters and digits, not key
     * bytes): its SHA-256. The string carries far more than 256 bits, so nothing is lost.
     */
    public static String deriveKey(String generated) {
        return Base64.getEncoder().encodeToString(Hashes.sha256(generated));
    }

    public byte[] seal(String secret, String owner) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            Randomness.random().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }

    /** The secret, or an exception when the data was altered, moved to another owner, or sealed with another key. */
    public String open(byte[] sealed, String owner) {
        try {
            if (sealed == null || sealed.length <= NONCE_BYTES) {
                throw new GeneralSecurityException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed token cannot be opened", e);
        }
    }
}
