package io.musicassistant.alexa.dev;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * The local stand-ins for AWS and Amazon, started together: DynamoDB Local, ElasticMQ, the
 * Login-with-Amazon stand-in and the Alexa event gateway stand-in. Tests share one set per JVM through {@link #shared()}; each test
 * isolates itself by table prefix, queue names and fresh users rather than by fresh servers.
 */
public final class DevServices implements AutoCloseable {

    public static final String LWA_CLIENT_ID = "amzn1.application-oa2-client.localstackdemo0000000000000000";

    private static DevServices shared;

    private final DynamoDbLocalServer dynamoDb;
    private final ElasticMqServer sqs;
    private final LwaStandIn lwa;
    private final EventGatewayStandIn gateway;

    private DevServices(DynamoDbLocalServer dynamoDb, ElasticMqServer sqs, LwaStandIn lwa, EventGatewayStandIn gateway) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.lwa = lwa;
        this.gateway = gateway;
    }

    /** Starts all three; ports of 0 pick free ones. */
    public static DevServices start(int dynamoPort, int sqsPort, int lwaPort) {
        // ElasticMQ takes ~2 s to boot its actor system; start it alongside DynamoDB Local.
        CompletableFuture<ElasticMqServer> sqs = CompletableFuture.supplyAsync(() -> ElasticMqServer.start(sqsPort));
        DynamoDbLocalServer dynamo = DynamoDbLocalServer.start(dynamoPort);
        LwaStandIn lwa = LwaStandIn.start(lwaPort, LWA_CLIENT_ID);
        return new DevServices(dynamo, sqs.join(), lwa, EventGatewayStandIn.start(0, lwa));
    }

    /** One set of servers for the whole test JVM, stopped when the JVM exits. */
    public static synchronized DevServices shared() {
        if (shared == null) {
            shared = start(0, 0, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "dev-services-stop"));
        }
        return shared;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    public URI sqsEndpoint() {
        return sqs.endpoint();
    }

    public LwaStandIn lwa() {
        return lwa;
    }

    public EventGatewayStandIn gateway() {
        return gateway;
    }

    public String region() {
        return ElasticMqServer.REGION;
    }

    @Override
    public void close() {
        gateway.close();
        lwa.close();
        sqs.close();
        dynamoDb.close();
    }
}
