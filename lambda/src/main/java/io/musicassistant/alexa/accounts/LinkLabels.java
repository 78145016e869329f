package io.musicassistant.alexa.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The label a home's connector sees for a linked Amazon account ({@code K7Q2-MX4P}): 40 bits of an
 * HMAC-SHA256 of the account's id, keyed with the home's stored secret hash. Stable for one home and
 * account, different for the same account in another home (labels of two homes cannot be matched
 * up), and without the homes table not reversible to the account id, which never leaves the cloud.
 */
public final class LinkLabels {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    /** What a label looks like; anything else is refused before a lookup. */
    public static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("[A-Z2-7]{4}-[A-Z2-7]{4}");

    private LinkLabels() {}

    public static String label(String homeKey, String userId) {
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(homeKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac = hmac.doFinal(("link-label:" + userId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = bits << 8 | (mac[i] & 0xff);
        }
        StringBuilder out = new StringBuilder(9);
        for (int i = 7; i >= 0; i--) {
            out.append(ALPHABET[(int) (bits >>> (i * 5)) & 31]);
            if (i == 4) {
                out.append('-');
            }
        }
        return out.toString();
    }

    /** What a user typed, upper-cased and with the dash restored ("k7q2mx4p" → "K7Q2-MX4P"), or null. */
    public static String normalise(String input) {
        if (input == null || input.length() > 16) {
            return null;
        }
        String compact = input.strip()
                .toUpperCase(java.util.Locale.ROOT)
                .replace("-", "")
                .replace(" ", "");
        if (compact.length() != 8) {
            return null;
        }
        String label = compact.substring(0, 4) + "-" + compact.substring(4);
        return FORMAT.matcher(label).matches() ? label : null;
    }
}
