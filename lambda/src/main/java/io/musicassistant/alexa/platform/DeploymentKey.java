package io.musicassistant.alexa.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-deployment secret and what is derived from it by HMAC-SHA256, each use under its own
 * label: the keyed form of a source address (logs and rate-limit rows hold only this, so neither
 * can be reversed by hashing all 2^32 IPv4 addresses), of its network (/24 or /48), and the proof
 * that this deployment, and no other, no longer knows a home (docs/security.md).
 */
public final class DeploymentKey {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}");

    private final SecretKeySpec key;

    public DeploymentKey(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the deployment key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The key of a secret given as text (Secrets Manager's generated string, or DEPLOYMENT_KEY locally). */
    public static DeploymentKey of(String secret) {
        return new DeploymentKey(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A random key for a process that has none configured (tests): nothing it derives outlives the process. */
    public static DeploymentKey random() {
        byte[] bytes = new byte[32];
        Randomness.random().nextBytes(bytes);
        return new DeploymentKey(bytes);
    }

    /** The keyed form of a source address: what logs show and rate limits count by. */
    public String address(String sourceIp) {
        return "a:" + mac("address", normalise(sourceIp)).substring(0, 32);
    }

    /** The keyed form of the address's network: its /24 (IPv4) or /48 (IPv6), the unit of one household or site. */
    public String network(String sourceIp) {
        return "n:" + mac("network", prefix(normalise(sourceIp))).substring(0, 32);
    }

    /** A short tag of the address for log lines: enough to follow one caller, nothing to reverse without the key. */
    public String logTag(String sourceIp) {
        return address(sourceIp).substring(2, 14);
    }

    /**
     * Proof that this deployment does not know {@code instanceId}: only a holder of the key can make
     * it, and the connector checks it against the SHA-256 it was given while the home existed.
     */
    public String unknownHomeProof(String instanceId) {
        return mac("unknown-home", instanceId);
    }

    /** What the connector keeps to check {@link #unknownHomeProof}: its SHA-256, which reveals nothing of it. */
    public String unknownHomeCheck(String instanceId) {
        return Hashes.sha256Hex(unknownHomeProof(instanceId));
    }

    private String mac(String label, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** One spelling per address: lower case, no IPv6 zone, IPv4-mapped IPv6 as IPv4. */
    static String normalise(String sourceIp) {
        String ip = sourceIp == null ? "" : sourceIp.strip().toLowerCase(Locale.ROOT);
        int zone = ip.indexOf('%');
        if (zone >= 0) {
            ip = ip.substring(0, zone);
        }
        if (ip.startsWith("::ffff:") && IPV4.matcher(ip.substring(7)).matches()) {
            ip = ip.substring(7);
        }
        return ip.length() > 64 ? ip.substring(0, 64) : ip;
    }

    /** The /24 of an IPv4 address, the /48 of an IPv6 one, or the text itself when it is neither. */
    static String prefix(String ip) {
        var v4 = IPV4.matcher(ip);
        if (v4.matches()) {
            return v4.group(1) + "." + v4.group(2) + "." + v4.group(3) + ".0/24";
        }
        if (!ip.contains(":") || !IPV6.matcher(ip).matches()) {
            return ip;
        }
        String[] groups = expand(ip);
        return groups == null ? ip : groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48";
    }

    /** The eight groups of an IPv6 address without leading zeros, or null when it is not one. */
    private static String[] expand(String ip) {
        int gap = ip.indexOf("::");
        if (gap != ip.lastIndexOf("::")) {
            return null;
        }
        String[] head = gap < 0 ? ip.split(":", -1) : split(ip.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(ip.substring(gap + 2));
        int missing = 8 - head.length - tail.length;
        if (gap < 0 ? head.length != 8 : missing < 1) {
            return null;
        }
        String[] out = new String[8];
        for (int i = 0; i < 8; i++) {
            String g = i < head.length ? head[i] : i >= 8 - tail.length ? tail[i - (8 - tail.length)] : "0";
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
            out[i] = Integer.toHexString(Integer.parseInt(g, 16));
        }
        return out;
    }

    private static String[] split(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    @Override
    public String toString() {
        return "DeploymentKey[redacted]";
    }
}
