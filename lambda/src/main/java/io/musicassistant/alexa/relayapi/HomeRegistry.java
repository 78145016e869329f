package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.accounts.HomeSweep;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.platform.Randomness;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatAck;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.api.HomeRetention;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Registration, authentication and heartbeats of homes. A home's secret is 256 random bits shown
 * once at registration; the homes table keeps only its SHA-256.
 */
public final class HomeRegistry {

    private static final JsonLog LOG = JsonLog.get(HomeRegistry.class);
    /** What connectors without receipts are told, as before receipts existed. */
    static final Duration LEGACY_INTERVAL = Duration.ofSeconds(30);

    static final Duration UNPAIRED_INTERVAL = Duration.ofSeconds(30);

    /**
     * Queue settings: commands are useless after their deadline (seconds), so SQS may drop them
     * after its minimum retention of 60 s; a visibility timeout longer than any deadline means a
     * redelivery can only happen after the deadline, where the connector drops it.
     */
    static final Map<QueueAttributeName, String> QUEUE_ATTRIBUTES = Map.of(
            QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60",
            QueueAttributeName.VISIBILITY_TIMEOUT, "30",
            QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "20");

    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final String homes;
    private final Tables tables;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final Duration staleAfter;
    private final boolean localQueues;

    public HomeRegistry(
            DynamoDbClient dynamo,
            SqsClient sqs,
            Tables tables,
            Clock clock,
            Duration heartbeatInterval,
            Duration staleAfter,
            boolean localQueues) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.homes = tables.name(Tables.HOMES);
        this.tables = tables;
        this.clock = clock;
        this.heartbeatInterval = heartbeatInterval;
        this.staleAfter = staleAfter;
        this.localQueues = localQueues;
    }

    /** A home as authenticated by its secret, with the fields only the relay API needs. */
    public record AuthenticatedHome(Home home, boolean paired) {}

    public HomeRegistration register(String connectorVersion, String homeName) {
        String instanceId = "home-" + Randomness.randomBase32(128);
        byte[] secretBytes = new byte[32];
        Randomness.random().nextBytes(secretBytes);
        String secret = "mhs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);

        Map<QueueAttributeName, String> attributes = new HashMap<>(QUEUE_ATTRIBUTES);
        if (!localQueues) {
            attributes.put(QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "true");
        }
        String queueUrl = sqs.createQueue(b -> b.queueName(tables.queueName(instanceId))
                        .attributes(attributes)
                        .tags(localQueues ? Map.of() : Map.of("ma-alexa:instance", instanceId)))
                .queueUrl();
        long now = clock.millis();
        dynamo.putItem(b -> b.tableName(homes)
                .item(Map.of(
                        Tables.HOMES.key(),
                        Attrs.s(instanceId),
                        HomeDirectory.SECRET_HASH,
                        Attrs.s(Hashes.sha256Hex(secret)),
                        HomeDirectory.QUEUE_URL,
                        Attrs.s(queueUrl),
                        HomeDirectory.HOME_NAME,
                        Attrs.s(homeName),
                        "connector_version",
                        Attrs.s(connectorVersion),
                        "created_at_ms",
                        Attrs.n(now)))
                .conditionExpression("attribute_not_exists(instance_id)"));
        LOG.info("home.registered", "instance_id", instanceId, "connector_version", connectorVersion);
        return new HomeRegistration(instanceId, secret);
    }

    /** What a home route's caller proved: the home, a wrong or missing secret, or a home this deployment does not have. */
    public sealed interface Authentication {
        record Authenticated(AuthenticatedHome home) implements Authentication {}

        /** A malformed id, no or a wrong secret: the caller proved nothing. */
        record Refused() implements Authentication {}

        /** A well-formed id that this deployment has no home for (consistent read). */
        record UnknownHome() implements Authentication {}
    }

    /** Authenticates, and tells an id this deployment has no home for from a wrong secret. */
    public Authentication check(String instanceId, String secret) {
        if (instanceId == null || !RelayProtocol.INSTANCE_ID.matcher(instanceId).matches()) {
            return new Authentication.Refused();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(homes)
                        .key(Attrs.key(Tables.HOMES.key(), instanceId))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return new Authentication.UnknownHome();
        }
        if (secret == null
                || secret.length() > 128
                || !Hashes.sameHash(Attrs.str(item, HomeDirectory.SECRET_HASH), Hashes.sha256Hex(secret))) {
            return new Authentication.Refused();
        }
        return new Authentication.Authenticated(
                new AuthenticatedHome(HomeDirectory.toHome(item), item.containsKey(HomeDirectory.LINKED_USERS)));
    }

    public HeartbeatAck heartbeat(AuthenticatedHome home, HeartbeatRequest beat) {
        long now = clock.millis();
        HeartbeatRequest.MaStatus ma = beat.ma();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":at", Attrs.n(now));
        values.put(":status", Attrs.s(beat.status()));
        values.put(":ma", Attrs.bool(ma != null && ma.connected()));
        values.put(":version", Attrs.s(beat.connectorVersion()));
        values.put(":acks", Attrs.bool(beat.acknowledges()));
        StringBuilder update = new StringBuilder(
                "SET heartbeat_at_ms = :at, #status = :status, ma_connected = :ma, connector_version = :version, "
                        + HomeDirectory.ACKS + " = :acks");
        if (beat.streamBase() != null) {
            update.append(", stream_base = :base");
            values.put(":base", Attrs.s(beat.streamBase()));
        }
        // A heartbeat is life: whatever made the home suspect is over.
        String remove = " REMOVE " + HomeDirectory.SUSPECT_SINCE + ", " + HomeDirectory.PROBE_AT;
        if (beat.stream() != null && beat.stream().ok()) {
            remove += ", " + HomeDirectory.STREAM_PROBLEM;
        } else if (beat.stream() != null) {
            update.append(", " + HomeDirectory.STREAM_PROBLEM + " = :sp");
            values.put(
                    ":sp",
                    Attrs.s(
                            beat.stream().problem() == null
                                    ? "unknown"
                                    : beat.stream().problem()));
        }
        if (ma != null && ma.serverId() != null) {
            update.append(", ma_server_id = :sid");
            values.put(":sid", Attrs.s(ma.serverId()));
        }
        if (ma != null && ma.serverVersion() != null) {
            update.append(", ma_version = :mav");
            values.put(":mav", Attrs.s(ma.serverVersion()));
        }
        update.append(remove);
        Map<String, AttributeValue> row = dynamo.updateItem(b -> b.tableName(homes)
                        .key(Attrs.key(Tables.HOMES.key(), home.home().instanceId()))
                        .updateExpression(update.toString())
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        // When the daily sweep would remove this home: the connector warns in its log in the week before.
        HomeRetention retention =
                HomeSweep.retention(Attrs.num(row, "created_at_ms", now), Attrs.num(row, "paired_at_ms", 0), now);
        // The row as written, not the one read when the home authenticated: a link made since then counts.
        AttributeValue linked = row.get(HomeDirectory.LINKED_USERS);
        int accounts = linked == null || !linked.hasSs() ? 0 : linked.ss().size();
        return schedule(accounts, beat.acknowledges(), now, retention);
    }

    /**
     * The heartbeat schedule a home is told. Only a connector with receipts gets the rare one: its
     * liveness comes from receipts. An unpaired home beats often, because the answer is how it learns
     * that its code was claimed.
     *
     * @param linkedAccounts the Amazon accounts linked to the home now (paired: at least one)
     */
    HeartbeatAck schedule(int linkedAccounts, boolean acks, long now, HomeRetention retention) {
        boolean paired = linkedAccounts > 0;
        if (!acks) {
            return new HeartbeatAck(
                    paired,
                    now,
                    (int) LEGACY_INTERVAL.toSeconds(),
                    (int) Home.LEGACY_STALE_AFTER.toSeconds(),
                    retention,
                    linkedAccounts);
        }
        Duration interval = paired ? heartbeatInterval : UNPAIRED_INTERVAL;
        return new HeartbeatAck(
                paired, now, (int) interval.toSeconds(), (int) staleAfter.toSeconds(), retention, linkedAccounts);
    }
}
