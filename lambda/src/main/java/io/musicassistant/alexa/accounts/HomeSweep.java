package io.musicassistant.alexa.accounts;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.api.HomeRetention;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The daily clean-up (docs/relay-protocol.md, "Retention"): a registration nobody paired within
 * {@link #NEVER_PAIRED} and a home not heard from for {@link #SILENT} are removed with their queue,
 * links, grants, pending pairing code, library snapshot and endpoint states. Heartbeats tell the
 * connector the date ({@link #retention}) so that it warns in its log in the week before.
 *
 * <p>A home is first marked ({@code removing_at_ms}) by a conditional write that re-checks the
 * reason against the row as it is then, so a heartbeat or a pairing that comes in while the sweep
 * runs keeps the home; a marked home is removed whatever happens next, and a sweep cut short
 * finishes the job the next day. The same run deletes endpoint states whose account is no longer
 * linked to their home (left, revoked, or removed with it): one scan a day instead of one per unlink.
 */
public final class HomeSweep {

    private static final JsonLog LOG = JsonLog.get(HomeSweep.class);
    public static final Duration NEVER_PAIRED = Duration.ofDays(30);
    public static final Duration SILENT = Duration.ofDays(90);
    /** The connector warns in its log from this long before the date. */
    public static final Duration WARN_BEFORE = Duration.ofDays(7);

    static final String REMOVING_AT = "removing_at_ms";

    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final Tables tables;
    private final Clock clock;
    private final Consumer<String> snapshots;

    /** What one run did. */
    public record Report(int homes, int neverPaired, int silent, int states) {}

    /** @param snapshots deletes a home's library snapshot; null when the deployment has no catalog bucket */
    public HomeSweep(DynamoDbClient dynamo, SqsClient sqs, Tables tables, Clock clock, Consumer<String> snapshots) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.tables = tables;
        this.clock = clock;
        this.snapshots = snapshots;
    }

    /**
     * When a home is removed unless it is paired (never paired) or heard from (paired): from its
     * registration, or from its last contact (registration, pairing or heartbeat, the latest).
     */
    public static HomeRetention retention(long createdAtMs, long pairedAtMs, long heartbeatAtMs) {
        if (pairedAtMs == 0) {
            return new HomeRetention(createdAtMs + NEVER_PAIRED.toMillis(), HomeRetention.NEVER_PAIRED);
        }
        long contact = Math.max(createdAtMs, Math.max(pairedAtMs, heartbeatAtMs));
        return new HomeRetention(contact + SILENT.toMillis(), HomeRetention.SILENT);
    }

    public Report run() {
        long now = clock.millis();
        int homes = 0;
        int neverPaired = 0;
        int silent = 0;
        for (Map<String, AttributeValue> home : dynamo.scanPaginator(
                        b -> b.tableName(tables.name(Tables.HOMES)).consistentRead(true))
                .items()) {
            homes++;
            Optional<String> reason = due(home, now);
            if (reason.isPresent() && mark(home, reason.get(), now)) {
                remove(home, reason.get());
                if (reason.get().equals(HomeRetention.NEVER_PAIRED)) {
                    neverPaired++;
                } else {
                    silent++;
                }
            }
        }
        int states = sweepStates();
        LOG.info(
                "sweep.done",
                "homes",
                homes,
                "removed_never_paired",
                neverPaired,
                "removed_silent",
                silent,
                "states_deleted",
                states);
        return new Report(homes, neverPaired, silent, states);
    }

    private static Optional<String> due(Map<String, AttributeValue> home, long now) {
        if (home.containsKey(REMOVING_AT)) {
            return Optional.of(
                    Attrs.str(home, "removing_reason") == null
                            ? HomeRetention.SILENT
                            : Attrs.str(home, "removing_reason"));
        }
        HomeRetention r = retention(
                Attrs.num(home, "created_at_ms", 0),
                Attrs.num(home, "paired_at_ms", 0),
                Attrs.num(home, "heartbeat_at_ms", 0));
        return r.removeAtMs() <= now ? Optional.of(r.reason()) : Optional.empty();
    }

    /** The conditional mark: false when the home was paired or heard from since it was read (it stays). */
    private boolean mark(Map<String, AttributeValue> home, String reason, long now) {
        if (home.containsKey(REMOVING_AT)) {
            return true;
        }
        String condition = reason.equals(HomeRetention.NEVER_PAIRED)
                ? "attribute_not_exists(paired_at_ms) AND created_at_ms <= :never"
                : "created_at_ms <= :silent AND (attribute_not_exists(heartbeat_at_ms) OR heartbeat_at_ms <= :silent)"
                        + " AND (attribute_not_exists(paired_at_ms) OR paired_at_ms <= :silent)";
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":now", Attrs.n(now));
        values.put(":why", Attrs.s(reason));
        values.put(
                reason.equals(HomeRetention.NEVER_PAIRED) ? ":never" : ":silent",
                Attrs.n(now - (reason.equals(HomeRetention.NEVER_PAIRED) ? NEVER_PAIRED : SILENT).toMillis()));
        try {
            dynamo.updateItem(b -> b.tableName(tables.name(Tables.HOMES))
                    .key(Attrs.key(Tables.HOMES.key(), Attrs.str(home, Tables.HOMES.key())))
                    .updateExpression("SET " + REMOVING_AT + " = :now, removing_reason = :why")
                    .conditionExpression("attribute_exists(instance_id) AND " + condition)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Everything of the home, the row itself last (so that a run cut short is finished by the next). */
    private void remove(Map<String, AttributeValue> home, String reason) {
        String instanceId = Attrs.str(home, Tables.HOMES.key());
        AttributeValue users = home.get("linked_user_ids");
        for (String user : users == null || !users.hasSs() ? List.<String>of() : users.ss()) {
            try {
                dynamo.deleteItem(b -> b.tableName(tables.name(Tables.LINKS))
                        .key(Attrs.key(Tables.LINKS.key(), user))
                        .conditionExpression("instance_id = :home")
                        .expressionAttributeValues(Map.of(":home", Attrs.s(instanceId))));
            } catch (ConditionalCheckFailedException moved) {
                continue; // the account has moved to another home: its link and grant stay
            }
            dynamo.deleteItem(b -> b.tableName(tables.name(Tables.GRANTS)).key(Attrs.key(Tables.GRANTS.key(), user)));
        }
        String code = Attrs.str(home, "pairing_code_hash");
        if (code != null) {
            dynamo.deleteItem(b ->
                    b.tableName(tables.name(Tables.PAIRING_CODES)).key(Attrs.key(Tables.PAIRING_CODES.key(), code)));
        }
        String queue = Attrs.str(home, "queue_url");
        if (queue != null) {
            try {
                sqs.deleteQueue(b -> b.queueUrl(queue));
            } catch (QueueDoesNotExistException gone) {
                // removed by an earlier run that was cut short
            }
        }
        if (snapshots != null) {
            snapshots.accept(instanceId);
        }
        dynamo.deleteItem(b -> b.tableName(tables.name(Tables.HOMES)).key(Attrs.key(Tables.HOMES.key(), instanceId)));
        LOG.info(
                "sweep.home_removed",
                "instance_id",
                instanceId,
                "reason",
                reason,
                "accounts",
                users == null || !users.hasSs() ? 0 : users.ss().size());
    }

    /** Deletes endpoint states whose account is not (or no longer) linked to their home; how many. */
    private int sweepStates() {
        Map<String, Optional<String>> linkOf = new HashMap<>();
        int deleted = 0;
        String table = tables.name(Tables.ENDPOINT_STATE);
        for (Map<String, AttributeValue> row : dynamo.scanPaginator(
                        b -> b.tableName(table).projectionExpression(Tables.ENDPOINT_STATE.key()))
                .items()) {
            String key = Attrs.str(row, Tables.ENDPOINT_STATE.key());
            String[] parts = key == null ? new String[0] : key.split("#", 3);
            if (parts.length != 3) {
                continue;
            }
            Optional<String> linked = linkOf.computeIfAbsent(parts[1], user -> {
                Map<String, AttributeValue> link = dynamo.getItem(b -> b.tableName(tables.name(Tables.LINKS))
                                .consistentRead(true)
                                .key(Attrs.key(Tables.LINKS.key(), user)))
                        .item();
                return link == null || link.isEmpty()
                        ? Optional.empty()
                        : Optional.ofNullable(Attrs.str(link, "instance_id"));
            });
            if (!linked.equals(Optional.of(parts[0]))) {
                dynamo.deleteItem(b -> b.tableName(table).key(Attrs.key(Tables.ENDPOINT_STATE.key(), key)));
                deleted++;
            }
        }
        return deleted;
    }
}
