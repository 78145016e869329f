package io.musicassistant.alexa.connector.relay;

import io.musicassistant.alexa.relay.protocol.Gzip;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.ReplyTable;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Writes replies to the reply table, rows keyed {@code <instance id>#<request id>}. */
final class ReplyWriter {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String instanceId;
    private final ServerClock clock;

    ReplyWriter(DynamoDbClient dynamo, String table, String instanceId, ServerClock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.instanceId = instanceId;
        this.clock = clock;
    }

    /**
     * Says "received" for a read-only command, before it runs: the cloud takes a missing receipt
     * as a silent home. Never overwrites: a reply (or another delivery's receipt or claim) already there
     * wins. The worker also writes a command's reply only after its receipt, since a conditional write
     * racing a plain one is atomic in DynamoDB but not in every emulator.
     */
    void receipt(String requestId) {
        putIfAbsent(requestId, ReplyTable.STATE_RECEIVED);
    }

    /** Claims a mutating command (its claim is also its receipt); false when another delivery of it got there first. */
    boolean claim(String requestId) {
        return putIfAbsent(requestId, ReplyTable.STATE_CLAIMED);
    }

    /**
     * Says "still working" for a command whose receipt or claim is in its row: the row again with a
     * higher {@code progress}. Only while the row is not done; the worker stops these before it writes
     * the reply, so no progress write ever races the reply (a put, since the home may not update rows).
     */
    void progress(String requestId, String state, long n) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            ReplyTable.KEY, AttributeValue.fromS(ReplyTable.key(instanceId, requestId)),
                            ReplyTable.STATE, AttributeValue.fromS(state),
                            ReplyTable.PROGRESS, AttributeValue.fromN(Long.toString(n)),
                            ReplyTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt()))))
                    .conditionExpression("attribute_exists(reply_key) AND #state <> :done")
                    .expressionAttributeNames(Map.of("#state", ReplyTable.STATE))
                    .expressionAttributeValues(Map.of(":done", AttributeValue.fromS(ReplyTable.STATE_DONE))));
        } catch (ConditionalCheckFailedException notYetOrDone) {
            // no receipt yet (it is on its way) or already answered: nothing to say
        }
    }

    private boolean putIfAbsent(String requestId, String state) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            ReplyTable.KEY, AttributeValue.fromS(ReplyTable.key(instanceId, requestId)),
                            ReplyTable.STATE, AttributeValue.fromS(state),
                            ReplyTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt()))))
                    .conditionExpression("attribute_not_exists(reply_key)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    void write(RelayReply reply) {
        String json = RelayJson.write(reply);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ReplyTable.KEY, AttributeValue.fromS(ReplyTable.key(instanceId, reply.requestId())));
        item.put(ReplyTable.STATE, AttributeValue.fromS(ReplyTable.STATE_DONE));
        item.put(ReplyTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt())));
        if (json.getBytes(StandardCharsets.UTF_8).length > RelayProtocol.COMPRESS_REPLY_ABOVE_BYTES) {
            item.put(ReplyTable.REPLY_GZ, AttributeValue.fromB(SdkBytes.fromByteArray(Gzip.compress(json))));
        } else {
            item.put(ReplyTable.REPLY, AttributeValue.fromS(json));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private long expiresAt() {
        return clock.millis() / 1000 + ReplyTable.TTL_SECONDS;
    }
}
