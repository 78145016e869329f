package io.musicassistant.alexa.dev;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The local stand-ins for AWS and Amazon, started together, all open source: Moto's server
 * (DynamoDB, S3, STS and IAM on one endpoint), ElasticMQ (SQS), the Login-with-Amazon stand-in and
 * the Alexa event gateway stand-in. Tests share one set per JVM through {@link #shared()}; each test
 * isolates itself by table prefix, queue names and fresh users rather than by fresh servers.
 */
public final class DevServices implements AutoCloseable {

    public static final String LWA_CLIENT_ID = "amzn1.application-oa2-client.localstackdemo0000000000000000";
    /** Moto's default account: the account of every table, bucket and role it holds. */
    public static final String MOTO_ACCOUNT_ID = "123456789012";

    public static final String REGION = ElasticMqServer.REGION;

    private static DevServices shared;

    /**
     * Which server answers SQS: ElasticMQ unless the system property {@code devservices.sqs} (or the
     * variable {@code DEV_SERVICES_SQS}) says {@code moto}, which reruns any test against Moto's SQS
     * (docs/decisions.md, "Local AWS emulation", has what that showed).
     */
    static final boolean SQS_ON_MOTO = sqsOnMoto(
            System.getProperty("devservices.sqs", System.getenv().getOrDefault("DEV_SERVICES_SQS", "elasticmq")));

    private final MotoServer moto;
    private final ElasticMqServer sqs;
    private final LwaStandIn lwa;
    private final EventGatewayStandIn gateway;

    private DevServices(MotoServer moto, ElasticMqServer sqs, LwaStandIn lwa, EventGatewayStandIn gateway) {
        this.moto = moto;
        this.sqs = sqs;
        this.lwa = lwa;
        this.gateway = gateway;
    }

    static boolean sqsOnMoto(String choice) {
        return switch (choice.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "moto" -> true;
            case "elasticmq", "" -> false;
            default -> throw new IllegalArgumentException("DEV_SERVICES_SQS must be elasticmq or moto, not " + choice);
        };
    }

    /**
     * Starts them all; ports of 0 pick free ones. Throws {@link MotoServer.Unavailable} (one line:
     * what to install) when no interpreter here has Moto; whatever had started by then is stopped.
     */
    public static DevServices start(int awsPort, int sqsPort, int lwaPort) {
        // ElasticMQ takes ~2 s to boot its actor system and Moto ~1 s to import: start them side by side.
        CompletableFuture<ElasticMqServer> sqs = SQS_ON_MOTO
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> ElasticMqServer.start(sqsPort));
        List<AutoCloseable> started = new ArrayList<>();
        try {
            MotoServer moto = MotoServer.start(awsPort);
            started.add(moto);
            LwaStandIn lwa = LwaStandIn.start(lwaPort, LWA_CLIENT_ID);
            started.add(lwa);
            EventGatewayStandIn gateway = EventGatewayStandIn.start(0, lwa);
            started.add(gateway);
            return new DevServices(moto, sqs.join(), lwa, gateway);
        } catch (RuntimeException e) {
            sqs.thenAccept(DevServices::closeIfStarted);
            for (AutoCloseable piece : started.reversed()) {
                try {
                    piece.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** One set of servers for the whole test JVM, stopped when the JVM exits. */
    public static synchronized DevServices shared() {
        if (shared == null) {
            shared = start(0, 0, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "dev-services-stop"));
        }
        return shared;
    }

    /** Moto's endpoint; S3 and STS answer on the same one. */
    public URI dynamoDbEndpoint() {
        return moto.endpoint();
    }

    public URI s3Endpoint() {
        return moto.endpoint();
    }

    public URI stsEndpoint() {
        return moto.endpoint();
    }

    public URI sqsEndpoint() {
        return sqs == null ? moto.endpoint() : sqs.endpoint();
    }

    public MotoServer moto() {
        return moto;
    }

    public LwaStandIn lwa() {
        return lwa;
    }

    public EventGatewayStandIn gateway() {
        return gateway;
    }

    /** The region of every emulated service here. */
    public String region() {
        return REGION;
    }

    @Override
    public void close() {
        gateway.close();
        lwa.close();
        closeIfStarted(sqs);
        moto.close();
    }

    private static void closeIfStarted(ElasticMqServer server) {
        if (server != null) {
            server.close();
        }
    }
}
