package io.musicassistant.alexa.dev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * What the relay relies on from SQS, asked of the local SQS server the way SQS documents it: long
 * polls that wake when a message arrives, visibility timeouts, message attributes (the SDK checks
 * their MD5 itself), the characters SQS refuses, and deletes while a long poll is in flight. Runs
 * against ElasticMQ; {@code DEV_SERVICES_SQS=moto} runs it against Moto's SQS (docs/decisions.md).
 */
class SqsConformanceTest {

    private final DevServices services = DevServices.shared();
    private SqsClient sqs;
    private String queue;

    @BeforeEach
    void setUp() {
        sqs = SqsClient.builder()
                .endpointOverride(services.sqsEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        // The relay's own queue attributes (HomeRegistry): 60 s retention, 30 s visibility, 20 s waits.
        queue = sqs.createQueue(b -> b.queueName("conformance-" + UUID.randomUUID())
                        .attributes(Map.of(
                                QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60",
                                QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "20")))
                .queueUrl();
    }

    @AfterEach
    void tearDown() {
        sqs.deleteQueue(b -> b.queueUrl(queue));
        sqs.close();
    }

    @Test
    void aLongPollWakesWhenAMessageArrivesInsteadOfWaitingItsTimeOut() throws Exception {
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(() -> sqs.receiveMessage(
                        b -> b.queueUrl(queue).waitTimeSeconds(20).maxNumberOfMessages(10))
                .messages());
        Thread.sleep(300);
        assertFalse(poll.isDone(), "an empty queue's long poll waits");
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("wake up"));
        // Far below the 20 s wait: the poll ended because the message came.
        List<Message> received = poll.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("wake up"), received.stream().map(Message::body).toList());
    }

    @Test
    void aReceivedMessageStaysHiddenForItsVisibilityTimeoutAndComesBackAfterIt() {
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("once"));
        Message first = receiveOne(1);
        assertTrue(
                sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(0))
                        .messages()
                        .isEmpty(),
                "hidden while its visibility timeout runs");
        Message again = sqs.receiveMessage(b -> b.queueUrl(queue)
                        .waitTimeSeconds(5)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages()
                .getFirst();
        assertEquals(first.messageId(), again.messageId());
        assertEquals("2", again.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    }

    @Test
    void changingVisibilityToZeroHandsAMessageBackAtOnce() {
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("release me"));
        Message received = receiveOne(30);
        sqs.changeMessageVisibility(
                b -> b.queueUrl(queue).receiptHandle(received.receiptHandle()).visibilityTimeout(0));
        assertEquals(
                "release me",
                sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1))
                        .messages()
                        .getFirst()
                        .body());
    }

    @Test
    void messageAttributesArriveAsSentWithTheirChecksums() {
        byte[] binary = {0, 1, 2, (byte) 0xff};
        sqs.sendMessage(b -> b.queueUrl(queue)
                .messageBody("{\"v\":1}")
                .messageAttributes(Map.of(
                        "kind",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue("ping")
                                        .build(),
                        "deadline",
                                MessageAttributeValue.builder()
                                        .dataType("Number")
                                        .stringValue("1733450000000")
                                        .build(),
                        "blob",
                                MessageAttributeValue.builder()
                                        .dataType("Binary")
                                        .binaryValue(SdkBytes.fromByteArray(binary))
                                        .build())));
        // The SDK compares the server's MD5 of body and attributes with its own and throws on a mismatch.
        Message received = sqs.receiveMessage(
                        b -> b.queueUrl(queue).waitTimeSeconds(1).messageAttributeNames("All"))
                .messages()
                .getFirst();
        assertEquals("ping", received.messageAttributes().get("kind").stringValue());
        assertEquals(
                "1733450000000", received.messageAttributes().get("deadline").stringValue());
        assertArrayEquals(
                binary, received.messageAttributes().get("blob").binaryValue().asByteArray());
        assertTrue(received.md5OfMessageAttributes() != null
                && received.md5OfMessageAttributes().length() == 32);
    }

    @Test
    void charactersSqsRefusesAreRefusedAndEverythingElseArrivesIntact() {
        // SQS accepts #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD #x10000-#x10FFFF and refuses the rest.
        List<String> wronglyAccepted = new java.util.ArrayList<>();
        for (String refused : List.of("nul \u0000", "bell \u0007", "noncharacter \uFFFE", "noncharacter \uFFFF")) {
            try {
                sqs.sendMessage(b -> b.queueUrl(queue).messageBody(refused));
                wronglyAccepted.add(refused.substring(0, refused.indexOf(' ')));
            } catch (SqsException e) {
                assertEquals(400, e.statusCode(), refused);
            }
        }
        assertEquals(List.of(), wronglyAccepted, "bodies SQS refuses");
        sqs.purgeQueue(b -> b.queueUrl(queue));
        String accepted = "tab\t nl\n cr\r ümlaut ☃ 日本 \uD83C\uDFB5 \uE000";
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(accepted));
        assertEquals(
                accepted,
                sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1))
                        .messages()
                        .getFirst()
                        .body());
    }

    @Test
    void aDeleteWhileALongPollIsInFlightIsAnsweredAndTheMessageNeverReturns() throws Exception {
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("run once"));
        Message received = receiveOne(2);
        // The connector's next long poll is already waiting when its acknowledgement goes out.
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(() ->
                sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(5)).messages());
        Thread.sleep(200);
        var result = sqs.deleteMessageBatch(b -> b.queueUrl(queue)
                .entries(DeleteMessageBatchRequestEntry.builder()
                        .id("m1")
                        .receiptHandle(received.receiptHandle())
                        .build()));
        boolean pollStillWaiting = !poll.isDone();
        assertTrue(result.failed().isEmpty(), "deleted: " + result.failed());
        assertTrue(pollStillWaiting, "the delete was answered while the long poll still waited");
        // Past the 2 s visibility timeout: a deleted message must not come back.
        assertTrue(poll.get(15, TimeUnit.SECONDS).isEmpty(), "a deleted message was delivered again");
    }

    private Message receiveOne(int visibilitySeconds) {
        List<Message> messages = sqs.receiveMessage(
                        b -> b.queueUrl(queue).waitTimeSeconds(2).visibilityTimeout(visibilitySeconds))
                .messages();
        assertEquals(1, messages.size());
        return messages.getFirst();
    }
}
