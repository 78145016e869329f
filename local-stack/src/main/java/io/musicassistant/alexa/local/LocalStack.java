package io.musicassistant.alexa.local;

import io.musicassistant.alexa.CloudWiring;
import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.catalog.CatalogLocale;
import io.musicassistant.alexa.catalog.CatalogStore;
import io.musicassistant.alexa.catalog.MergeQuery;
import io.musicassistant.alexa.catalog.smapi.SmapiCredentials;
import io.musicassistant.alexa.connector.Connector;
import io.musicassistant.alexa.connector.ConnectorConfig;
import io.musicassistant.alexa.connector.audio.AudioConfig;
import io.musicassistant.alexa.connector.catalog.CatalogSettings;
import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.dev.FreePort;
import io.musicassistant.alexa.dev.LocalCertificate;
import io.musicassistant.alexa.dev.SmapiStandIn;
import io.musicassistant.alexa.local.catalog.LocalCatalogBuild;
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
                       Connector connector) {
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
        CloudWiring cloud = new CloudWiring(cloudConfig(services), Clock.systemUTC());
        cloud.tables().createAll(cloud.aws().dynamoDb());
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
        Connector connector = startConnector(endpoint, ma, state, streams, progress);
        LocalStack stack = new LocalStack(services, buckets, smapi, smapiEndpoint, cloud, endpoint, ma, state, streams, connector);
        endpoint.onCatalogBuild(stack::buildCatalogs);
        stack.sweepHealth();

        progress.accept("Pairing the connector's home with the demo user (code read from the connector, claimed with the demo token) ...");
        stack.pairDemoUser();
        stack.awaitHomeOnline(Duration.ofSeconds(20));
        progress.accept(String.format("Local stack ready in %.1f s: skill endpoint %s", (System.nanoTime() - started) / 1e9,
                endpoint.alexaUrl()));
        return stack;
    }

    static Config cloudConfig(DevServices services) {
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
        env.put("EVENT_GATEWAY_URL", services.gateway().eventsUrl());
        env.put("CONTROL_SKILL_ID", ControlRequests.SKILL_ID);
        // Library snapshots go to the catalog bucket in Moto, presigned path-style against its endpoint.
        env.put("CATALOG_BUCKET", new LocalBuckets(services, env.get("TABLE_PREFIX")).names().name(Buckets.CATALOG));
        env.put("S3_ENDPOINT", services.s3Endpoint().toString());
        return Config.from(env);
    }

    private static Connector startConnector(LocalEndpoint endpoint, MaSimulator ma, Path state, Streams streams,
                                            Consumer<String> progress) {
        // The stream server terminates TLS itself with the local certificate, and its self-test trusts
        // exactly that certificate; the cache is small so that the demo also shows eviction at work.
        AudioConfig audio = AudioConfig.load(Map.of("STREAM_BIND", "127.0.0.1", "STREAM_PORT", Integer.toString(streams.port()),
                "STREAM_TLS_KEYSTORE", streams.certificate().keyStore().toString(),
                "STREAM_TLS_PASSWORD", streams.certificate().password(),
                "STREAM_SELFTEST_TRUSTSTORE", streams.certificate().keyStore().toString(),
                "AUDIO_CACHE_MB", "256", "SLIMPROTO_PORT", Integer.toString(ma.slimprotoPort())), state);
        // One-second long polls: replies are just as fast, and a restarted connector never competes with
        // the previous one still waiting in a long poll inside this same process.
        // The library export waits for five quiet seconds after a library change (a home waits a minute),
        // so that the demo sees a change reach the catalogs while one watches.
        ConnectorConfig config = new ConnectorConfig(URI.create(ma.wsUrl()), ma.adminToken(), URI.create(endpoint.baseUrl()),
                state, streams.base(), Duration.ofHours(24), "Demo Home", 1, audio,
                new CatalogSettings(true, false, true, Duration.ofSeconds(5)));
        return Connector.start(config, message -> progress.accept("  [connector] " + message.replace("\n", "\n  [connector] ")));
    }

    private void pairDemoUser() {
        String code = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (code == null && System.nanoTime() < deadline) {
            var shown = connector.link().currentCode();
            code = shown == null ? null : shown.code();
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
        connector.link().beatSoon();
    }

    /** Waits until the cloud sees the home online with Music Assistant connected. */
    public void awaitHomeOnline(Duration timeout) {
        HomeDirectory directory = new HomeDirectory(cloud.aws().dynamoDb(), cloud.tables());
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastNudge = System.nanoTime() - Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            var home = directory.homeOf(DEMO_USER_ID);
            if (home.isPresent() && home.get().availability(Instant.now(), cloud.config().heartbeatStaleAfter())
                    == Home.Availability.ONLINE) {
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
        Connector c = connector;
        if (c != null) {
            c.close();
            connector = null;
        }
    }

    /** Starts the connector again with the same state directory (same home, already paired). */
    public void restartConnector(Consumer<String> progress) {
        if (connector == null) {
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

    public Connector connector() {
        return connector;
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
        ma.close();
        endpoint.close();
        smapi.close();
        services.close();
    }
}
