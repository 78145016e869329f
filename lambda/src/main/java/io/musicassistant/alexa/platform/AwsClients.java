package io.musicassistant.alexa.platform;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK clients of one container, built once. The URL-connection HTTP client and explicit
 * credentials keep cold start short (no classpath scanning of HTTP implementations, no credential
 * chain probing).
 */
public final class AwsClients {

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final Config config;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private volatile StsClient sts;

    public AwsClients(Config config) {
        this.config = config;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
        this.credentials = config.dynamoDbEndpoint() != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : EnvironmentVariableCredentialsProvider.create();
        // DynamoDB and SQS answer in milliseconds in-region; a stuck call must fail well inside Alexa's 8 s.
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(Duration.ofMillis(1000))
                .apiCallTimeout(Duration.ofMillis(2500))
                .build();
        var dynamo = DynamoDbClient.builder().httpClient(http).credentialsProvider(credentials)
                .region(Region.of(config.region())).overrideConfiguration(overrides);
        if (config.dynamoDbEndpoint() != null) {
            dynamo.endpointOverride(config.dynamoDbEndpoint());
        }
        var queue = SqsClient.builder().httpClient(http).credentialsProvider(credentials)
                .region(Region.of(config.region())).overrideConfiguration(overrides);
        if (config.sqsEndpoint() != null) {
            queue.endpointOverride(config.sqsEndpoint());
        }
        this.dynamoDb = dynamo.build();
        this.sqs = queue.build();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Built on first use: only the relay API's credential hand-out needs it. */
    public StsClient sts() {
        StsClient client = sts;
        if (client == null) {
            synchronized (this) {
                if (sts == null) {
                    sts = StsClient.builder().httpClient(http).credentialsProvider(credentials)
                            .region(Region.of(config.region())).build();
                }
                client = sts;
            }
        }
        return client;
    }
}
