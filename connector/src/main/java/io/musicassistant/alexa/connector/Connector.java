package io.musicassistant.alexa.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.audio.Acquisition;
import io.musicassistant.alexa.connector.audio.ArtProxy;
import io.musicassistant.alexa.connector.audio.AudioCache;
import io.musicassistant.alexa.connector.audio.AudioConfig;
import io.musicassistant.alexa.connector.audio.EchoStreamServer;
import io.musicassistant.alexa.connector.audio.ReachabilityCheck;
import io.musicassistant.alexa.connector.audio.ServerCertificate;
import io.musicassistant.alexa.connector.audio.StreamHealth;
import io.musicassistant.alexa.connector.audio.TlsContexts;
import io.musicassistant.alexa.connector.catalog.CatalogExport;
import io.musicassistant.alexa.connector.catalog.CatalogScheduler;
import io.musicassistant.alexa.connector.catalog.SnapshotUploader;
import io.musicassistant.alexa.connector.commands.CommandExecutor;
import io.musicassistant.alexa.connector.commands.ContentResolveCommand;
import io.musicassistant.alexa.connector.commands.EchoQueueCommand;
import io.musicassistant.alexa.connector.commands.PingCommand;
import io.musicassistant.alexa.connector.commands.PlayerControlCommand;
import io.musicassistant.alexa.connector.commands.PlayerGetCommand;
import io.musicassistant.alexa.connector.commands.PlayerPlayCommand;
import io.musicassistant.alexa.connector.commands.PlayerTransferCommand;
import io.musicassistant.alexa.connector.commands.PlayersListCommand;
import io.musicassistant.alexa.connector.commands.RelayCommandHandler;
import io.musicassistant.alexa.connector.commands.StreamPrefetchCommand;
import io.musicassistant.alexa.connector.commands.StreamSignCommand;
import io.musicassistant.alexa.connector.content.ContentResolver;
import io.musicassistant.alexa.connector.echo.EchoNames;
import io.musicassistant.alexa.connector.echo.EchoPlayers;
import io.musicassistant.alexa.connector.echo.EchoQueue;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.ma.MaServerInfo;
import io.musicassistant.alexa.connector.platform.ConnectorState;
import io.musicassistant.alexa.connector.platform.Delivery;
import io.musicassistant.alexa.connector.players.PlayerControl;
import io.musicassistant.alexa.connector.players.PlayerReporter;
import io.musicassistant.alexa.connector.relay.HomeIdentity;
import io.musicassistant.alexa.connector.relay.HomeLink;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.connector.relay.RelayQueueCredentials;
import io.musicassistant.alexa.connector.relay.RelayQueueWorker;
import io.musicassistant.alexa.connector.relay.ServerClock;
import io.musicassistant.alexa.connector.slimproto.VirtualPlayers;
import io.musicassistant.alexa.connector.status.StatusReport;
import io.musicassistant.alexa.connector.status.StatusServer;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The running connector, wired in one place: its identity in the cloud, its Music Assistant
 * connection, the relay worker that executes commands, and the link that heartbeats and pairs.
 */
public final class Connector implements AutoCloseable {

    public static final String VERSION = "0.1.0";
    private static final JsonLog LOG = JsonLog.get(Connector.class);

    private final String instanceId;
    private final MaClient ma;
    private final RelayQueueWorker worker;
    private final HomeLink link;
    private final DynamoDbClient dynamo;
    private final StreamSigner signer;
    private final PlayerReporter reporter;
    private final Audio audio;
    private final CatalogScheduler catalog;
    private final EchoPlayers echo;
    private final StatusServer status;

    /** The audio path's parts, closed together. */
    public record Audio(
            VirtualPlayers players,
            AudioCache cache,
            Acquisition acquisition,
            EchoStreamServer server,
            StreamHealth health)
            implements AutoCloseable {
        @Override
        public void close() {
            health.close();
            server.close();
            acquisition.close();
            players.close();
        }
    }

    private Connector(
            String instanceId,
            MaClient ma,
            RelayQueueWorker worker,
            HomeLink link,
            DynamoDbClient dynamo,
            StreamSigner signer,
            PlayerReporter reporter,
            Audio audio,
            CatalogScheduler catalog,
            StatusServer status,
            EchoPlayers echo) {
        this.catalog = catalog;
        this.status = status;
        this.echo = echo;
        this.reporter = reporter;
        this.audio = audio;
        this.instanceId = instanceId;
        this.ma = ma;
        this.worker = worker;
        this.link = link;
        this.dynamo = dynamo;
        this.signer = signer;
    }

    /** Registers (first run), fetches relay credentials, and starts everything. {@code announce} shows messages to the user. */
    public static Connector start(ConnectorConfig config, Consumer<String> announce) {
        Clock clock = Clock.systemUTC();
        // Certificates first: a bad file fails the start before anything registers, listens or connects.
        AudioConfig settings = config.audio();
        Optional<ServerCertificate> serverTls =
                settings.tls() ? Optional.of(ServerCertificate.load(settings)) : Optional.empty();
        SSLContext selfTestTls = TlsContexts.selfTest(settings);
        ConnectorState state = new ConnectorState(config.stateDir());
        RelayApiClient api = new RelayApiClient(config.relayApiUrl());
        // A refusal keeps the identity; only the relay's proof that it no longer knows the home starts over.
        HomeIdentity.Established identity = HomeIdentity.establish(
                state,
                () -> RelayRegistration.register(api, state, config, announce),
                h -> RelayRegistration.credentials(api, h, clock, announce),
                config.relayApiUrl(),
                announce,
                Thread::sleep);
        HomeRegistration home = identity.home();
        RelayQueueCredentials credentials = identity.credentials();
        RelayAccess access = credentials.access();
        ServerClock serverClock = new ServerClock(clock);
        StreamSigner signer = new StreamSigner(state.streamKey(), config.streamBase(), config.streamUrlTtl(), clock);

        HomeRegistration registered = home;
        Function<HomeEvents, Delivery> toCloud =
                events -> api.events(registered.instanceId(), registered.instanceSecret(), events);
        PlayerReporter reporter = new PlayerReporter(toCloud);
        HomeLink[] linkRef = new HomeLink[1];
        PlayerControl[] playersRef = new PlayerControl[1];
        MaClient[] maRef = new MaClient[1];
        CatalogScheduler[] catalogRef = new CatalogScheduler[1];
        MaClient ma = new MaClient(config.maUrl(), config.maToken(), new MaClient.Listener() {
            @Override
            public void onConnected(MaServerInfo info) {
                if (linkRef[0] != null) {
                    linkRef[0].beatSoon();
                }
                // Off the connection thread: listing players waits for Music Assistant's answer.
                Thread.ofVirtual().start(() -> reporter.resyncAfterConnecting(() -> playersRef[0], () -> maRef[0]));
                if (catalogRef[0] != null) {
                    catalogRef[0].onConnected();
                }
            }

            @Override
            public void onDisconnected(String reason) {
                if (linkRef[0] != null) {
                    linkRef[0].beatSoon();
                }
            }

            @Override
            public void onEvent(String event, String objectId, JsonNode data) {
                reporter.onEvent(event, objectId, data);
                if (catalogRef[0] != null) {
                    catalogRef[0].onEvent(event);
                }
            }
        });
        Audio audio = startAudio(config, home.instanceId(), ma, signer, clock, serverTls, selfTestTls, () -> {
            if (linkRef[0] != null) {
                linkRef[0].beatSoon();
            }
        });
        ContentResolver resolver = new ContentResolver(ma, signer);
        PlayerControl players = new PlayerControl(ma, resolver);
        playersRef[0] = players;
        maRef[0] = ma;
        EchoPlayers echo = new EchoPlayers(
                ma,
                config.maUrl(),
                config.audio().slimprotoPort(),
                home.instanceId(),
                EchoNames.open(config.stateDir(), config.echo()),
                toCloud);
        CommandExecutor executor =
                new CommandExecutor(commandHandlers(ma, resolver, players, signer, audio.acquisition(), echo), clock);
        SqsClient sqs = credentials.sqsClient();
        DynamoDbClient dynamo = credentials.dynamoDbClient();
        RelayQueueWorker worker = new RelayQueueWorker(
                sqs,
                access.queueUrl(),
                dynamo,
                access.replyTable(),
                home.instanceId(),
                executor,
                serverClock,
                config.relayPollSeconds());
        HomeLink link = new HomeLink(
                api,
                home.instanceId(),
                home.instanceSecret(),
                VERSION,
                ma,
                config.streamBase(),
                state,
                serverClock,
                clock,
                announce,
                audio.health()::status);
        linkRef[0] = link;
        worker.onWasAway(link::beatSoon);
        CatalogScheduler catalog = null;
        if (config.catalog().enabled()) {
            // Names from the library leave the home here (docs/security.md); the settings say which.
            CatalogExport export = new CatalogExport(
                    ma,
                    config.catalog(),
                    config.stateDir(),
                    registered.instanceId(),
                    new SnapshotUploader(api, registered.instanceId(), registered.instanceSecret()),
                    clock,
                    echo::names);
            catalog = new CatalogScheduler(export::run, config.catalog().debounce());
            catalogRef[0] = catalog;
            echo.onChange(catalog::requestNow);
        }

        StatusServer status = StatusServer.forConnector(
                config.status(),
                new StatusReport.Parts(
                        VERSION,
                        config.maUrl(),
                        config.streamBase(),
                        ma,
                        link,
                        worker,
                        executor,
                        audio.health(),
                        audio.cache(),
                        catalog,
                        echo));
        ma.start();
        audio.players().start();
        echo.start(config.catalog().enabled());
        audio.health().start();
        worker.start();
        link.start();
        LOG.info(
                "connector.started",
                "instance_id",
                home.instanceId(),
                "relay_mode",
                access.mode(),
                "stream_base",
                String.valueOf(config.streamBase()),
                "catalog_export",
                config.catalog().enabled());
        return new Connector(
                home.instanceId(), ma, worker, link, dynamo, signer, reporter, audio, catalog, status, echo);
    }

    /**
     * One handler per relay command (connector/README.md, "Where is …"); the executor refuses a
     * second one, and RelayCommandWiringTest proves none is missing.
     */
    static List<RelayCommandHandler> commandHandlers(
            MaClient ma,
            ContentResolver resolver,
            PlayerControl players,
            StreamSigner signer,
            Acquisition audio,
            EchoPlayers echo) {
        return List.of(
                new PingCommand(ma),
                new ContentResolveCommand(resolver),
                new StreamSignCommand(signer),
                new StreamPrefetchCommand(audio),
                new PlayersListCommand(players),
                new PlayerGetCommand(players),
                new PlayerControlCommand(players),
                new PlayerPlayCommand(players),
                new PlayerTransferCommand(players),
                new EchoQueueCommand(new EchoQueue(ma, echo, resolver, signer)));
    }

    private static Audio startAudio(
            ConnectorConfig config,
            String instanceId,
            MaClient ma,
            StreamSigner signer,
            Clock clock,
            Optional<ServerCertificate> serverTls,
            SSLContext selfTestTls,
            Runnable healthChanged) {
        AudioConfig settings = config.audio();
        VirtualPlayers players = new VirtualPlayers(
                ma, config.maUrl().getHost(), settings.slimprotoPort(), instanceId, settings.players());
        AudioCache cache = new AudioCache(settings.cacheDir(), settings.cacheBytes(), settings.cacheTtl(), clock);
        Acquisition acquisition = new Acquisition(cache, players, settings.streamsPerProvider());
        EchoStreamServer server = new EchoStreamServer(
                new InetSocketAddress(settings.bindAddress(), settings.port()),
                serverTls,
                settings.limits(),
                signer,
                acquisition,
                new ArtProxy(maHttpBase(config.maUrl()), config.maToken()));
        StreamHealth health = new StreamHealth(new ReachabilityCheck(signer, selfTestTls, clock)::run, healthChanged);
        return new Audio(players, cache, acquisition, server, health);
    }

    /** Music Assistant's web server, where its image proxy lives: MA_URL as http(s), without a path. */
    static URI maHttpBase(URI maUrl) {
        String scheme = switch (maUrl.getScheme()) {
            case "ws" -> "http";
            case "wss" -> "https";
            default -> maUrl.getScheme();
        };
        return URI.create(scheme + "://" + maUrl.getRawAuthority() + "/");
    }

    public String instanceId() {
        return instanceId;
    }

    public MaClient ma() {
        return ma;
    }

    public RelayQueueWorker worker() {
        return worker;
    }

    public HomeLink link() {
        return link;
    }

    public StreamSigner signer() {
        return signer;
    }

    public Audio audio() {
        return audio;
    }

    /** The Echo devices' players (none unless ECHO_PLAYERS names some). */
    public EchoPlayers echo() {
        return echo;
    }

    /** The library export's schedule; empty when CATALOG_EXPORT is off. */
    public Optional<CatalogScheduler> catalog() {
        return Optional.ofNullable(catalog);
    }

    /** Where the status page listens; empty when STATUS_PORT is off (or its port was taken). */
    public Optional<InetSocketAddress> statusAddress() {
        return Optional.ofNullable(status).map(StatusServer::address);
    }

    @Override
    public void close() {
        Optional.ofNullable(status).ifPresent(StatusServer::close);
        // The virtual players leave first: MA's player_removed events for them still find the reporter running.
        audio.close();
        echo.close();
        reporter.close();
        if (catalog != null) {
            catalog.close();
        }
        link.close();
        worker.close(); // closes the SQS client once its last long poll returns
        // Give a short poll the chance to end, so that a successor in the same process does not compete with it.
        worker.awaitStopped(Duration.ofSeconds(3));
        ma.close();
        dynamo.close();
        LOG.info("connector.stopped", "instance_id", instanceId);
    }
}
