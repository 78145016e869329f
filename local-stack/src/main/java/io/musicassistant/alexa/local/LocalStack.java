package io.musicassistant.alexa.local;

import io.musicassistant.alexa.CloudWiring;
import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.catalog.CatalogLocale;
import io.musicassistant.alexa.catalog.CatalogStore;
import io.musicassistant.alexa.catalog.MergeQuery;
import io.musicassistant.alexa.catalog.smapi.SmapiCredentials;
import io.musicassistant.alexa.connector.Connector;
import io.musicassistant.alexa.connector.ConnectorConfig;
import io.musicassistant.alexa.connector.platform.ConnectorState;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.FreePort;
import io.musicassistant.alexa.dev.LocalCertificate;
import io.musicassistant.alexa.dev.SmapiStandIn;
import io.musicassistant.alexa.local.catalog.LocalCatalogBuild;
import io.musicassistant.alexa.local.faults.ConnectorProcess;
import io.musicassistant.alexa.local.faults.FaultRoutes;
import io.musicassistant.alexa.local.faults.Faults;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.platform.Buckets;
import io.musicassistant.alexa.platform.Config;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
    public static final String DEMO_TOKEN = "Atza|IwEBIMusicAssistantAlexaLocalDemoUser-0001-OnlyValidAgainstTheLocalStack";
    public static final String DEMO_USER_ID = "amzn1.account.AEDEMOUSERMUSICASSISTANTLOCAL01";
    /** A second Amazon user who linked the skill but never paired a home. */
    public static final String UNPAIRED_TOKEN = "Atza|IwEBIMusicAssistantAlexaLocalUnpaired-0002-OnlyValidAgainstTheLocalStack";
    /** The demo user's token from an hour ago: expired. */
    public static final String EXPIRED_TOKEN = "Atza|IwEBIMusicAssistantAlexaLocalExpired-0003-OnlyValidAgainstTheLocalStack";
    /** The local music skill's id: the catalogs are associated with it. */
    public static final String MUSIC_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-0000000c0a1a";
    /** The locales of the local catalogs: those the demo's requests use. */
    static final String CATALOG_LOCALES = "en-US,en-GB,de-DE";
    /** The local developer account's Login-with-Amazon client and refresh token for SMAPI; valid only against the stand-ins. */
    static final String SMAPI_CLIENT_ID = "amzn1.application-oa2-client.localsmapideveloper00000000";
    static final String SMAPI_CLIENT_SECRET = "local-smapi-client-secret-not-secret";
    static final String SMAPI_REFRESH_TOKEN = "Atzr|LocalSmapiDeveloperRefreshToken-OnlyValidAgainstTheLocalStack";
    /** The key that seals event-gateway grants in the local DynamoDB; a deployment makes its own. */
    static final String LOCAL_GRANT_KEY = "bG9jYWwtc3RhY2stZ3JhbnQta2V5LW5vdC1zZWNyZXQ=";
    /** The relay API's key for source-address hashes and unknown-home proofs; fixed so that proofs outlive a restart. */
    static final String LOCAL_DEPLOYMENT_KEY = "local-stack-deployment-key-not-secret";

    /** Ports; {@code aws} is Moto's (DynamoDB, S3, STS), {@code sqs} ElasticMQ's. */
    public record Ports(int endpoint, int aws, int sqs, int lwa, int ma) {
        public static Ports ephemeral() {
            return new Ports(0, 0, 0, 0, 0);
        }
    }

    private final DevServices services;
    private final LocalBuckets buckets;
    private final SmapiStandIn smapi;
    private final LocalCatalogBuild.Smapi smapiEndpoint;
    private final CloudWiring cloud;
    private final LocalEndpoint endpoint;
    private final MaSimulator ma;
    private final Path connectorState;
    private final java.util.concurrent.ScheduledExecutorService healthSweeps =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("health-sweep").unstarted(r));
    private final Streams streams;
    private volatile Connector connector;
    /** With faults: the connector as a child process (then {@link #connector} stays null), and the faults. */
    private final ConnectorProcess child;
    private final Faults faults;

    /**
     * The connector's stream server: HTTPS on localhost with a certificate made for this machine,
     * which only this stack's own clients trust (Echo devices would not).
     */
    public record Streams(int port, LocalCertificate certificate) {
        public String base() {
            return "https://localhost:" + port;
        }
    }

    private LocalStack(DevServices services, LocalBuckets buckets, SmapiStandIn smapi, LocalCatalogBuild.Smapi smapiEndpoint,
                       CloudWiring cloud, LocalEndpoint endpoint, MaSimulator ma, Path connectorState, Streams streams,
                       Connector connector, ConnectorProcess child, Faults faults) {
        this.child = child;
        this.faults = faults;
        this.streams = streams;
        this.services = services;
        this.buckets = buckets;
        this.smapi = smapi;
        this.smapiEndpoint = smapiEndpoint;
        this.cloud = cloud;
        this.endpoint = endpoint;
        this.ma = ma;
        this.connectorState = connectorState;
        this.connector = connector;
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
    public static LocalStack startWithFaults(Ports ports, Path catalogsDir, Path connectorLog, Consumer<String> progress) {
        return start(ports, catalogsDir, java.util.Objects.requireNonNull(connectorLog), progress);
    }

    private static LocalStack start(Ports ports, Path catalogsDir, Path connectorLog, Consumer<String> progress) {
        long started = System.nanoTime();
        progress.accept("Starting Moto (DynamoDB, S3, STS), ElasticMQ (SQS) and the Login-with-Amazon stand-in ...");
        DevServices services = DevServices.start(ports.aws(), ports.sqs(), ports.lwa());
        Instant farFuture = Instant.now().plus(Duration.ofDays(3650));
        services.lwa().registerToken(DEMO_TOKEN, DEMO_USER_ID, "Demo User", DevServices.LWA_CLIENT_ID, farFuture);
        services.lwa().registerToken(UNPAIRED_TOKEN, "amzn1.account.AEUNPAIREDUSERLOCAL000000002", "Unpaired User",
                DevServices.LWA_CLIENT_ID, farFuture);
        services.lwa().registerToken(EXPIRED_TOKEN, DEMO_USER_ID, "Demo User", DevServices.LWA_CLIENT_ID,
                Instant.now().minus(Duration.ofMinutes(5)));

        progress.accept("Creating the DynamoDB tables and S3 buckets, starting the skill endpoint ...");
        Faults faults = connectorLog == null ? null : Faults.start(services);
        CloudWiring cloud = new CloudWiring(cloudConfig(services, faults), Clock.systemUTC());
        createTables(cloud);
        LocalBuckets buckets = new LocalBuckets(services, cloud.config().tablePrefix());
        buckets.createAll();
        progress.accept("Starting the SMAPI stand-in (Amazon's catalog API, validating every upload) ...");
        SmapiStandIn smapi;
        try {
            smapi = SmapiStandIn.start(0, catalogsDir != null ? catalogsDir : Files.createTempDirectory("ma-alexa-catalogs-"),
                    services.lwa(), SmapiStandIn.Options.defaults().withStepDelay(Duration.ofMillis(50)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        services.lwa().registerRefreshToken(SMAPI_CLIENT_ID, SMAPI_CLIENT_SECRET, SMAPI_REFRESH_TOKEN, "amzn1.account.AELOCALDEVELOPER");
        LocalCatalogBuild.Smapi smapiEndpoint = new LocalCatalogBuild.Smapi(URI.create(smapi.baseUrl()),
                URI.create(services.lwa().baseUrl() + "/auth/o2/token"),
                new SmapiCredentials(SMAPI_CLIENT_ID, SMAPI_CLIENT_SECRET, SMAPI_REFRESH_TOKEN, "M1LOCALVENDOR"));
        LocalEndpoint endpoint;
        try {
            endpoint = new LocalEndpoint(ports.endpoint(), cloud.musicSkill(), cloud.controlSkill(), cloud.relayApi());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local endpoint on port " + ports.endpoint(), e);
        }

        progress.accept("Starting the Music Assistant simulator ...");
        MaSimulator ma = MaSimulator.start(MaSimulator.Options.defaults().withPort(ports.ma()));

        progress.accept("Starting the connector (it registers with the relay API over HTTP) ...");
        Path state;
        try {
            state = Files.createTempDirectory("ma-alexa-connector-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Streams streams = new Streams(FreePort.find(), LocalCertificate.create(state.resolve("tls")));
        Connector connector = null;
        ConnectorProcess child = null;
        if (faults == null) {
            connector = startConnector(endpoint, ma, state, streams, progress);
        } else {
            progress.accept("  (as a process of its own, for the faults; its log: " + connectorLog + ")");
            child = new ConnectorProcess(connectorEnv(endpoint, ma, state, streams), connectorLog);
            child.start();
            endpoint.route("/_faults", new FaultRoutes(faults));
        }
        LocalStack stack = new LocalStack(services, buckets, smapi, smapiEndpoint, cloud, endpoint, ma, state, streams, connector,
                child, faults);
        endpoint.onCatalogBuild(stack::buildCatalogs);
        stack.sweepHealth();

        progress.accept("Pairing the connector's home with the demo user (code read from the connector, claimed with the demo token) ...");
        stack.pairDemoUser();
        stack.awaitHomeOnline(Duration.ofSeconds(20));
        if (faults != null) {
            faults.attach(ma, stack.new ChildConnector());
        }
        progress.accept(String.format("Local stack ready in %.1f s: skill endpoint %s", (System.nanoTime() - started) / 1e9,
                endpoint.alexaUrl()));
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

    static Config cloudConfig(DevServices services) {
        return cloudConfig(services, null);
    }

    /** With faults, the cloud (and, through its credentials, the connector) reaches SQS and DynamoDB through the fault proxies. */
    static Config cloudConfig(DevServices services, Faults faults) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", services.region());
        env.put("TABLE_PREFIX", "local-");
        env.put("DYNAMODB_ENDPOINT", services.dynamoDbEndpoint().toString());
        env.put("SQS_ENDPOINT", services.sqsEndpoint().toString());
        env.put("LWA_API_BASE", services.lwa().baseUrl());
        env.put("LWA_CLIENT_ID", DevServices.LWA_CLIENT_ID);
        env.put("RELAY_MODE", "local");
        env.put("FALLBACK_ART_URL", "https://music-assistant.io/alexa/art/fallback-600.png");
        // The control skill's event reporting, against the LWA and event-gateway stand-ins.
        env.put("ALEXA_CLIENT_ID", services.lwa().messagingClientId());
        env.put("ALEXA_CLIENT_SECRET", services.lwa().messagingClientSecret());
        env.put("GRANT_KEY", LOCAL_GRANT_KEY);
        env.put("DEPLOYMENT_KEY", LOCAL_DEPLOYMENT_KEY);
        env.put("EVENT_GATEWAY_URL", services.gateway().eventsUrl());
        env.put("CONTROL_SKILL_ID", ControlRequests.SKILL_ID);
        // Library snapshots go to the catalog bucket in Moto, presigned path-style against its endpoint.
        env.put("CATALOG_BUCKET", new LocalBuckets(services, env.get("TABLE_PREFIX")).names().name(Buckets.CATALOG));
        env.put("S3_ENDPOINT", services.s3Endpoint().toString());
        if (faults != null) {
            env.put("DYNAMODB_ENDPOINT", faults.dynamoDbEndpoint().toString());
            env.put("SQS_ENDPOINT", faults.sqsEndpoint().toString());
        }
        return Config.from(env);
    }

    private static Connector startConnector(LocalEndpoint endpoint, MaSimulator ma, Path state, Streams streams,
                                            Consumer<String> progress) {
        ConnectorConfig config = ConnectorConfig.load(connectorEnv(endpoint, ma, state, streams));
        return Connector.start(config, message -> progress.accept("  [connector] " + message.replace("\n", "\n  [connector] ")));
    }

    /**
     * The connector's settings, as the environment variables a connector reads: the connector in this
     * JVM loads them as {@code ConnectorMain} does, a connector process (with faults) gets them as its environment.
     */
    private static Map<String, String> connectorEnv(LocalEndpoint endpoint, MaSimulator ma, Path state, Streams streams) {
        Map<String, String> env = new HashMap<>();
        env.put("MA_URL", ma.wsUrl());
        env.put("MA_TOKEN", ma.adminToken());
        env.put("RELAY_API_URL", endpoint.baseUrl());
        env.put("STATE_DIR", state.toString());
        env.put("STREAM_BASE", streams.base());
        env.put("STREAM_URL_TTL_HOURS", "24");
        env.put("HOME_NAME", "Demo Home");
        // One-second long polls: replies are just as fast, and a restarted connector never competes with
        // the previous one still waiting in a long poll inside this same process.
        env.put("RELAY_POLL_SECONDS", "1");
        // The stream server terminates TLS itself with the local certificate, and its self-test trusts
        // exactly that certificate; the cache is small so that the demo also shows eviction at work.
        env.put("STREAM_BIND", "127.0.0.1");
        env.put("STREAM_PORT", Integer.toString(streams.port()));
        env.put("STREAM_TLS_KEYSTORE", streams.certificate().keyStore().toString());
        env.put("STREAM_TLS_PASSWORD", streams.certificate().password());
        env.put("STREAM_SELFTEST_TRUSTSTORE", streams.certificate().keyStore().toString());
        env.put("AUDIO_CACHE_MB", "256");
        env.put("SLIMPROTO_PORT", Integer.toString(ma.slimprotoPort()));
        // No STREAM_MAX_ variable: the stream server runs with the production limits (StreamLimits.DEFAULTS).
        // The library export waits for five quiet seconds after a library change (a home waits a minute),
        // so that the demo sees a change reach the catalogs while one watches.
        env.put("CATALOG_EXPORT", "true");
        env.put("CATALOG_PLAYLISTS", "false");
        env.put("CATALOG_RADIOS", "true");
        env.put("CATALOG_DEBOUNCE_S", "5");
        return env;
    }

    /** The code the connector shows (in this JVM), or one asked for with the home's credentials (a connector process). */
    private String currentPairingCode() {
        if (connector != null) {
            var shown = connector.link().currentCode();
            return shown == null ? null : shown.code();
        }
        var home = new ConnectorState(connectorState).home();
        if (home.isEmpty()) {
            return null;
        }
        return new RelayApiClient(URI.create(endpoint.baseUrl())).pairingCode(home.get().instanceId(), home.get().instanceSecret()).code();
    }

    private void pairDemoUser() {
        String code = null;
        // A connector process first starts a JVM of its own.
        long deadline = System.nanoTime() + Duration.ofSeconds(child == null ? 15 : 60).toNanos();
        while (code == null && System.nanoTime() < deadline) {
            code = currentPairingCode();
            if (code == null) {
                sleep(50);
            }
        }
        if (code == null) {
            throw new IllegalStateException("the connector did not show a pairing code");
        }
        HttpRequest claim = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/v1/pairings"))
                .header("Authorization", "Bearer " + DEMO_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(claim, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("pairing failed: " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (connector != null) {
            connector.link().beatSoon();
        }
    }

    /** Waits until the cloud sees the home online with Music Assistant connected. */
    public void awaitHomeOnline(Duration timeout) {
        awaitHomeOnline(timeout, Instant.EPOCH);
    }

    /** The same, with a heartbeat later than {@code after}: a restarted connector, not the one before. */
    private void awaitHomeOnline(Duration timeout, Instant after) {
        HomeDirectory directory = new HomeDirectory(cloud.aws().dynamoDb(), cloud.tables());
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastNudge = System.nanoTime() - Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            var home = directory.homeOf(DEMO_USER_ID);
            if (home.isPresent() && home.get().heartbeatAt() != null && home.get().heartbeatAt().isAfter(after)
                    && home.get().availability(Instant.now(), cloud.config().heartbeatStaleAfter()) == Home.Availability.ONLINE) {
                return;
            }
            if (System.nanoTime() - lastNudge > Duration.ofSeconds(2).toNanos() && connector != null) {
                connector.link().beatSoon(); // at most every 2 s: heartbeats are rate-limited per home
                lastNudge = System.nanoTime();
            }
            sleep(50);
        }
        throw new IllegalStateException("the demo home did not come online within " + timeout.toSeconds() + " s");
    }

    /** The health sweep, every 5 s here (every minute in AWS): offline homes' players reported UNREACHABLE, and back. */
    private void sweepHealth() {
        healthSweeps.scheduleWithFixedDelay(() -> {
            try {
                cloud.healthSweep().run();
            } catch (RuntimeException e) {
                // the next run tries again, as the scheduled Lambda does
            }
        }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Stops the connector the way Docker would (SIGTERM): it tells the cloud it is going. */
    public void stopConnector() {
        if (child != null) {
            child.stop();
            return;
        }
        Connector c = connector;
        if (c != null) {
            c.close();
            connector = null;
        }
    }

    /** Starts the connector again with the same state directory (same home, already paired). */
    public void restartConnector(Consumer<String> progress) {
        if (child != null) {
            new ChildConnector().start();
        } else if (connector == null) {
            connector = startConnector(endpoint, ma, connectorState, streams, progress);
            awaitHomeOnline(Duration.ofSeconds(20));
        }
    }

    /** The connector's state directory (its home identity, as a real connector keeps it). */
    public Path connectorStateDir() {
        return connectorState;
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
        return smapi;
    }

    /**
     * Runs the catalog build as the scheduled Lambda would, on DuckDB and against the SMAPI stand-in:
     * every home's snapshot in the local S3 merged, the differences uploaded and validated.
     */
    public BuildReport buildCatalogs(boolean force, Consumer<String> progress) {
        try (var s3 = buckets.client()) {
            return LocalCatalogBuild.run(s3, buckets.names().name(Buckets.CATALOG), smapiEndpoint,
                    new LocalCatalogBuild.Settings(MUSIC_SKILL_ID, CatalogLocale.parse(CATALOG_LOCALES), MergeQuery.withDefaultCaps(),
                            Duration.ofSeconds(30), Duration.ofHours(4)), force, progress);
        }
    }

    /** The version (ETag) of this home's library snapshot in the local S3, or null before its first upload. */
    public String snapshotVersion() {
        try (var s3 = buckets.client()) {
            return new CatalogStore(s3, buckets.names().name(Buckets.CATALOG)).snapshots().stream().findFirst()
                    .map(CatalogStore.Snapshot::eTag).orElse(null);
        }
    }

    /** Waits until the connector uploaded a library snapshot other than {@code previous} (null: any). */
    public void awaitSnapshotAfter(String previous, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String now = snapshotVersion();
            if (now != null && !now.equals(previous)) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("the connector's library snapshot did not arrive within " + timeout.toSeconds() + " s");
    }

    public MaSimulator ma() {
        return ma;
    }

    public Streams streams() {
        return streams;
    }

    /** The connector when it runs in this JVM; null with faults (it is a process then) or while stopped. */
    public Connector connector() {
        return connector;
    }

    /** The faults, when the stack was started with them. */
    public java.util.Optional<Faults> faults() {
        return java.util.Optional.ofNullable(faults);
    }

    /** The connector process's id with faults, else -1. */
    public long connectorPid() {
        return child == null ? -1 : child.pid();
    }

    /** The connector process as the faults act on it. */
    private final class ChildConnector implements Faults.Connector {
        @Override
        public void stop() {
            child.stop();
        }

        @Override
        public void kill() {
            child.kill();
        }

        @Override
        public void start() {
            Instant before = Instant.now();
            child.start();
            awaitHomeOnline(Duration.ofSeconds(60), before);
        }

        @Override
        public long pid() {
            return child.pid();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        healthSweeps.shutdownNow();
        stopConnector();
        if (faults != null) {
            faults.close();
        }
        ma.close();
        endpoint.close();
        smapi.close();
        services.close();
    }
}
