package io.musicassistant.alexa.music;

import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.Gzip;
import io.musicassistant.alexa.relay.protocol.ProtocolException;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The music skill's DynamoDB state: resolved content per home (so that Initiate and the queue
 * directives need no relay round trip) and the modes of queues whose modes the user changed.
 * Both are read together in one BatchGetItem on the hot path.
 */
public final class PlaybackStore {

    private static final String DATA = "data";

    private final DynamoDbClient dynamo;
    private final String contentTable;
    private final String queueTable;
    private final Clock clock;
    private final Duration contentTtl;
    private final Duration queueTtl;

    public PlaybackStore(DynamoDbClient dynamo, Tables tables, Clock clock, Duration contentTtl, Duration queueTtl) {
        this.dynamo = dynamo;
        this.contentTable = tables.name(Tables.CONTENT);
        this.queueTable = tables.name(Tables.QUEUES);
        this.clock = clock;
        this.contentTtl = contentTtl;
        this.queueTtl = queueTtl;
    }

    /** The cache key of content for one home and one explicit-filter setting ({@link MusicContent#cacheKey}). */
    static String contentKey(String instanceId, String contentId, boolean explicitAllowed) {
        return instanceId + "#" + (explicitAllowed ? "x" : "c") + "#" + contentId;
    }

    /** What a queue directive needs, fetched in one round trip. */
    public record Loaded(Optional<ResolvedContent> content, Optional<QueueState> state) {}

    public Loaded load(String contentKey, String queueId, String userId) {
        var response = dynamo.batchGetItem(b -> b.requestItems(Map.of(
                contentTable,
                        KeysAndAttributes.builder()
                                .keys(Attrs.key(Tables.CONTENT.key(), contentKey))
                                .consistentRead(true)
                                .build(),
                queueTable,
                        KeysAndAttributes.builder()
                                .keys(Attrs.key(Tables.QUEUES.key(), queueId))
                                .consistentRead(true)
                                .build())));
        List<Map<String, AttributeValue>> contents = response.responses().getOrDefault(contentTable, List.of());
        List<Map<String, AttributeValue>> queues = response.responses().getOrDefault(queueTable, List.of());
        // Unprocessed keys (throttling) are treated as misses: the caller can always rebuild.
        return new Loaded(
                contents.stream().findFirst().flatMap(this::decodeContent),
                queues.stream().findFirst().flatMap(item -> decodeState(item, userId)));
    }

    public Optional<ResolvedContent> content(String contentKey) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(contentTable)
                        .key(Attrs.key(Tables.CONTENT.key(), contentKey))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : decodeContent(item);
    }

    public void saveContent(String contentKey, ResolvedContent content) {
        byte[] packed = Gzip.compress(RelayJson.write(content));
        long expires = clock.instant().plus(contentTtl).getEpochSecond();
        dynamo.putItem(b -> b.tableName(contentTable)
                .item(Map.of(
                        Tables.CONTENT.key(),
                        Attrs.s(contentKey),
                        DATA,
                        Attrs.b(packed),
                        Tables.TTL,
                        Attrs.n(expires))));
    }

    /**
     * Caches content unless a live entry exists; returns the existing entry in that case.
     * TTL deletion is lazy, so an expired row counts as absent.
     */
    public Optional<ResolvedContent> saveContentIfAbsent(String contentKey, ResolvedContent content) {
        byte[] packed = Gzip.compress(RelayJson.write(content));
        long now = clock.instant().getEpochSecond();
        try {
            dynamo.putItem(b -> b.tableName(contentTable)
                    .item(Map.of(
                            Tables.CONTENT.key(),
                            Attrs.s(contentKey),
                            DATA,
                            Attrs.b(packed),
                            Tables.TTL,
                            Attrs.n(now + contentTtl.toSeconds())))
                    .conditionExpression("attribute_not_exists(content_key) OR expires_at < :now")
                    .expressionAttributeValues(Map.of(":now", Attrs.n(now))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException live) {
            Optional<ResolvedContent> existing = content(contentKey);
            if (existing.isEmpty()) {
                saveContent(contentKey, content); // unreadable or just expired: take ours
            }
            return existing;
        }
    }

    /** Saves a queue's modes; false when the queue id belongs to another user. */
    public boolean saveState(String queueId, String userId, QueueState state) {
        long expires = clock.instant().plus(queueTtl).getEpochSecond();
        try {
            dynamo.putItem(b -> b.tableName(queueTable)
                    .conditionExpression("attribute_not_exists(user_id) OR user_id = :user")
                    .expressionAttributeValues(Map.of(":user", Attrs.s(userId)))
                    .item(Map.of(
                            Tables.QUEUES.key(),
                            Attrs.s(queueId),
                            "user_id",
                            Attrs.s(userId),
                            "shuffle",
                            Attrs.bool(state.shuffle()),
                            "loop",
                            Attrs.bool(state.loop()),
                            "repeat",
                            Attrs.bool(state.repeat()),
                            "anchor",
                            Attrs.n(state.anchor()),
                            Tables.TTL,
                            Attrs.n(expires))));
            return true;
        } catch (ConditionalCheckFailedException otherUser) {
            return false;
        }
    }

    private Optional<ResolvedContent> decodeContent(Map<String, AttributeValue> item) {
        if (Attrs.num(item, Tables.TTL, 0) < clock.instant().getEpochSecond()) {
            return Optional.empty(); // TTL deletion is lazy; an expired row is a miss
        }
        byte[] packed = Attrs.bytes(item, DATA);
        if (packed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    RelayJson.read(Gzip.decompress(packed, RelayProtocol.MAX_REPLY_BYTES), ResolvedContent.class));
        } catch (ProtocolException corrupt) {
            return Optional.empty();
        }
    }

    private Optional<QueueState> decodeState(Map<String, AttributeValue> item, String userId) {
        if (!userId.equals(Attrs.str(item, "user_id"))
                || Attrs.num(item, Tables.TTL, 0) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new QueueState(
                Attrs.flag(item, "shuffle", false),
                Attrs.flag(item, "loop", false),
                Attrs.flag(item, "repeat", false),
                (int) Attrs.num(item, "anchor", -1)));
    }
}
