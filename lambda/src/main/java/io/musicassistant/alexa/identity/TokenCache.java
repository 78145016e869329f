package io.musicassistant.alexa.identity;

import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * token hash → LWA user id in DynamoDB, kept until the token expires (TTL). The raw token is never
 * stored: the key is its SHA-256, computed by the caller.
 */
public final class TokenCache {

    private final DynamoDbClient dynamo;
    private final String table;

    public TokenCache(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.TOKENS);
    }

    public Optional<LwaIdentity> get(String tokenHash) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(Attrs.key(Tables.TOKENS.key(), tokenHash)))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new LwaIdentity(Attrs.str(item, "user_id"), Instant.ofEpochSecond(Attrs.num(item, Tables.TTL, 0))));
    }

    public void put(String tokenHash, LwaIdentity identity) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        Tables.TOKENS.key(),
                        Attrs.s(tokenHash),
                        "user_id",
                        Attrs.s(identity.userId()),
                        Tables.TTL,
                        Attrs.n(identity.expiresAt().getEpochSecond()))));
    }
}
