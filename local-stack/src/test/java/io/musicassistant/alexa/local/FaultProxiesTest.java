package io.musicassistant.alexa.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.local.faults.Faults;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS faults as the SDK sees them: a dropped send looks sent, a delayed one arrives late, other queues pass. */
class FaultProxiesTest {

    private final DevServices services = DevServices.shared();

    @Test
    void aDroppedSendIsAnsweredAsSentButNeverQueued() {
        try (Faults faults = Faults.start(services)) {
            SqsClient sqs = client(faults);
            String relay = queue(sqs, "chaos-relay-");
            String other = queue(sqs, "chaos-other-");
            faults.set(
                    Faults.Fault.SQS_DROP, RelayJson.mapper().createObjectNode().put("fraction", 1.0));
            // The SDK checks the MD5 of the body in the answer: a wrong one would throw here.
            String id = sqs.sendMessage(b -> b.queueUrl(relay).messageBody("{\"dropped\":true}"))
                    .messageId();
            assertTrue(!id.isEmpty());
            sqs.sendMessage(b -> b.queueUrl(other).messageBody("kept"));
            assertEquals(List.of(), receive(sqs, relay, 1), "dropped");
            assertEquals(List.of("kept"), receive(sqs, other, 1), "only relay queues are touched");

            faults.set(
                    Faults.Fault.SQS_DROP, RelayJson.mapper().createObjectNode().put("active", false));
            sqs.sendMessage(b -> b.queueUrl(relay).messageBody("after"));
            assertEquals(List.of("after"), receive(sqs, relay, 1), "cleared");
        }
    }

    @Test
    void aDelayedSendArrivesOnlyAfterTheDelay() {
        try (Faults faults = Faults.start(services)) {
            SqsClient sqs = client(faults);
            String relay = queue(sqs, "chaos-relay-");
            faults.set(
                    Faults.Fault.SQS_DELAY,
                    RelayJson.mapper().createObjectNode().put("ms", 2000));
            sqs.sendMessage(b -> b.queueUrl(relay).messageBody("late"));
            assertEquals(List.of(), receive(sqs, relay, 0), "not yet");
            assertEquals(List.of("late"), receive(sqs, relay, 10), "after the delay");
        }
    }

    /** Without the cloud's short call timeouts, which a long poll would exceed. */
    private SqsClient client(Faults faults) {
        return SqsClient.builder()
                .endpointOverride(faults.sqsEndpoint())
                .region(Region.of(services.region()))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static String queue(SqsClient sqs, String prefix) {
        return sqs.createQueue(
                        b -> b.queueName(prefix + UUID.randomUUID().toString().substring(0, 8)))
                .queueUrl();
    }

    private static List<String> receive(SqsClient sqs, String queue, int waitSeconds) {
        return sqs
                .receiveMessage(
                        b -> b.queueUrl(queue).waitTimeSeconds(waitSeconds).maxNumberOfMessages(10))
                .messages()
                .stream()
                .map(Message::body)
                .toList();
    }
}
