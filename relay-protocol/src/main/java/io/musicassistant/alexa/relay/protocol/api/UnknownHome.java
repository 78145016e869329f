package io.musicassistant.alexa.relay.protocol.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Body of the relay API's {@code 410 unknown_home}: this deployment has no home of that id. The
 * {@code proof} is a keyed hash only the deployment that registered the home can make; the connector
 * retires its identity only when the SHA-256 of the proof equals the check it was given at
 * registration, so a different deployment (a wrong RELAY_API_URL) can never make it start over.
 */
public record UnknownHome(String error, String message, String proof) {

    public static final String ERROR = "unknown_home";
    public static final int STATUS = 410;

    /** True when {@code proof} matches {@code check} (both hex); false for anything missing or malformed. */
    public static boolean proves(String proof, String check) {
        if (proof == null || check == null || proof.length() != 64 || check.length() != 64) {
            return false;
        }
        try {
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(proof.getBytes(StandardCharsets.US_ASCII)));
            return MessageDigest.isEqual(
                    hash.getBytes(StandardCharsets.US_ASCII), check.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
