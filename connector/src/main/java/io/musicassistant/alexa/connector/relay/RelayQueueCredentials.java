package io.musicassistant.alexa.connector.relay;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The home's access to its relay queue and reply rows, renewed from the relay API before the
 * short-lived credentials expire. The SQS and DynamoDB clients ask this provider on every call,
 * so a renewal takes effect without rebuilding them.
 */
public final class RelayQueueCredentials implements AwsCredentialsProvider {

    private static final JsonLog LOG = JsonLog.get(RelayQueueCredentials.class);
    /** Renew when less than this much lifetime is left. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(10);

    private final Supplier<RelayAccess> fetch;
    private final Clock clock;
    private volatile RelayAccess access;

    public RelayQueueCredentials(Supplier<RelayAccess> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
        this.access = fetch.get();
    }

    public RelayAccess access() {
        return access;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        RelayAccess current = access;
        if (current.expiresAtMs() - clock.millis() < RENEW_BEFORE.toMillis()) {
            synchronized (this) {
                if (access.expiresAtMs() - clock.millis() < RENEW_BEFORE.toMillis()) {
                    try {
                        access = fetch.get();
                        LOG.info("relay.credentials_renewed", "expires_at_ms", access.expiresAtMs());
                    } catch (RuntimeException e) {
                        // Keep using the old ones while they last; the next call retries.
                        LOG.warn("relay.credentials_renewal_failed", e);
                    }
                }
                current = access;
            }
        }
        return current.sessionToken() == null
                ? AwsBasicCredentials.create(current.accessKeyId(), current.secretAccessKey())
                : AwsSessionCredentials.create(
                        current.accessKeyId(), current.secretAccessKey(), current.sessionToken());
    }

    public SqsClient sqsClient() {
        var builder = SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .region(Region.of(access.region()))
                .credentialsProvider(this);
        if (access.sqsEndpoint() != null) {
            builder.endpointOverride(URI.create(access.sqsEndpoint()));
        }
        return builder.build();
    }

    public DynamoDbClient dynamoDbClient() {
        // Receipts, progress marks and replies count against a directive's few seconds: retry a throttled
        // write briefly instead of the SDK's default backoff of 500 ms and more per throttled attempt.
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(access.region()))
                .credentialsProvider(this)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(3)
                        .backoffStrategy(
                                BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofMillis(200)))
                        .throttlingBackoffStrategy(
                                BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofMillis(200)))
                        .build()));
        if (access.dynamodbEndpoint() != null) {
            builder.endpointOverride(URI.create(access.dynamodbEndpoint()));
        }
        return builder.build();
    }

    /** For tests that need fixed credentials. */
    static AwsCredentialsProvider fixed(String key, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret));
    }
}
