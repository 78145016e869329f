package io.musicassistant.alexa.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.Gzip;
import io.musicassistant.alexa.relay.protocol.ProtocolException;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.ReplyTable;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends one command to a home and waits for its reply: SQS out, DynamoDB back. A home that is
 * known to be offline fails at once; otherwise the reply row is read with strongly consistent reads
 * on a short, growing interval until the command's deadline. A connector with receipts writes the
 * row the moment it takes the command; a row still missing after the receipt timeout means the
 * home stopped listening: it is marked suspect ({@link HomeLiveness}) and the directive answers
 * "offline" at once rather than after the whole relay timeout.
 */
public final class RelayClient {

    private static final JsonLog LOG = JsonLog.get(RelayClient.class);
    /** Poll intervals in ms; the last repeats. Replies usually land within tens of milliseconds. */
    private static final long[] POLL_MS = {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 32, 50};

    /** A hint rides on a directive Alexa is waiting for: it may cost that directive this much at most. */
    static final Duration HINT_SEND_TIMEOUT = Duration.ofMillis(300);

    private final SqsClient sqs;
    private final DynamoDbClient dynamo;
    private final String replyTable;
    private final Clock clock;
    private final Duration staleAfter;
    private final HomeLiveness liveness;
    private final Duration ackTimeout;
    private final java.util.concurrent.atomic.AtomicLong replyReads = new java.util.concurrent.atomic.AtomicLong();

    public RelayClient(
            SqsClient sqs,
            DynamoDbClient dynamo,
            Tables tables,
            Clock clock,
            Duration staleAfter,
            HomeLiveness liveness,
            Duration ackTimeout) {
        this.sqs = sqs;
        this.dynamo = dynamo;
        this.replyTable = tables.name(Tables.REPLIES);
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.liveness = liveness;
        this.ackTimeout = ackTimeout;
    }

    /** Runs {@code command} at {@code home}; returns its result or throws {@link RelayException}. */
    public JsonNode call(Home home, RelayProtocol.Command command, Object args, Instant deadline) {
        long started = System.nanoTime();
        Instant sentAt = clock.instant();
        String requestId = send(home, command, args, deadline, null);
        long sentNanos = System.nanoTime() - started;
        RelayReply reply = awaitReply(home, requestId, sentAt, deadline);
        long totalMs = (System.nanoTime() - started) / 1_000_000;
        LOG.info(
                "relay.call",
                "command",
                command.wireName(),
                "relay_request_id",
                requestId,
                "instance_id",
                home.instanceId(),
                "status",
                reply.status(),
                "send_ms",
                sentNanos / 1_000_000,
                "round_trip_ms",
                totalMs);
        if (!reply.isOk()) {
            String code = reply.error() == null ? "internal" : reply.error().code();
            String why = reply.error() == null ? "" : reply.error().message();
            throw new RelayException(
                    RelayException.Failure.REMOTE_ERROR,
                    code,
                    command.wireName() + " failed at home: " + code + " " + why);
        }
        return reply.result();
    }

    /**
     * Sends a hint the home answers with no reply ({@link RelayProtocol.Command#replied()} false)
     * and does not wait. A hint that cannot be sent is only logged: nothing depends on it.
     */
    public void tell(Home home, RelayProtocol.Command command, Object args, Instant deadline) {
        try {
            send(home, command, args, deadline, HINT_SEND_TIMEOUT);
        } catch (RelayException e) {
            LOG.warn(
                    "relay.hint_not_sent",
                    "command",
                    command.wireName(),
                    "instance_id",
                    home.instanceId(),
                    "failure",
                    e.failure().name());
        }
    }

    /** @param timeout a tighter bound for this one send (hints), or null for the client's own */
    private String send(Home home, RelayProtocol.Command command, Object args, Instant deadline, Duration timeout) {
        Instant now = clock.instant();
        home.requireOnline(now, staleAfter);
        if (!now.isBefore(deadline)) {
            throw new RelayException(RelayException.Failure.TIMEOUT, "no time left to ask the home");
        }
        String requestId = UUID.randomUUID().toString();
        RelayCommand message = new RelayCommand(
                RelayProtocol.VERSION,
                requestId,
                command.wireName(),
                RelayJson.tree(args),
                deadline.toEpochMilli(),
                now.toEpochMilli());
        String body = RelayJson.write(message);
        if (body.getBytes(StandardCharsets.UTF_8).length > RelayProtocol.MAX_COMMAND_BYTES) {
            throw new IllegalArgumentException("relay command too large");
        }
        try {
            sqs.sendMessage(b -> {
                b.queueUrl(home.queueUrl()).messageBody(body);
                if (timeout != null) {
                    b.overrideConfiguration(o -> o.apiCallTimeout(timeout));
                }
            });
        } catch (SdkException e) {
            throw new RelayException(
                    RelayException.Failure.SEND_FAILED,
                    "cannot send to the home's queue: " + e.getClass().getSimpleName());
        }
        return requestId;
    }

    private RelayReply awaitReply(Home home, String requestId, Instant sentAt, Instant deadline) {
        String instanceId = home.instanceId();
        Map<String, AttributeValue> key = Attrs.key(ReplyTable.KEY, ReplyTable.key(instanceId, requestId));
        // Receipts are judged only for connectors that write them; a probe's receipt clears the suspicion.
        boolean awaitingReceipt = home.acks() && liveness != null;
        boolean probe = home.probeAt() != null && home.suspectSince() == null;
        long receiptBy = clock.millis() + ackTimeout.toMillis();
        // Connectors with receipts also write progress marks while a command runs (ReplyTable.PROGRESS).
        final boolean judgeProgress = home.acks() && liveness != null;
        String lastProgress = null;
        long lastSignMs = 0;
        int attempt = 0;
        while (true) {
            replyReads.incrementAndGet();
            Map<String, AttributeValue> item = dynamo.getItem(
                            b -> b.tableName(replyTable).key(key).consistentRead(true))
                    .item();
            boolean present = item != null && !item.isEmpty();
            if (present && awaitingReceipt) {
                awaitingReceipt = false;
                if (probe) {
                    liveness.cleared(home);
                }
            }
            if (present && ReplyTable.STATE_DONE.equals(Attrs.str(item, ReplyTable.STATE))) {
                return decode(item, requestId);
            }
            if (present && judgeProgress) {
                String progress = item.containsKey(ReplyTable.PROGRESS)
                        ? item.get(ReplyTable.PROGRESS).n()
                        : "0";
                if (!progress.equals(lastProgress)) {
                    lastProgress = progress;
                    lastSignMs = clock.millis();
                } else if (clock.millis() - lastSignMs > ReplyTable.PROGRESS_SILENCE_MS) {
                    liveness.markSuspect(home, sentAt, clock.instant());
                    throw new RelayException(
                            RelayException.Failure.HOME_OFFLINE,
                            "home " + instanceId + " stopped working on the command (no progress for "
                                    + ReplyTable.PROGRESS_SILENCE_MS + " ms)");
                }
            }
            if (awaitingReceipt && clock.millis() >= receiptBy) {
                liveness.markSuspect(home, sentAt, clock.instant());
                throw new RelayException(
                        RelayException.Failure.HOME_OFFLINE,
                        "home " + instanceId + " is offline (no receipt within " + ackTimeout.toMillis() + " ms)");
            }
            long waitMs = POLL_MS[Math.min(attempt++, POLL_MS.length - 1)];
            if (awaitingReceipt) {
                waitMs = Math.max(1, Math.min(waitMs, receiptBy - clock.millis()));
            }
            long leftMs = deadline.toEpochMilli() - clock.millis();
            if (leftMs <= 0) {
                throw new RelayException(
                        RelayException.Failure.TIMEOUT, "no reply from " + instanceId + " before the deadline");
            }
            sleep(Math.min(waitMs, leftMs));
        }
    }

    private static RelayReply decode(Map<String, AttributeValue> item, String requestId) {
        try {
            byte[] packed = Attrs.bytes(item, ReplyTable.REPLY_GZ);
            String json = packed != null
                    ? Gzip.decompress(packed, RelayProtocol.MAX_REPLY_BYTES)
                    : Attrs.str(item, ReplyTable.REPLY);
            if (json == null || json.length() > RelayProtocol.MAX_REPLY_BYTES) {
                throw new ProtocolException("reply missing or too large");
            }
            RelayReply reply = RelayJson.read(json, RelayReply.class);
            if (!requestId.equals(reply.requestId())
                    || reply.v() < RelayProtocol.MIN_SUPPORTED_VERSION
                    || reply.v() > RelayProtocol.VERSION) {
                throw new ProtocolException("reply does not answer this request");
            }
            return reply;
        } catch (ProtocolException e) {
            throw new RelayException(RelayException.Failure.BAD_REPLY, "unreadable reply: " + e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayException(RelayException.Failure.TIMEOUT, "interrupted while waiting");
        }
    }

    /** Strongly consistent reads of reply rows so far (the cost model's per-directive reads, docs/cost.md). */
    public long replyReads() {
        return replyReads.get();
    }

    /** For callers that want to decode a result into a protocol record. */
    public static <T> T as(JsonNode result, Class<T> type) {
        try {
            return RelayJson.convert(result, type);
        } catch (ProtocolException e) {
            throw new RelayException(
                    RelayException.Failure.BAD_REPLY, "unreadable " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
