package io.musicassistant.alexa.platform;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK clients of one container, built once. The URL-connection HTTP client and explicit
 * credentials keep cold start short (no classpath scanning of HTTP implementations, no credential
 * chain probing).
 */
public final class AwsClients {

    /**
     * Three attempts, backing off at most 200 ms (throttling included): the SDK's default for
     * DynamoDB (legacy mode) waits 500 ms and more after each throttled attempt, up to nine attempts,
     * so one throttled call could spend all of a directive's budget (docs/fault-injection.md).
     */
    static final RetryStrategy BRIEF_RETRIES = AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(3)
            .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofMillis(200)))
            .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofMillis(200)))
            .build();

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final Config config;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private StsClient sts;
    private SecretsManagerClient secretsManager;
    private S3Presigner s3Presigner;

    public AwsClients(Config config) {
        this.config = config;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
        this.credentials = credentials(config.dynamoDbEndpoint() != null, System.getenv());
        // DynamoDB and SQS answer in milliseconds in-region; a stuck call must fail well inside Alexa's 8 s.
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(Duration.ofMillis(1000))
                .apiCallTimeout(Duration.ofMillis(2500))
                .retryStrategy(BRIEF_RETRIES)
                .build();
        var dynamo = DynamoDbClient.builder()
                .httpClient(http)
                .credentialsProvider(credentials)
                .region(Region.of(config.region()))
                .overrideConfiguration(overrides);
        if (config.dynamoDbEndpoint() != null) {
            dynamo.endpointOverride(config.dynamoDbEndpoint());
        }
        var queue = SqsClient.builder()
                .httpClient(http)
                .credentialsProvider(credentials)
                .region(Region.of(config.region()))
                .overrideConfiguration(overrides);
        if (config.sqsEndpoint() != null) {
            queue.endpointOverride(config.sqsEndpoint());
        }
        this.dynamoDb = dynamo.build();
        this.sqs = queue.build();
    }

    /**
     * Placeholder credentials against local emulators; in Lambda the execution role's. With SnapStart
     * Lambda hands those out through the container credentials endpoint instead of the access-key
     * variables (which a snapshot would freeze), so that endpoint wins when it is there.
     */
    public static AwsCredentialsProvider credentials(boolean local, Map<String, String> env) {
        if (local) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        if (env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
            return ContainerCredentialsProvider.builder().build();
        }
        return EnvironmentVariableCredentialsProvider.create();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Built on first use: only the relay API's credential hand-out needs it. */
    public synchronized StsClient sts() {
        if (sts == null) {
            sts = StsClient.builder()
                    .httpClient(http)
                    .credentialsProvider(credentials)
                    .region(Region.of(config.region()))
                    .build();
        }
        return sts;
    }

    /**
     * Built on first use: only the relay API's snapshot route presigns. Presigning is local
     * computation (no request to S3), so it needs no HTTP client. Against an endpoint override
     * (Moto) buckets are addressed path-style: a loopback address has no bucket subdomains.
     */
    public synchronized S3Presigner s3Presigner() {
        if (s3Presigner == null) {
            S3Presigner.Builder builder =
                    S3Presigner.builder().credentialsProvider(credentials).region(Region.of(config.region()));
            if (config.s3Endpoint() != null) {
                builder.endpointOverride(config.s3Endpoint())
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build());
            }
            s3Presigner = builder.build();
        }
        return s3Presigner;
    }

    /** Built on first use: only reporting to Alexa reads secrets, and only in AWS. */
    public synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            // Read while a directive waits (AcceptGrant, a relay API request): fail well inside their budgets.
            secretsManager = SecretsManagerClient.builder()
                    .httpClient(http)
                    .credentialsProvider(credentials)
                    .region(Region.of(config.region()))
                    .overrideConfiguration(ClientOverrideConfiguration.builder()
                            .apiCallAttemptTimeout(Duration.ofMillis(1000))
                            .apiCallTimeout(Duration.ofMillis(3000))
                            .build())
                    .build();
        }
        return secretsManager;
    }
}
