package io.musicassistant.alexa.local;

import io.musicassistant.alexa.CloudWiring;
import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.connector.Connector;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.LocalCertificate;
import io.musicassistant.alexa.dev.SmapiStandIn;
import io.musicassistant.alexa.local.faults.FaultRoutes;
import io.musicassistant.alexa.local.faults.Faults;
import io.musicassistant.alexa.masim.MaSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole product on one machine: Moto (DynamoDB, S3, STS), ElasticMQ (SQS) and the LWA stand-in (real servers),
 * the cloud side behind a local HTTP endpoint, the Music Assistant simulator, and a real connector
 * that registers through the relay API over HTTP and is paired with the demo user the way a person
 * would pair it (read the code, claim it with an Amazon login).
 */
public final class LocalStack implements AutoCloseable {

    /** The demo user's Login-with-Amazon access token, documented in the README. Valid only here. */
    public static final String DEMO_TOKEN =
            "Atza|IwEBIMusicAssistantAlexaLocalDemoUser-0001-OnlyValidAgainstTheLocalStack";

    public static final String DEMO_USER_ID = "amzn1.account.AEDEMOUSERMUSICASSISTANTLOCAL01";
    /** A second Amazon user who linked the skill but never paired a home. */
    public static final String UNPAIRED_TOKEN =
            "Atza|IwEBIMusicAssistantAlexaLocalUnpaired-0002-OnlyValidAgainstTheLocalStack";
    /** The demo user's token from an hour ago: expired. */
    public static final String EXPIRED_TOKEN =
            "Atza|IwEBIMusicAssistantAlexaLocalExpired-0003-OnlyValidAgainstTheLocalStack";
    /** The local music skill's id: the catalogs are associated with it. */
    public static final String MUSIC_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-0000000c0a1a";

    /** Ports; {@code aws} is Moto's (DynamoDB, S3, STS), {@code sqs} ElasticMQ's. */
    public record Ports(int endpoint, int aws, int sqs, int lwa, int ma) {
        public static Ports ephemeral() {
            return new Ports(0, 0, 0, 0, 0);
        }
    }

    private final DevServices services;
    private final LocalBuckets buckets;
    private final LocalCatalogs catalogs;
    private final CloudWiring cloud;
    private final LocalEndpoint endpoint;
    private final MaSimulator ma;
    private final LocalConnector connector;
    private final java.util.concurrent.ScheduledExecutorService healthSweeps =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().daemon().name("health-sweep").unstarted(r));
    private final Faults faults;
    private final RoutineSimulator routines;

    /**
     * The connector's stream server: HTTPS on localhost with a certificate made for this machine,
     * which only this stack's own clients trust (Echo devices would not).
     */
    public record Streams(int port, LocalCertificate certificate) {
        public String base() {
            return "https://localhost:" + port;
        }
    }

    private LocalStack(
            DevServices services,
            LocalBuckets buckets,
            LocalCatalogs catalogs,
            CloudWiring cloud,
            LocalEndpoint endpoint,
            MaSimulator ma,
            LocalConnector connector,
            Faults faults,
            RoutineSimulator routines) {
        this.services = services;
        this.buckets = buckets;
        this.catalogs = catalogs;
        this.cloud = cloud;
        this.endpoint = endpoint;
        this.ma = ma;
        this.connector = connector;
        this.faults = faults;
        this.routines = routines;
    }

    public static LocalStack start(Ports ports, Consumer<String> progress) {
        return start(ports, null, progress);
    }

    /**
     * @param catalogsDir where the SMAPI stand-in keeps every catalog document it accepted
     *     ({@code <type>/<upload id>.json}); null for a temporary directory
     */
    public static LocalStack start(Ports ports, Path catalogsDir, Consumer<String> progress) {
        return start(ports, catalogsDir, null, progress);
    }

    /**
     * The stack with fault injection (docs/fault-injection.md): proxies in front of SQS and
     * DynamoDB, the connector as a child process logging to {@code connectorLog}, and the fault
     * interface under {@code /_faults} on the endpoint.
     */
    public static LocalStack startWithFaults(
            Ports ports, Path catalogsDir, Path connectorLog, Consumer<String> progress) {
        return start(ports, catalogsDir, java.util.Objects.requireNonNull(connectorLog), true, Map.of(), progress);
    }

    /**
     * The stack with its home not yet paired: the connector shows a pairing code until {@link #pairDemoUser}.
     * {@code connectorEnv} replaces settings the connector is given (e.g. an unreachable {@code STREAM_BASE}).
     */
    public static LocalStack startUnpaired(Ports ports, Map<String, String> connectorEnv, Consumer<String> progress) {
        return start(ports, null, null, false, connectorEnv, progress);
    }

    private static LocalStack start(Ports ports, Path catalogsDir, Path connectorLog, Consumer<String> progress) {
        return start(ports, catalogsDir, connectorLog, true, Map.of(), progress);
    }

    private static LocalStack start(
            Ports ports,
            Path catalogsDir,
            Path connectorLog,
            boolean pair,
            Map<String, String> connectorEnv,
            Consumer<String> progress) {
        long started = System.nanoTime();
        progress.accept("Starting Moto (DynamoDB, S3, STS), ElasticMQ (SQS) and the Login-with-Amazon stand-in ...");
        DevServices services = DevServices.start(ports.aws(), ports.sqs(), ports.lwa());
        Instant farFuture = Instant.now().plus(Duration.ofDays(3650));
        services.lwa().registerToken(DEMO_TOKEN, DEMO_USER_ID, "Demo User", DevServices.LWA_CLIENT_ID, farFuture);
        services.lwa()
                .registerToken(
                        UNPAIRED_TOKEN,
                        "amzn1.account.AEUNPAIREDUSERLOCAL000000002",
                        "Unpaired User",
                        DevServices.LWA_CLIENT_ID,
                        farFuture);
        services.lwa()
                .registerToken(
                        EXPIRED_TOKEN,
                        DEMO_USER_ID,
                        "Demo User",
                        DevServices.LWA_CLIENT_ID,
                        Instant.now().minus(Duration.ofMinutes(5)));

        progress.accept("Creating the DynamoDB tables and S3 buckets, starting the skill endpoint ...");
        Faults faults = connectorLog == null ? null : Faults.start(services);
        CloudWiring cloud = new CloudWiring(LocalConfig.cloudConfig(services, faults), Clock.systemUTC());
        createTables(cloud);
        LocalBuckets buckets = new LocalBuckets(services, cloud.config().tablePrefix());
        buckets.createAll();
        progress.accept("Starting the SMAPI stand-in (Amazon's catalog API, validating every upload) ...");
        LocalCatalogs catalogs = LocalCatalogs.start(services, buckets, catalogsDir);
        LocalEndpoint endpoint;
        try {
            endpoint = new LocalEndpoint(ports.endpoint(), cloud.musicSkill(), cloud.controlSkill(), cloud.relayApi());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local endpoint on port " + ports.endpoint(), e);
        }

        progress.accept("Starting the Music Assistant simulator ...");
        MaSimulator ma = MaSimulator.start(MaSimulator.Options.defaults().withPort(ports.ma()));

        progress.accept("Starting the connector (it registers with the relay API over HTTP) ...");
        LocalConnector connector = LocalConnector.start(endpoint, ma, cloud, connectorLog, connectorEnv, progress);
        if (faults != null) {
            endpoint.route("/_faults", new FaultRoutes(faults));
        }
        RoutineSimulator routines = new RoutineSimulator(
                        new SkillClient(endpoint.alexaUrl()),
                        catalogs.smapi(),
                        MUSIC_SKILL_ID,
                        new EchoDevice(connector.streams().certificate().clientContext()))
                .listenTo(services.gateway());
        LocalStack stack =
                new LocalStack(services, buckets, catalogs, cloud, endpoint, ma, connector, faults, routines);
        endpoint.onCatalogBuild(stack::buildCatalogs);
        stack.sweepHealth();

        if (pair) {
            progress.accept(
                    "Pairing the connector's home with the demo user (code read from the connector, claimed with the demo token) ...");
            stack.pairDemoUser();
        }
        if (faults != null) {
            faults.attach(ma, connector.process());
        }
        progress.accept(String.format(
                "Local stack ready in %.1f s: skill endpoint %s",
                (System.nanoTime() - started) / 1e9, endpoint.alexaUrl()));
        return stack;
    }

    /**
     * Moto imports its DynamoDB backend on the first call, which on a busy machine can outlast the
     * cloud's 2.5 s call timeout: tried three times (creating is idempotent) before the start fails.
     */
    private static void createTables(CloudWiring cloud) {
        for (int attempt = 1; ; attempt++) {
            try {
                cloud.tables().createAll(cloud.aws().dynamoDb());
                return;
            } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Pairs the home with the demo user as a person would (the code the connector shows, claimed with the demo token). */
    public void pairDemoUser() {
        connector.pairDemoUser();
        connector.awaitHomeOnline(Duration.ofSeconds(20));
    }

    /** Waits until the cloud sees the home online with Music Assistant connected. */
    public void awaitHomeOnline(Duration timeout) {
        connector.awaitHomeOnline(timeout);
    }

    /** The health sweep, every 5 s here (every minute in AWS): offline homes' players reported UNREACHABLE, and back. */
    private void sweepHealth() {
        healthSweeps.scheduleWithFixedDelay(
                () -> {
                    try {
                        cloud.healthSweep().run();
                    } catch (RuntimeException e) {
                        // the next run tries again, as the scheduled Lambda does
                    }
                },
                5,
                5,
                java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Stops the connector the way Docker would (SIGTERM): it tells the cloud it is going. */
    public void stopConnector() {
        connector.stop();
    }

    /** Starts the connector again with the same state directory (same home, already paired). */
    public void restartConnector(Consumer<String> progress) {
        connector.restart(progress);
    }

    /**
     * The user changes which Echo devices get a Music Assistant player ({@code ECHO_PLAYERS}, names
     * separated by commas; empty for none), and the connector restarts with it, as an add-on does.
     */
    public void changeEchoPlayers(String names, Consumer<String> progress) {
        connector.stop();
        connector.setEchoPlayers(names);
        connector.restart(progress);
    }

    /** The connector's state directory (its home identity, as a real connector keeps it). */
    public Path connectorStateDir() {
        return connector.stateDir();
    }

    /** The connector's status page, e.g. {@code http://127.0.0.1:41234/}; empty while the connector is stopped. */
    public java.util.Optional<String> statusUrl() {
        return connector.statusUrl();
    }

    public String alexaUrl() {
        return endpoint.alexaUrl();
    }

    public String baseUrl() {
        return endpoint.baseUrl();
    }

    public CloudWiring cloud() {
        return cloud;
    }

    public DevServices services() {
        return services;
    }

    public LocalBuckets buckets() {
        return buckets;
    }

    public SmapiStandIn smapi() {
        return catalogs.smapi();
    }

    /**
     * Runs the catalog build as the scheduled Lambda would, on DuckDB and against the SMAPI stand-in:
     * every home's snapshot in the local S3 merged, the differences uploaded and validated.
     */
    public BuildReport buildCatalogs(boolean force, Consumer<String> progress) {
        return catalogs.build(force, progress);
    }

    /** The version (ETag) of this home's library snapshot in the local S3, or null before its first upload. */
    public String snapshotVersion() {
        return catalogs.snapshotVersion();
    }

    /** Waits until the connector uploaded a library snapshot other than {@code previous} (null: any). */
    public void awaitSnapshotAfter(String previous, Duration timeout) {
        catalogs.awaitSnapshotAfter(previous, timeout);
    }

    public MaSimulator ma() {
        return ma;
    }

    public Streams streams() {
        return connector.streams();
    }

    /** The connector when it runs in this JVM; null with faults (it is a process then) or while stopped. */
    public Connector connector() {
        return connector.current();
    }

    /** Alexa's routines: one per Echo player, run when its trigger's report reaches the event gateway. */
    RoutineSimulator routines() {
        return routines;
    }

    /** The faults, when the stack was started with them. */
    public java.util.Optional<Faults> faults() {
        return java.util.Optional.ofNullable(faults);
    }

    /** The connector process's id with faults, else -1. */
    public long connectorPid() {
        return connector.pid();
    }

    @Override
    public void close() {
        healthSweeps.shutdownNow();
        routines.close();
        stopConnector();
        if (faults != null) {
            faults.close();
        }
        ma.close();
        endpoint.close();
        catalogs.close();
        services.close();
    }
}
