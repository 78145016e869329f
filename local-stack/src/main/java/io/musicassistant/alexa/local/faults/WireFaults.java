package io.musicassistant.alexa.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SQS and DynamoDB faults, made at the wire by the two proxies in front of the emulators: the
 * stack's AWS clients (and the SDK's retries) meet them as they would meet AWS's own. {@link Faults}
 * decides which are on; the proxies read these settings on every call, from their own threads.
 */
final class WireFaults implements AutoCloseable {

    private static final byte[] THROTTLED =
            ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                            + "\"message\":\"The level of configured provisioned throughput for the table was exceeded. Consider increasing your"
                            + " provisioning level with the UpdateTable API.\"}")
                    .getBytes(StandardCharsets.UTF_8);

    private final FaultProxy sqsProxy;
    private final FaultProxy dynamoProxy;
    private volatile double throttleFraction;
    private final AtomicLong throttled = new AtomicLong();
    private volatile int sqsDelaySeconds;
    private volatile double sqsDropFraction;

    WireFaults(DevServices services) throws IOException {
        this.sqsProxy = new FaultProxy(services.sqsEndpoint(), this::sqs);
        FaultProxy dynamo;
        try {
            dynamo = new FaultProxy(services.dynamoDbEndpoint(), this::dynamoDb);
        } catch (IOException e) {
            sqsProxy.close();
            throw e;
        }
        this.dynamoProxy = dynamo;
    }

    URI sqsEndpoint() {
        return sqsProxy.endpoint();
    }

    URI dynamoDbEndpoint() {
        return dynamoProxy.endpoint();
    }

    long throttledCalls() {
        return throttled.get();
    }

    /** 0 passes every call. */
    void throttleDynamoDb(double fraction) {
        throttleFraction = fraction;
    }

    /** 0 delivers at once. */
    void delaySqsSends(int seconds) {
        sqsDelaySeconds = seconds;
    }

    /** 0 drops none. */
    void dropSqsSends(double fraction) {
        sqsDropFraction = fraction;
    }

    private FaultProxy.Action dynamoDb(String method, String target, byte[] body) {
        double fraction = throttleFraction;
        if (fraction > 0
                && target.startsWith("DynamoDB_")
                && ThreadLocalRandom.current().nextDouble() < fraction) {
            throttled.incrementAndGet();
            return new FaultProxy.Answer(400, "application/x-amz-json-1.0", THROTTLED);
        }
        return new FaultProxy.Forward(body);
    }

    /** Only sends to a home's relay queue are touched; everything else (polls, deletes, replies) passes. */
    private FaultProxy.Action sqs(String method, String target, byte[] body) {
        int delay = sqsDelaySeconds;
        double drop = sqsDropFraction;
        if ((delay == 0 && drop == 0) || !target.equals("AmazonSQS.SendMessage")) {
            return new FaultProxy.Forward(body);
        }
        JsonNode request;
        try {
            request = RelayJson.mapper().readTree(body);
        } catch (IOException e) {
            return new FaultProxy.Forward(body);
        }
        if (!(request instanceof ObjectNode send)
                || !send.path("QueueUrl").asText().contains("relay-")) {
            return new FaultProxy.Forward(body);
        }
        if (drop > 0 && ThreadLocalRandom.current().nextDouble() < drop) {
            // Answered as SQS would (the SDK checks the body's MD5), but never queued.
            ObjectNode answer = RelayJson.mapper()
                    .createObjectNode()
                    .put("MessageId", UUID.randomUUID().toString())
                    .put("MD5OfMessageBody", md5(send.path("MessageBody").asText()));
            return new FaultProxy.Answer(
                    200, "application/x-amz-json-1.0", answer.toString().getBytes(StandardCharsets.UTF_8));
        }
        send.put("DelaySeconds", delay);
        return new FaultProxy.Forward(send.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sqsProxy.close();
        dynamoProxy.close();
    }
}
