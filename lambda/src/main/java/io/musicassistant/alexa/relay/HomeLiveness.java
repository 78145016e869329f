package io.musicassistant.alexa.relay;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Silent homes: a home whose connector left a command without a receipt is suspect, and its
 * directives answer "offline" at once instead of each waiting for the relay timeout. The mark is
 * one conditional write on the home row, so every Lambda container sees it with the row it reads
 * anyway. It goes with any sign of life: a heartbeat (the connector sends one as soon as it finds
 * that it was away), or the receipt of a probe — one directive every {@link #PROBE_EVERY} that is
 * let through to see whether the home listens again.
 */
public final class HomeLiveness {

    private static final JsonLog LOG = JsonLog.get(HomeLiveness.class);
    /** While suspect, one directive this often is sent anyway; it costs that user at most the receipt timeout. */
    public static final Duration PROBE_EVERY = Duration.ofSeconds(10);

    private final DynamoDbClient dynamo;
    private final String homes;

    public HomeLiveness(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.homes = tables.name(Tables.HOMES);
    }

    /**
     * A command sent at {@code sentAt} got no receipt: marks the home suspect unless it heartbeat
     * since (it is alive, the receipt was only late) or is already marked.
     */
    public void markSuspect(Home home, Instant sentAt, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(homes)
                    .key(Attrs.key(Tables.HOMES.key(), home.instanceId()))
                    .updateExpression("SET #s = :now, #p = :now")
                    .conditionExpression("attribute_exists(#id) AND attribute_not_exists(#s)"
                            + " AND (attribute_not_exists(#hb) OR #hb < :sent)")
                    .expressionAttributeNames(Map.of(
                            "#s",
                            HomeDirectory.SUSPECT_SINCE,
                            "#p",
                            HomeDirectory.PROBE_AT,
                            "#id",
                            Tables.HOMES.key(),
                            "#hb",
                            HomeDirectory.HEARTBEAT_AT))
                    .expressionAttributeValues(
                            Map.of(":now", Attrs.n(now.toEpochMilli()), ":sent", Attrs.n(sentAt.toEpochMilli()))));
            LOG.warn("home.suspect", "instance_id", home.instanceId());
        } catch (ConditionalCheckFailedException alreadyOrAlive) {
            // marked by another directive, or a heartbeat came after the command was sent
        }
    }

    /**
     * Whether this directive may go to a suspect home as its probe: true for exactly one caller per
     * {@link #PROBE_EVERY}, over all containers.
     */
    public boolean claimProbe(Home home, Instant now) {
        if (home.probeAt() != null && now.isBefore(home.probeAt().plus(PROBE_EVERY))) {
            return false;
        }
        try {
            dynamo.updateItem(b -> b.tableName(homes)
                    .key(Attrs.key(Tables.HOMES.key(), home.instanceId()))
                    .updateExpression("SET #p = :now")
                    .conditionExpression(
                            home.probeAt() == null
                                    ? "#s = :since AND attribute_not_exists(#p)"
                                    : "#s = :since AND #p = :seen")
                    .expressionAttributeNames(Map.of("#s", HomeDirectory.SUSPECT_SINCE, "#p", HomeDirectory.PROBE_AT))
                    .expressionAttributeValues(
                            home.probeAt() == null
                                    ? Map.of(
                                            ":now",
                                            Attrs.n(now.toEpochMilli()),
                                            ":since",
                                            Attrs.n(home.suspectSince().toEpochMilli()))
                                    : Map.of(
                                            ":now",
                                            Attrs.n(now.toEpochMilli()),
                                            ":since",
                                            Attrs.n(home.suspectSince().toEpochMilli()),
                                            ":seen",
                                            Attrs.n(home.probeAt().toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException another) {
            return false;
        }
    }

    /** A probe was acknowledged: the home listens again. */
    public void cleared(Home home) {
        try {
            dynamo.updateItem(b -> b.tableName(homes)
                    .key(Attrs.key(Tables.HOMES.key(), home.instanceId()))
                    .updateExpression("REMOVE #s, #p")
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of(
                            "#s",
                            HomeDirectory.SUSPECT_SINCE,
                            "#p",
                            HomeDirectory.PROBE_AT,
                            "#id",
                            Tables.HOMES.key())));
            LOG.info("home.listening_again", "instance_id", home.instanceId());
        } catch (ConditionalCheckFailedException deleted) {
            // the home was removed meanwhile
        }
    }
}
