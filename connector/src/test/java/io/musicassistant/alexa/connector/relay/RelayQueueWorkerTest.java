package io.musicassistant.alexa.connector.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.commands.CommandExecutor;
import io.musicassistant.alexa.connector.commands.RelayCommandHandler;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.relay.protocol.RelayCommand;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.ReplyTable;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The home end of the relay against real ElasticMQ and Moto's DynamoDB: duplicates, deadlines, bad messages. */
class RelayQueueWorkerTest {

    static final String INSTANCE = "home-0123456789abcdefghjkmnpqrs";
    final DevServices services = DevServices.shared();
    final AtomicInteger pings = new AtomicInteger();
    final AtomicInteger wasAway = new AtomicInteger();
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    SqsClient sqs;
    DynamoDbClient dynamo;
    String queueUrl;
    String table;
    RelayQueueWorker worker;
    ServerClock clock;

    @BeforeEach
    void setUp() {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        sqs = SqsClient.builder()
                .endpointOverride(services.sqsEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(creds)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        dynamo = DynamoDbClient.builder()
                .endpointOverride(services.dynamoDbEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(creds)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        queueUrl = sqs.createQueue(b -> b.queueName("worker-test-" + UUID.randomUUID()))
                .queueUrl();
        table = "worker-test-replies-" + UUID.randomUUID();
        dynamo.createTable(b -> b.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName(ReplyTable.KEY).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(ReplyTable.KEY).keyType(KeyType.HASH)));
        RelayCommandHandler slow = new RelayCommandHandler() {
            @Override
            public RelayProtocol.Command command() {
                return RelayProtocol.Command.PLAYERS_LIST;
            }

            @Override
            public JsonNode execute(JsonNode args) {
                // A Music Assistant that takes its time: the command waits until the test lets it finish.
                try {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return RelayJson.tree(Map.of("players", List.of()));
            }
        };
        RelayCommandHandler ping = new RelayCommandHandler() {
            @Override
            public RelayProtocol.Command command() {
                return RelayProtocol.Command.PING;
            }

            @Override
            public JsonNode execute(JsonNode args) {
                pings.incrementAndGet();
                return RelayJson.tree(Map.of("pong", true, "echo", args));
            }
        };
        clock = new ServerClock(Clock.systemUTC());
        worker = new RelayQueueWorker(
                sqs,
                queueUrl,
                dynamo,
                table,
                INSTANCE,
                new CommandExecutor(List.of(ping, slow), Clock.systemUTC()),
                clock,
                1);
        worker.onWasAway(wasAway::incrementAndGet);
        worker.start();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        worker.close();
    }

    String send(String command, long deadlineMs) {
        return send(command, deadlineMs, Map.of());
    }

    String send(String command, long deadlineMs, Map<String, String> args) {
        String id = UUID.randomUUID().toString();
        String body = RelayJson.write(new RelayCommand(
                RelayProtocol.VERSION, id, command, RelayJson.tree(args), deadlineMs, System.currentTimeMillis()));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        return body;
    }

    RelayReply awaitReply(String id, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            var item = row(id);
            if (item != null
                    && ReplyTable.STATE_DONE.equals(item.get(ReplyTable.STATE).s())) {
                return RelayJson.read(item.get(ReplyTable.REPLY).s(), RelayReply.class);
            }
            sleep(20);
        }
        return null;
    }

    Map<String, AttributeValue> row(String id) {
        var item = dynamo.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(ReplyTable.KEY, AttributeValue.fromS(ReplyTable.key(INSTANCE, id)))))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** The reply row's state, or null while there is none. */
    String rowState(String id) {
        var item = row(id);
        return item == null ? null : item.get(ReplyTable.STATE).s();
    }

    static String idOf(String body) {
        return RelayJson.read(body, RelayCommand.class).id();
    }

    @Test
    void aCommandIsExecutedAndAnsweredInItsOwnReplyRow() {
        String body = send("ping", System.currentTimeMillis() + 5000);
        RelayReply reply = awaitReply(idOf(body), 5000);
        assertTrue(reply != null && reply.isOk());
        assertTrue(reply.result().path("pong").asBoolean());
        assertEquals(1, pings.get());
    }

    @Test
    void textWithCharactersSqsRefusesRawStillTravels() {
        // U+FFFE and U+FFFF in a raw message body make SQS (and ElasticMQ) refuse the send; RelayJson escapes them.
        String text = "a\uFFFFb\uFFFE tab\t \u0001 Sigur Rós \uD83C\uDFB5";
        String body = send("ping", System.currentTimeMillis() + 5000, Map.of("text", text));
        RelayReply reply = awaitReply(idOf(body), 5000);
        assertTrue(reply != null && reply.isOk());
        assertEquals(text, reply.result().path("echo").path("text").asText());
    }

    @Test
    void aDuplicateDeliveryIsExecutedOnce() {
        String body = send("ping", System.currentTimeMillis() + 5000);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        assertTrue(awaitReply(idOf(body), 5000) != null);
        sleep(500);
        assertEquals(1, pings.get());
        assertEquals(1, worker.executedCount());
        assertTrue(worker.droppedCount() >= 1);
    }

    @Test
    void aCommandPastItsDeadlineIsDroppedUnexecuted() {
        String body = send("ping", System.currentTimeMillis() - 1);
        String fresh = send("ping", System.currentTimeMillis() + 5000);
        assertTrue(awaitReply(idOf(fresh), 5000) != null, "the fresh command still runs");
        assertEquals(null, awaitReply(idOf(body), 300));
        assertEquals(1, pings.get());
        // What a home that was silent finds later: not run, not acknowledged, but a reason to heartbeat now.
        assertEquals(null, row(idOf(body)), "no receipt for a command the cloud has long answered");
        assertEquals(1, wasAway.get());
    }

    @Test
    void aCommandIsAcknowledgedBeforeMusicAssistantAnswers() {
        String body = send("players.list", System.currentTimeMillis() + 8000);
        long until = System.currentTimeMillis() + 5000;
        while (rowState(idOf(body)) == null && System.currentTimeMillis() < until) {
            sleep(20);
        }
        assertEquals(
                ReplyTable.STATE_RECEIVED, rowState(idOf(body)), "the receipt is there while the command still runs");
        release.countDown();
        RelayReply reply = awaitReply(idOf(body), 5000);
        assertTrue(reply != null && reply.isOk(), "the reply replaces the receipt");
    }

    @Test
    void aReceiptNeverOverwritesAReply() {
        ReplyWriter writer = new ReplyWriter(dynamo, table, INSTANCE, clock);
        String id = UUID.randomUUID().toString();
        writer.write(RelayReply.ok(id, RelayJson.tree(Map.of("pong", true)), clock.millis()));
        writer.receipt(id);
        assertEquals(ReplyTable.STATE_DONE, rowState(id));
        String claimed = UUID.randomUUID().toString();
        assertTrue(writer.claim(claimed));
        writer.receipt(claimed);
        assertEquals(ReplyTable.STATE_CLAIMED, rowState(claimed));
    }

    @Test
    void unknownMalformedAndFutureVersionMessagesNeverCrashTheWorker() {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("not json"));
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody("{\"v\":99,\"id\":\"" + UUID.randomUUID()
                        + "\",\"command\":\"ping\",\"deadline_ms\":9999999999999,\"sent_at_ms\":0}"));
        String unknown = send("format.disk", System.currentTimeMillis() + 5000);
        RelayReply reply = awaitReply(idOf(unknown), 5000);
        assertEquals("unknown_command", reply.error().code());
        String ping = send("ping", System.currentTimeMillis() + 5000);
        assertTrue(awaitReply(idOf(ping), 5000).isOk());
        assertEquals(2, worker.droppedCount());
    }

    @Test
    void deadlinesAreJudgedOnTheCloudsClock() {
        String body = send("ping", System.currentTimeMillis() + 3000);
        assertTrue(awaitReply(idOf(body), 5000) != null);
        // The heartbeat says the cloud's clock is 10 s ahead of this home's: a 3 s deadline has passed.
        long local = System.currentTimeMillis();
        clock.observe(local, local, local + 10_000);
        String late = send("ping", System.currentTimeMillis() + 3000);
        assertEquals(null, awaitReply(idOf(late), 1000));
        assertEquals(1, pings.get());
    }

    @Test
    void mutatingCommandsAreClaimedDurablyOnce() {
        // Two connectors of one home (or a restart) share the reply table: the first claim wins.
        ReplyWriter first = new ReplyWriter(dynamo, table, INSTANCE, clock);
        ReplyWriter second = new ReplyWriter(dynamo, table, INSTANCE, clock);
        String id = UUID.randomUUID().toString();
        assertTrue(first.claim(id));
        assertEquals(false, second.claim(id));
        assertEquals(false, first.claim(id));
        assertTrue(second.claim(UUID.randomUUID().toString()));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
