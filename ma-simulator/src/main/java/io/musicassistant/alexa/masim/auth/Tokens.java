package io.musicassistant.alexa.masim.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JWTs like MA's ({@code controllers/webserver/auth.py}): {@code sub} = user id,
 * {@code jti} = token id. A token is valid while its signature checks out, it has not expired, its
 * id is known and not revoked, and its user exists and is enabled.
 */
public final class Tokens {

    /** MA's long-lived tokens are meant for integrations; ten years is "does not expire". */
    public static final Duration LONG_LIVED = Duration.ofDays(3650);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER =
            B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] secret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, TokenRecord> records = new ConcurrentHashMap<>();

    /** A verified token: which token and which user. */
    public record Verified(String tokenId, User user) {}

    private record TokenRecord(String userId, String name, boolean revoked) {}

    /**
     * @param secret signing secret; null picks a random one. With a fixed secret,
     *     {@link #issueStable} yields the same token on every run (handy for a dev stack).
     */
    public Tokens(Clock clock, String secret) {
        this.clock = clock;
        if (secret == null) {
            this.secret = new byte[32];
            random.nextBytes(this.secret);
        } else {
            this.secret = sha256(secret);
        }
    }

    /** Issues a token for the user; a negative lifetime yields an already expired token. */
    public String issue(User user, String name, Duration lifetime, boolean longLived) {
        byte[] idBytes = new byte[16];
        random.nextBytes(idBytes);
        return issue(user, name, HexFormat.of().formatHex(idBytes), clock.instant(), lifetime, longLived);
    }

    /**
     * A long-lived token whose id and issue time derive from the secret and the user, so a
     * simulator started with the same secret accepts (and hands out) the same token.
     */
    public String issueStable(User user, String name) {
        String tokenId = HexFormat.of()
                .formatHex(sha256(HexFormat.of().formatHex(secret) + "/" + user.userId()))
                .substring(0, 32);
        return issue(user, name, tokenId, Instant.parse("2026-01-01T00:00:00Z"), LONG_LIVED, true);
    }

    private String issue(User user, String name, String tokenId, Instant now, Duration lifetime, boolean longLived) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("sub", user.userId());
        payload.put("jti", tokenId);
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(lifetime).getEpochSecond());
        payload.put("is_long_lived", longLived);
        String body = B64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + body;
        records.put(tokenId, new TokenRecord(user.userId(), name, false));
        return signingInput + "." + B64.encodeToString(sign(signingInput));
    }

    /** Checks signature, expiry, revocation and the user; empty when any of them fails. */
    public Optional<Verified> verify(String token) {
        Optional<JsonNode> payload = signedPayload(token);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        JsonNode claims = payload.get();
        long exp = claims.path("exp").asLong(0);
        if (exp <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        String tokenId = claims.path("jti").asText("");
        TokenRecord record = records.get(tokenId);
        if (record == null
                || record.revoked()
                || !record.userId().equals(claims.path("sub").asText())) {
            return Optional.empty();
        }
        return Users.byId(record.userId()).filter(User::enabled).map(u -> new Verified(tokenId, u));
    }

    /** Marks the token revoked; returns its id when it was a token of ours. */
    public Optional<String> revoke(String token) {
        Optional<String> tokenId = signedPayload(token).map(p -> p.path("jti").asText(""));
        tokenId.ifPresent(id -> records.computeIfPresent(id, (k, r) -> new TokenRecord(r.userId(), r.name(), true)));
        return tokenId.filter(records::containsKey);
    }

    private Optional<JsonNode> signedPayload(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(HEADER)) {
            return Optional.empty();
        }
        try {
            byte[] expected = sign(parts[0] + "." + parts[1]);
            byte[] actual = B64D.decode(parts[2]);
            if (!MessageDigest.isEqual(expected, actual)) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(B64D.decode(parts[1]));
            return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    private byte[] sign(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a mandatory JDK algorithm", e);
        }
    }
}
