package io.musicassistant.alexa.control.reporting;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.platform.TokenSealer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The event-gateway grants users gave with AcceptGrant: access and refresh token, sealed with
 * {@link TokenSealer} before they are stored, renewed shortly before the access token expires.
 * A grant that LWA no longer honours (the user disabled the skill) is forgotten.
 */
public final class Grants {

    private static final JsonLog LOG = JsonLog.get(Grants.class);
    /** Renew an access token this long before it expires. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final DynamoDbClient dynamo;
    private final String table;
    private final TokenSealer sealer;
    private final LwaTokenClient lwa;
    private final Clock clock;

    public Grants(DynamoDbClient dynamo, Tables tables, TokenSealer sealer, LwaTokenClient lwa, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.GRANTS);
        this.sealer = sealer;
        this.lwa = lwa;
        this.clock = clock;
    }

    /** AcceptGrant: exchanges the code and stores the tokens. */
    public void accept(String userId, String code) {
        store(userId, lwa.exchangeCode(code));
        LOG.info("grant.accepted");
    }

    /** A live access token for the user's events, renewed when needed; empty when the user gave no grant. */
    public Optional<String> accessToken(String userId) {
        Map<String, AttributeValue> item = row(userId);
        if (item == null) {
            return Optional.empty();
        }
        Instant expires = Instant.ofEpochMilli(Attrs.num(item, "expires_at_ms", 0));
        if (clock.instant().plus(RENEW_BEFORE).isBefore(expires)) {
            return open(userId, item, "access_token");
        }
        return open(userId, item, "refresh_token").flatMap(refresh -> renew(userId, refresh));
    }

    /** The access token was refused by the gateway before its time: renew now. */
    public Optional<String> renewNow(String userId) {
        Map<String, AttributeValue> item = row(userId);
        return item == null
                ? Optional.empty()
                : open(userId, item, "refresh_token").flatMap(refresh -> renew(userId, refresh));
    }

    private Map<String, AttributeValue> row(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).consistentRead(true).key(Attrs.key(Tables.GRANTS.key(), userId)))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    /**
     * A sealed token, or empty when it cannot be opened (GRANT_KEY changed, row damaged): such a
     * grant never works again, so it is forgotten like a refused one instead of failing every event
     * (which would make the home post its news again and again).
     */
    private Optional<String> open(String userId, Map<String, AttributeValue> item, String attribute) {
        try {
            return Optional.of(sealer.open(Attrs.bytes(item, attribute), userId));
        } catch (IllegalStateException e) {
            LOG.warn("grant.unreadable", "attribute", attribute);
            forget(userId);
            return Optional.empty();
        }
    }

    public void forget(String userId) {
        dynamo.deleteItem(b -> b.tableName(table).key(Attrs.key(Tables.GRANTS.key(), userId)));
        LOG.info("grant.forgotten");
    }

    private Optional<String> renew(String userId, String refreshToken) {
        try {
            LwaTokenClient.Tokens tokens = lwa.refresh(refreshToken);
            store(userId, tokens);
            LOG.info("grant.renewed");
            return Optional.of(tokens.accessToken());
        } catch (LwaTokenClient.TokenRefused e) {
            if (e.invalidGrant()) {
                forget(userId);
                return Optional.empty();
            }
            throw e;
        }
    }

    private void store(String userId, LwaTokenClient.Tokens tokens) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        Tables.GRANTS.key(),
                        Attrs.s(userId),
                        "access_token",
                        Attrs.b(sealer.seal(tokens.accessToken(), userId)),
                        "refresh_token",
                        Attrs.b(sealer.seal(tokens.refreshToken(), userId)),
                        "expires_at_ms",
                        Attrs.n(tokens.expiresAt().toEpochMilli()),
                        "updated_at_ms",
                        Attrs.n(clock.millis()))));
    }
}
