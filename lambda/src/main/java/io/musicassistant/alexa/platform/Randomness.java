package io.musicassistant.alexa.platform;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Random values for ids, secrets, codes and nonces. Nothing here ever logs what it makes. */
public final class Randomness {

    // The one generator for what the cloud side makes secret (ids, secrets, codes, nonces), so that a
    // SnapStart restore has one thing to reseed (SnapStartHooks). Request ids (UUID.randomUUID) come
    // from the JDK's own generator: they need to be unique, not secret.
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private Randomness() {}

    /** The shared generator: everything random on the cloud side comes from here. */
    public static SecureRandom random() {
        return RANDOM;
    }

    /**
     * Mixes fresh entropy from the operating system into the shared generator. After a SnapStart
     * restore many execution environments resume from one memory image; without this they could
     * continue the same random sequence and hand out the same ids, secrets or nonces.
     */
    public static void reseed() {
        reseed(RANDOM);
    }

    /** Adds fresh operating-system entropy to {@code random}'s state (setSeed supplements, never replaces). */
    static void reseed(SecureRandom random) {
        try {
            random.setSeed(SecureRandom.getInstance("NativePRNGNonBlocking").generateSeed(32));
        } catch (NoSuchAlgorithmException notLinux) {
            random.setSeed(new SecureRandom().generateSeed(32));
        }
        random.setSeed(System.nanoTime());
    }

    /** {@code bits} random bits as lowercase Crockford base32 (no i, l, o, u: easy to read aloud). */
    public static String randomBase32(int bits) {
        int chars = (bits + 4) / 5;
        StringBuilder out = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            out.append(CROCKFORD[RANDOM.nextInt(32)]);
        }
        return out.toString();
    }

    /** A decimal code of {@code digits} digits, uniformly random. */
    public static String randomDigits(int digits) {
        StringBuilder out = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            out.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return out.toString();
    }
}
