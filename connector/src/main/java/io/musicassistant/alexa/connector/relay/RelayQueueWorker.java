package io.musicassistant.alexa.connector.relay;

import io.musicassistant.alexa.connector.commands.CommandExecutor;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.log.LogContext;
import io.musicassistant.alexa.relay.protocol.ProtocolException;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.ReplyTable;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Long-polls the home's relay queue and runs what arrives. Each command is checked before it runs:
 * a malformed or unsupported one is dropped, one past its deadline is dropped unexecuted (the cloud
 * has already answered Alexa), and a duplicate delivery is skipped — in memory for every command,
 * durably in the reply table for commands that change something. Commands run concurrently.
 * Each command the cloud waits for is acknowledged in its reply row before it runs (a receipt, or
 * the claim of a mutating command), so the cloud can tell a slow Music Assistant from a home
 * that stopped listening.
 * The worker owns the SQS client it is given and closes it when its poll loop ends.
 */
public final class RelayQueueWorker implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(RelayQueueWorker.class);
    private static final int SEEN_IDS = 10_000;
    /**
     * A command taken this long after it was sent may have missed its receipt deadline at the cloud
     * (RELAY_ACK_TIMEOUT_MS, 700 ms by default; the clocks agree to within the heartbeat's round trip).
     */
    static final long LATE_RECEIPT_MS = 400;

    static final long AWAY_SPACING_MS = 5_000;

    private final SqsClient sqs;
    private final String queueUrl;
    private final ReplyWriter replies;
    private final CommandExecutor executor;
    private final ServerClock clock;
    private final int pollSeconds;
    private final ExecutorService running = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SEEN_IDS;
        }
    };
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong receives = new AtomicLong();
    private volatile Runnable wasAway = () -> {};
    private final AtomicLong lastAway = new AtomicLong();
    private volatile boolean closed;
    private volatile Polling polling;
    private Thread poller;

    public RelayQueueWorker(
            SqsClient sqs,
            String queueUrl,
            DynamoDbClient dynamo,
            String replyTable,
            String instanceId,
            CommandExecutor executor,
            ServerClock clock,
            int pollSeconds) {
        this.sqs = sqs;
        this.pollSeconds = pollSeconds;
        this.queueUrl = queueUrl;
        this.replies = new ReplyWriter(dynamo, replyTable, instanceId, clock);
        this.executor = executor;
        this.clock = clock;
    }

    public synchronized void start() {
        if (poller == null) {
            poller = Thread.ofPlatform().daemon().name("relay-poller").start(this::pollLoop);
        }
    }

    /**
     * Called when this worker finds signs that it was not listening for a while (commands past their
     * deadline in the queue, polling that works again after failures): the cloud may have judged the
     * home silent, and a heartbeat now tells it otherwise sooner than the next probe would.
     */
    public void onWasAway(Runnable action) {
        this.wasAway = action;
    }

    /** ReceiveMessage calls made so far (the cost model's idle traffic, docs/cost.md). */
    public long receiveCount() {
        return receives.get();
    }

    /**
     * How the long polls of the relay queue go (the status page); it changes only when that does.
     *
     * @param sinceMs when polls started to work, or to fail
     * @param failures polls failed in a row (0 while they work)
     * @param error the kind of the last failure while failing, else null
     */
    public record Polling(long sinceMs, int failures, String error) {
        public boolean ok() {
            return failures == 0;
        }
    }

    /** Null before the first poll returned or failed. */
    public Polling polling() {
        return polling;
    }

    public long executedCount() {
        return executed.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    private void pollLoop() {
        try {
            poll();
        } finally {
            // The poller owns the client: a long poll in flight cannot be aborted, so it closes it when done.
            sqs.close();
        }
    }

    private void poll() {
        int failures = 0;
        while (!closed) {
            try {
                receives.incrementAndGet();
                List<Message> messages = sqs.receiveMessage(b ->
                                b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(pollSeconds))
                        .messages();
                if (failures > 0) {
                    wasAway();
                }
                failures = 0;
                if (polling == null || !polling.ok()) {
                    polling = new Polling(System.currentTimeMillis(), 0, null);
                }
                if (messages.isEmpty()) {
                    continue;
                }
                if (closed) {
                    release(messages);
                    break;
                }
                acknowledge(messages);
                for (Message message : messages) {
                    accept(message.body());
                }
            } catch (SdkException e) {
                if (closed) {
                    break;
                }
                failures++;
                Polling before = polling;
                long since = before == null || before.ok() ? System.currentTimeMillis() : before.sinceMs();
                polling = new Polling(since, failures, e.getClass().getSimpleName());
                LOG.warn("relay.poll_failed", e, "attempt", failures);
                sleep(Duration.ofMillis(Math.min(30_000, 500L << Math.min(failures, 6))));
            }
        }
    }

    /** A worker that is stopping hands what it just received back to the queue, for its successor. */
    private void release(List<Message> messages) {
        for (Message m : messages) {
            try {
                sqs.changeMessageVisibility(b ->
                        b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            } catch (RuntimeException e) {
                LOG.warn("relay.release_failed", e);
            }
        }
    }

    /** Deleting at once is safe: a command is never worth running twice or late, and replies carry the result. */
    private void acknowledge(List<Message> messages) {
        List<DeleteMessageBatchRequestEntry> entries = messages.stream()
                .map(m -> DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId().replaceAll("[^A-Za-z0-9_-]", "_"))
                        .receiptHandle(m.receiptHandle())
                        .build())
                .toList();
        submit(() -> {
            try {
                var failed = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries))
                        .failed();
                if (!failed.isEmpty()) {
                    // Harmless: a redelivery comes after its deadline and is dropped; worth knowing, though.
                    LOG.warn("relay.ack_partly_failed", "failed", failed.size());
                }
            } catch (SdkException e) {
                LOG.warn("relay.ack_failed", e);
            }
        });
    }

    /** Checks and runs one command body. Package-visible so tests can feed bodies directly. */
    void accept(String body) {
        RelayCommand command;
        try {
            command = RelayJson.read(body, RelayCommand.class);
        } catch (ProtocolException e) {
            dropped.incrementAndGet();
            LOG.warn("relay.malformed_command", "reason", e.getMessage());
            return;
        }
        if (command.v() < RelayProtocol.MIN_SUPPORTED_VERSION
                || command.v() > RelayProtocol.VERSION
                || !RelayProtocol.REQUEST_ID.matcher(command.id()).matches()) {
            dropped.incrementAndGet();
            LOG.warn("relay.unsupported_command", "v", command.v());
            return;
        }
        if (command.expiredAt(clock.millis())) {
            // Neither run nor acknowledged: the cloud answered Alexa long ago.
            dropped.incrementAndGet();
            LOG.info(
                    "relay.expired_dropped",
                    "relay_request_id",
                    command.id(),
                    "command",
                    command.command(),
                    "late_ms",
                    clock.millis() - command.deadlineMs());
            wasAway();
            return;
        }
        if (!firstSighting(command.id())) {
            dropped.incrementAndGet();
            LOG.info("relay.duplicate_dropped", "relay_request_id", command.id());
            return;
        }
        if (clock.millis() - command.sentAtMs() > LATE_RECEIPT_MS) {
            // The cloud may have given up on this receipt and judged the home silent: say otherwise.
            LOG.info(
                    "relay.received_late",
                    "relay_request_id",
                    command.id(),
                    "queued_ms",
                    clock.millis() - command.sentAtMs());
            wasAway();
        }
        var known = RelayProtocol.Command.byWireName(command.command());
        CompletableFuture<Void> receipt = CompletableFuture.completedFuture(null);
        if (known.map(c -> c.replied() && !c.mutating()).orElse(true)) {
            // Beside the command, not before it: the receipt must not add its write to the answer's time.
            try {
                receipt = CompletableFuture.runAsync(() -> receipt(command.id()), running);
            } catch (RejectedExecutionException stopping) {
                LOG.info("relay.skipped_while_stopping");
                return;
            }
        }
        CompletableFuture<Void> received = receipt;
        submit(() -> run(command, received));
    }

    /** Runs on a virtual thread; after {@link #close()} there is nothing left to run it on. */
    private void submit(Runnable task) {
        try {
            running.submit(task);
        } catch (RejectedExecutionException stopping) {
            LOG.info("relay.skipped_while_stopping");
        }
    }

    /** @param receipt the receipt's write; the reply waits for it, so that a receipt never lands on a reply */
    private void run(RelayCommand command, CompletableFuture<Void> receipt) {
        try (var ignored = LogContext.put("relay_request_id", command.id())) {
            long started = System.nanoTime();
            var known = RelayProtocol.Command.byWireName(command.command());
            boolean mutating = known.map(RelayProtocol.Command::mutating).orElse(false);
            if (mutating && !replies.claim(command.id())) {
                dropped.incrementAndGet();
                LOG.info("relay.duplicate_dropped", "durable", true);
                return;
            }
            boolean replied = known.map(RelayProtocol.Command::replied).orElse(true);
            ProgressMarks progress = replied
                    ? ProgressMarks.start(
                            replies,
                            command.id(),
                            mutating ? ReplyTable.STATE_CLAIMED : ReplyTable.STATE_RECEIVED,
                            receipt)
                    : null;
            RelayReply reply;
            try {
                reply = executor.execute(command);
            } finally {
                if (progress != null) {
                    progress.stop();
                }
            }
            if (command.expiredAt(clock.millis())) {
                LOG.info("relay.finished_late", "command", command.command());
            }
            if (replied) {
                receipt.join();
                replies.write(reply);
            }
            executed.incrementAndGet();
            LOG.info(
                    "relay.executed",
                    "command",
                    command.command(),
                    "status",
                    reply.status(),
                    "elapsed_ms",
                    (System.nanoTime() - started) / 1_000_000,
                    "queued_ms",
                    Math.max(0, clock.millis() - command.sentAtMs()));
        } catch (RuntimeException e) {
            LOG.error("relay.reply_failed", e, "command", command.command());
        }
    }

    /** At most one "I was away" per {@link #AWAY_SPACING_MS}: a backlog of late commands is one heartbeat. */
    private void wasAway() {
        long now = System.nanoTime();
        long last = lastAway.get();
        if ((last == 0 || now - last > AWAY_SPACING_MS * 1_000_000) && lastAway.compareAndSet(last, now)) {
            wasAway.run();
        }
    }

    private void receipt(String requestId) {
        try {
            replies.receipt(requestId);
        } catch (RuntimeException e) {
            LOG.warn("relay.receipt_failed", e, "relay_request_id", requestId);
        }
    }

    private synchronized boolean firstSighting(String requestId) {
        return seen.put(requestId, Boolean.TRUE) == null;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the poll loop has ended (its last long poll returned), at most {@code timeout}. */
    public boolean awaitStopped(Duration timeout) {
        Thread t = poller;
        if (t == null) {
            return true;
        }
        try {
            return t.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        // No interrupt: the SDK aborts an interrupted call after SQS has handed it messages, which
        // would hide them for the visibility timeout. The poller sees the flag and releases them.
        closed = true;
        running.shutdown();
        try {
            running.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
