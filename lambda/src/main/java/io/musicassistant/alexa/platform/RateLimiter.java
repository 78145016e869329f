package io.musicassistant.alexa.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fixed-window counters in DynamoDB, shared by every container: one conditional increment per
 * request, refused once the window's limit is reached. Subjects are hashed so that user ids are
 * not stored in the clear; addresses arrive already keyed by the deployment key (an unkeyed hash of
 * an IPv4 address is reversible). There is no read-only check: a limit that refuses before a caller
 * proved anything would let one caller lock out the others behind its address.
 */
public final class RateLimiter {

    /** A named limit: at most {@code limit} hits per {@code window}. */
    public record Limit(String name, int limit, Duration window) {}

    /** Thrown when a limit is reached; tells the caller when to come back. */
    public static final class RateLimited extends RuntimeException {
        private final long retryAfterSeconds;

        public RateLimited(String limitName, long retryAfterSeconds) {
            super("rate limit " + limitName + " reached", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public RateLimiter(DynamoDbClient dynamo, Tables tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.RATE_LIMITS);
        this.clock = clock;
    }

    /** Counts one hit of {@code subject} against {@code limit}; throws {@link RateLimited} past it. */
    public void hit(Limit limit, String subject) {
        long nowMs = clock.millis();
        long windowMs = limit.window().toMillis();
        long windowStart = nowMs - nowMs % windowMs;
        long windowEndSec = (windowStart + windowMs) / 1000;
        String bucket = bucket(limit, subject, windowStart);
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Attrs.key(Tables.RATE_LIMITS.key(), bucket))
                    .updateExpression("ADD hits :one SET expires_at = :exp")
                    .conditionExpression("attribute_not_exists(hits) OR hits < :limit")
                    .expressionAttributeValues(Map.of(
                            ":one", Attrs.n(1),
                            ":limit", Attrs.n(limit.limit()),
                            ":exp", Attrs.n(windowEndSec + 60))));
        } catch (ConditionalCheckFailedException e) {
            throw new RateLimited(limit.name(), Math.max(1, windowEndSec - nowMs / 1000));
        }
    }

    /** Counts one hit against every limit, even when an earlier one is used up; then refuses if any was. */
    public void hitAll(Map<Limit, String> subjects) {
        RateLimited refused = null;
        for (var subject : subjects.entrySet()) {
            try {
                hit(subject.getKey(), subject.getValue());
            } catch (RateLimited e) {
                refused = refused == null || e.retryAfterSeconds() > refused.retryAfterSeconds() ? e : refused;
            }
        }
        if (refused != null) {
            throw refused;
        }
    }

    private static String bucket(Limit limit, String subject, long windowStart) {
        return limit.name() + "#" + Hashes.sha256Hex(subject).substring(0, 32) + "#" + windowStart;
    }
}
