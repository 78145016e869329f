package io.musicassistant.alexa.testing;

import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.ReplyTable;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The home end of the relay for the cloud's own tests: it long-polls the home's real queue in
 * ElasticMQ and writes replies to the real reply table in Moto's DynamoDB, answering with a script
 * instead of a connector and Music Assistant (those are exercised end to end in local-stack).
 */
public final class ScriptedHome implements AutoCloseable {

    /** A receive's whole budget: its 1 s wait and the emulator's answer. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(5);

    private final SqsClient sqs;
    private final DynamoDbClient dynamo;
    private final String queueUrl;
    private final String table;
    private final String instanceId;
    private final Function<RelayCommand, RelayReply> script;
    private final List<RelayCommand> received = new CopyOnWriteArrayList<>();
    private final List<RelayCommand> hints = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile boolean listening = true;
    private volatile boolean receipts;
    private volatile long replyDelayMs;
    private volatile boolean diesMidCommand;
    private final Thread thread;

    public ScriptedHome(CloudFixture cloud, CloudFixture.Home home, Function<RelayCommand, RelayReply> script) {
        this.sqs = cloud.wiring.aws().sqs();
        this.dynamo = cloud.wiring.aws().dynamoDb();
        this.queueUrl = cloud.queueUrl(home);
        this.table = cloud.wiring.tables().name(io.musicassistant.alexa.platform.Tables.REPLIES);
        this.instanceId = home.instanceId();
        this.script = script;
        this.thread = Thread.ofPlatform().daemon().name("scripted-home").start(this::loop);
    }

    /** Writes a receipt row the moment a command arrives, as connectors with receipts do (heartbeat with acks). */
    public ScriptedHome withReceipts() {
        receipts = true;
        return this;
    }

    /** Answers each command this much later (a slow Music Assistant), after its receipt. */
    public ScriptedHome replyingAfter(long ms) {
        replyDelayMs = ms;
        return this;
    }

    /** Acknowledges the next commands, then neither works on them nor answers: a connector killed mid-command. */
    public void dyingMidCommand(boolean on) {
        diesMidCommand = on;
    }

    /** Stops or resumes polling the queue, as a connector whose poller hangs, or whose network is gone. */
    public void listening(boolean on) {
        listening = on;
    }

    /** The commands the cloud waited for an answer to. */
    public List<RelayCommand> received() {
        return received;
    }

    /** The hints it sent without waiting ({@code stream.prefetch}), which get no reply, as at a real connector. */
    public List<RelayCommand> hints() {
        return hints;
    }

    private void loop() {
        while (!closed) {
            try {
                serveOnce();
            } catch (RuntimeException e) {
                // An emulator call timed out on a loaded machine: a real connector polls on, and so does this.
                sleep(100);
            }
        }
    }

    private void serveOnce() {
        if (!listening) {
            sleep(50);
            return;
        }
        // The cloud's SQS client cuts an attempt at 1 s, as long as this poll waits: a poll cut by the client
        // while ElasticMQ hands it a command loses that command for the visibility timeout (30 s), and the
        // cloud's call times out. The poll gets the time a connector's has, beyond its wait.
        var messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .waitTimeSeconds(1)
                        .maxNumberOfMessages(10)
                        .overrideConfiguration(
                                o -> o.apiCallAttemptTimeout(POLL_TIMEOUT).apiCallTimeout(POLL_TIMEOUT)))
                .messages();
        for (var m : messages) {
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            RelayCommand command = RelayJson.read(m.body(), RelayCommand.class);
            if (!RelayProtocol.Command.byWireName(command.command())
                    .map(RelayProtocol.Command::replied)
                    .orElse(true)) {
                hints.add(command);
                continue;
            }
            received.add(command);
            if (receipts) {
                dynamo.putItem(b -> b.tableName(table)
                        .item(Map.of(
                                ReplyTable.KEY, AttributeValue.fromS(ReplyTable.key(instanceId, command.id())),
                                ReplyTable.STATE, AttributeValue.fromS(ReplyTable.STATE_RECEIVED),
                                ReplyTable.EXPIRES_AT,
                                        AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 + 600)))));
            }
            if (diesMidCommand) {
                continue;
            }
            workFor(command, replyDelayMs);
            RelayReply reply = script.apply(command);
            if (reply != null) {
                dynamo.putItem(b -> b.tableName(table)
                        .item(Map.of(
                                ReplyTable.KEY, AttributeValue.fromS(ReplyTable.key(instanceId, command.id())),
                                ReplyTable.STATE, AttributeValue.fromS(ReplyTable.STATE_DONE),
                                ReplyTable.REPLY, AttributeValue.fromS(RelayJson.write(reply)),
                                ReplyTable.EXPIRES_AT,
                                        AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 + 600)))));
            }
        }
    }

    /** A slow command, with the "still working" marks a connector writes while it runs one. */
    private void workFor(RelayCommand command, long ms) {
        long end = System.currentTimeMillis() + ms;
        long n = 0;
        while (System.currentTimeMillis() < end) {
            sleep(Math.min(ReplyTable.PROGRESS_INTERVAL_MS, end - System.currentTimeMillis()));
            if (receipts && System.currentTimeMillis() < end) {
                long mark = ++n;
                dynamo.putItem(b -> b.tableName(table)
                        .item(Map.of(
                                ReplyTable.KEY, AttributeValue.fromS(ReplyTable.key(instanceId, command.id())),
                                ReplyTable.STATE, AttributeValue.fromS(ReplyTable.STATE_RECEIVED),
                                ReplyTable.PROGRESS, AttributeValue.fromN(Long.toString(mark)),
                                ReplyTable.EXPIRES_AT,
                                        AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 + 600)))));
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
