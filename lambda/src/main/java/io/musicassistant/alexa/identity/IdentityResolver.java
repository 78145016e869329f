package io.musicassistant.alexa.identity;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Hashes;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Access token → LWA {@code user_id}. Checks, in order: the shape of the token, this container's
 * memory, the DynamoDB token cache, then Login with Amazon. A token we have seen before and whose
 * expiry has passed is reported expired without asking LWA.
 */
public final class IdentityResolver {

    private static final JsonLog LOG = JsonLog.get(IdentityResolver.class);
    /** LWA documents access tokens as at most 2048 bytes; anything longer is not a token. */
    public static final int MAX_TOKEN_LENGTH = 2048;

    private static final int MEMORY_ENTRIES = 2048;

    private final LwaClient lwa;
    private final TokenCache cache;
    private final Clock clock;
    private final Map<String, LwaIdentity> memory = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LwaIdentity> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };

    public IdentityResolver(LwaClient lwa, TokenCache cache, Clock clock) {
        this.lwa = lwa;
        this.cache = cache;
        this.clock = clock;
    }

    public String userId(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new AuthorizationException(
                    AuthorizationException.Reason.INVALID, "no access token: the skill is not linked");
        }
        if (accessToken.length() > MAX_TOKEN_LENGTH || !printableAscii(accessToken)) {
            throw new AuthorizationException(AuthorizationException.Reason.INVALID, "malformed access token");
        }
        String hash = Hashes.sha256Hex(accessToken);
        Instant now = clock.instant();

        LwaIdentity known = remembered(hash);
        if (known == null) {
            Optional<LwaIdentity> cached = cache.get(hash);
            if (cached.isPresent()) {
                known = cached.get();
                remember(hash, known);
            }
        }
        if (known != null) {
            if (now.isBefore(known.expiresAt())) {
                return known.userId();
            }
            throw new AuthorizationException(AuthorizationException.Reason.EXPIRED, "token expired");
        }

        LwaIdentity identity = lwa.lookup(accessToken);
        cache.put(hash, identity);
        remember(hash, identity);
        LOG.info(
                "identity.resolved",
                "token_hash",
                hash.substring(0, 12),
                "valid_s",
                identity.expiresAt().getEpochSecond() - now.getEpochSecond());
        return identity.userId();
    }

    private synchronized LwaIdentity remembered(String hash) {
        return memory.get(hash);
    }

    private synchronized void remember(String hash, LwaIdentity identity) {
        memory.put(hash, identity);
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
