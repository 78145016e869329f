package io.musicassistant.alexa.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.local.faults.Faults;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.AwsClients;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * A throttled DynamoDB must not eat a directive's 3 s: the SDK's default (legacy) retries back off
 * 500 ms and more per throttled attempt, up to nine attempts, so one call alone could spend the
 * whole 2.5 s call timeout. The cloud's clients retry a throttled call a few times, briefly, then give up.
 */
class ThrottledDynamoDbTest {

    @Test
    void aThrottledCallIsTriedAFewTimesAndThenFailsAsThrottled() {
        DevServices services = DevServices.shared();
        try (Faults faults = Faults.start(services)) {
            faults.set(
                    Faults.Fault.DYNAMODB_THROTTLE,
                    RelayJson.mapper().createObjectNode().put("fraction", 1.0));
            AwsClients aws = new AwsClients(LocalConfig.cloudConfig(services, faults));
            assertThrows(
                    ProvisionedThroughputExceededException.class,
                    () -> aws.dynamoDb()
                            .getItem(b -> b.tableName("chaos-throttled").key(Attrs.key("pk", "x"))));
            assertTrue(faults.throttledCalls() >= 2, "a throttled call is retried: " + faults.throttledCalls());
            assertEquals(3, faults.throttledCalls(), "three attempts in all");
        }
    }
}
