package io.musicassistant.alexa;

import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.accounts.HomeSweep;
import io.musicassistant.alexa.accounts.Pairing;
import io.musicassistant.alexa.accounts.SkillAccounts;
import io.musicassistant.alexa.accounts.SkillLifecycle;
import io.musicassistant.alexa.control.ControlSkill;
import io.musicassistant.alexa.control.players.HomeControl;
import io.musicassistant.alexa.control.reporting.ChangeReporter;
import io.musicassistant.alexa.control.reporting.EventGateway;
import io.musicassistant.alexa.control.reporting.Grants;
import io.musicassistant.alexa.control.reporting.HealthSweep;
import io.musicassistant.alexa.control.reporting.LwaTokenClient;
import io.musicassistant.alexa.control.smarthome.EndpointStates;
import io.musicassistant.alexa.control.smarthome.PlayerDirectives;
import io.musicassistant.alexa.control.smarthome.SmartHomeDirectiveRegistry;
import io.musicassistant.alexa.control.smarthome.SmartHomeSkill;
import io.musicassistant.alexa.control.smarthome.handlers.AcceptGrantHandler;
import io.musicassistant.alexa.control.smarthome.handlers.AdjustVolumeHandler;
import io.musicassistant.alexa.control.smarthome.handlers.DiscoverHandler;
import io.musicassistant.alexa.control.smarthome.handlers.PlaybackControllerHandler;
import io.musicassistant.alexa.control.smarthome.handlers.PowerControllerHandler;
import io.musicassistant.alexa.control.smarthome.handlers.ReportStateHandler;
import io.musicassistant.alexa.control.smarthome.handlers.SetMuteHandler;
import io.musicassistant.alexa.control.smarthome.handlers.SetVolumeHandler;
import io.musicassistant.alexa.control.voice.VoiceSkill;
import io.musicassistant.alexa.control.voice.handlers.VoiceIntentHandlers;
import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.identity.LwaClient;
import io.musicassistant.alexa.identity.TokenCache;
import io.musicassistant.alexa.music.AlexaItems;
import io.musicassistant.alexa.music.EchoQueues;
import io.musicassistant.alexa.music.MusicContent;
import io.musicassistant.alexa.music.MusicDirectiveRegistry;
import io.musicassistant.alexa.music.MusicSkill;
import io.musicassistant.alexa.music.PlayQueues;
import io.musicassistant.alexa.music.PlaybackStore;
import io.musicassistant.alexa.music.handlers.GetItemHandler;
import io.musicassistant.alexa.music.handlers.GetNextItemHandler;
import io.musicassistant.alexa.music.handlers.GetPlayableContentHandler;
import io.musicassistant.alexa.music.handlers.GetPreviousItemHandler;
import io.musicassistant.alexa.music.handlers.GetViewHandler;
import io.musicassistant.alexa.music.handlers.InitiateHandler;
import io.musicassistant.alexa.music.handlers.JumpToItemHandler;
import io.musicassistant.alexa.music.handlers.ReceiveFeedbackHandler;
import io.musicassistant.alexa.music.handlers.SetLoopHandler;
import io.musicassistant.alexa.music.handlers.SetRepeatHandler;
import io.musicassistant.alexa.music.handlers.SetShuffleHandler;
import io.musicassistant.alexa.platform.AwsClients;
import io.musicassistant.alexa.platform.Config;
import io.musicassistant.alexa.platform.DeploymentKey;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.platform.SecretStore;
import io.musicassistant.alexa.platform.SnapStartHooks;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.platform.TokenSealer;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.relay.HomeLiveness;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.RelayClient;
import io.musicassistant.alexa.relayapi.CredentialIssuer;
import io.musicassistant.alexa.relayapi.HomeRegistry;
import io.musicassistant.alexa.relayapi.LocalCredentialIssuer;
import io.musicassistant.alexa.relayapi.RelayApi;
import io.musicassistant.alexa.relayapi.SnapshotUploads;
import io.musicassistant.alexa.relayapi.StsCredentialIssuer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one place the cloud side is wired: plain constructors, no framework, no scanning. Lambda
 * handlers call {@link #fromEnvironment()} once per container; the local stack and tests build
 * one from their own {@link Config}.
 */
public final class CloudWiring {

    private static volatile CloudWiring fromEnvironment;

    private final Config config;
    private final Clock clock;
    private final AwsClients aws;
    private final Tables tables;
    private final IdentityResolver identity;
    private final HomeDirectory directory;
    private final HomeLocator homes;
    private final RelayClient relay;
    // Built on first use, once: a Lambda builds only what its handler needs (cold start), the local
    // stack shares one of each between the skills and the relay API.
    private final Once<MusicSkill> musicSkill = new Once<>(this::buildMusicSkill);
    private final Once<RelayApi> relayApi = new Once<>(this::buildRelayApi);
    private final Once<ControlSkill> controlSkill = new Once<>(this::buildControlSkill);
    private final Once<ChangeReporter> reporter = new Once<>(this::buildReporter);
    private final Once<Grants> grants = new Once<>(this::buildGrants);
    private final Once<EndpointStates> states = new Once<>(this::buildStates);
    private final Once<Pairing> pairing = new Once<>(this::buildPairing);
    private final Once<RateLimiter> rateLimiter = new Once<>(this::buildRateLimiter);
    private final Once<DeploymentKey> deploymentKey =
            new Once<>(() -> config().deploymentKey(arn -> new SecretStore(aws().secretsManager()).read(arn)));
    private final Once<HomeAccounts> accounts =
            new Once<>(() -> new HomeAccounts(aws().dynamoDb(), tables(), pairing.get()));
    private final Once<SkillAccounts> skillAccounts = new Once<>(this::buildSkillAccounts);
    private final Once<Config.Reporting> reporting =
            new Once<>(() -> config().reporting(new SecretStore(aws().secretsManager())::read));

    /** A value made by {@code make} on the first {@link #get}, then kept. */
    private static final class Once<T> {
        private final Supplier<T> make;
        private T value;
        private boolean made;

        Once(Supplier<T> make) {
            this.make = make;
        }

        synchronized T get() {
            if (!made) {
                value = make.get();
                made = true;
            }
            return value;
        }
    }

    public CloudWiring(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.aws = new AwsClients(config);
        this.tables = new Tables(config.tablePrefix());
        LwaClient lwa = new LwaClient(config.lwaApiBase(), config.lwaClientId(), clock, Duration.ofMillis(1500));
        this.identity = new IdentityResolver(lwa, new TokenCache(aws.dynamoDb(), tables), clock);
        this.directory = new HomeDirectory(aws.dynamoDb(), tables);
        HomeLiveness liveness = new HomeLiveness(aws.dynamoDb(), tables);
        this.homes = new HomeLocator(directory, clock, Duration.ofSeconds(60), config.heartbeatStaleAfter(), liveness);
        this.relay = new RelayClient(
                aws.sqs(),
                aws.dynamoDb(),
                tables,
                clock,
                config.heartbeatStaleAfter(),
                liveness,
                config.relayAckTimeout());
    }

    public static CloudWiring fromEnvironment() {
        CloudWiring wiring = fromEnvironment;
        if (wiring == null) {
            synchronized (CloudWiring.class) {
                if (fromEnvironment == null) {
                    SnapStartHooks.register();
                    fromEnvironment = new CloudWiring(Config.fromEnvironment(), Clock.systemUTC());
                }
                wiring = fromEnvironment;
            }
        }
        return wiring;
    }

    public MusicSkill musicSkill() {
        return musicSkill.get();
    }

    public RelayApi relayApi() {
        return relayApi.get();
    }

    public ControlSkill controlSkill() {
        return controlSkill.get();
    }

    /** The accounts linked to homes: listed, revoked, unlinked (relay API, voice, skill events). */
    public HomeAccounts accounts() {
        return accounts.get();
    }

    /**
     * The daily removal of stale registrations and silent homes.
     *
     * @param snapshots deletes a home's library snapshot, or null without a catalog bucket
     */
    public HomeSweep homeSweep(java.util.function.Consumer<String> snapshots) {
        return new HomeSweep(aws.dynamoDb(), aws.sqs(), tables, clock, snapshots);
    }

    public RelayClient relay() {
        return relay;
    }

    public HomeLocator homes() {
        return homes;
    }

    /** The per-deployment key source addresses are hashed with (read from Secrets Manager on first use in AWS). */
    public DeploymentKey deploymentKey() {
        return deploymentKey.get();
    }

    public AwsClients aws() {
        return aws;
    }

    public Tables tables() {
        return tables;
    }

    public Config config() {
        return config;
    }

    private MusicSkill buildMusicSkill() {
        PlaybackStore store =
                new PlaybackStore(aws.dynamoDb(), tables, clock, config.contentCacheTtl(), config.queueStateTtl());
        MusicContent music = new MusicContent(relay, store);
        AlexaItems items = new AlexaItems(config.fallbackArtUrl());
        PlayQueues queues = new PlayQueues(homes, music, store, items, clock);
        EchoQueues echo = new EchoQueues(homes, relay, music, items);
        MusicDirectiveRegistry registry = new MusicDirectiveRegistry()
                .register(new GetPlayableContentHandler(homes, music, items, echo))
                .register(new InitiateHandler("Initiate", homes, music, queues, items, echo))
                .register(new InitiateHandler("Reinitiate", homes, music, queues, items, echo))
                .register(new GetNextItemHandler(queues, echo))
                .register(new GetPreviousItemHandler(queues, echo))
                .register(new JumpToItemHandler(queues, echo))
                .register(new GetItemHandler(queues, echo))
                .register(new GetViewHandler(queues, items, echo))
                .register(new SetShuffleHandler(queues, echo))
                .register(new SetLoopHandler(queues, echo))
                .register(new SetRepeatHandler(queues, echo))
                .register(new ReceiveFeedbackHandler());
        return new MusicSkill(
                registry,
                identity,
                clock,
                config.relayTimeout(),
                new SkillLifecycle(identity, null, skillAccounts.get()));
    }

    private ControlSkill buildControlSkill() {
        HomeControl control = new HomeControl(relay);
        PlayerDirectives players = new PlayerDirectives(homes, control, states.get(), clock);
        SmartHomeDirectiveRegistry directives = new SmartHomeDirectiveRegistry()
                .register(new DiscoverHandler(homes, control, states.get(), clock))
                .register(new PlaybackControllerHandler(players))
                .register(new SetVolumeHandler(players))
                .register(new AdjustVolumeHandler(players))
                .register(new SetMuteHandler(players))
                .register(new PowerControllerHandler(players))
                .register(new ReportStateHandler(players))
                .register(new AcceptGrantHandler(identity, grants::get));
        SmartHomeSkill smartHome = new SmartHomeSkill(directives, identity, clock, config.relayTimeout());
        EndpointStates endpointStates = states.get();
        HomeControl byVoice =
                new HomeControl(relay, (home, playerId) -> endpointStates.changingByVoice(home.instanceId(), playerId));
        VoiceSkill voice = new VoiceSkill(
                homes,
                byVoice,
                identity,
                clock,
                config.relayTimeout(),
                config.controlSkillId(),
                VoiceIntentHandlers.registry(homes, pairing.get(), rateLimiter.get(), accounts.get()));
        return new ControlSkill(
                smartHome, voice, new SkillLifecycle(identity, config.controlSkillId(), skillAccounts.get()));
    }

    /** The event-gateway grants, or null when reporting is not configured (AcceptGrant then fails). */
    private Grants buildGrants() {
        Config.Reporting reporting = this.reporting.get();
        if (reporting == null) {
            return null;
        }
        LwaTokenClient tokens = new LwaTokenClient(
                URI.create(config.lwaApiBase() + "/auth/o2/token"),
                reporting.clientId(),
                reporting.clientSecret(),
                clock,
                Duration.ofMillis(2000));
        return new Grants(aws.dynamoDb(), tables, TokenSealer.fromBase64(reporting.grantKey()), tokens, clock);
    }

    /** Sends Alexa the news from homes; built once, shared by every relay API request. */
    public ChangeReporter reporter() {
        return reporter.get();
    }

    /** Tells Alexa which homes went offline or came back (the scheduled health sweep). */
    public HealthSweep healthSweep() {
        return healthSweep(clock);
    }

    /** The sweep judging staleness by {@code now} (tests of a stale home do not wait half an hour). */
    public HealthSweep healthSweep(Clock now) {
        return new HealthSweep(directory, reporter.get(), now, config.heartbeatStaleAfter());
    }

    private EndpointStates buildStates() {
        return new EndpointStates(aws.dynamoDb(), tables, clock);
    }

    private Pairing buildPairing() {
        return new Pairing(aws.dynamoDb(), tables, clock, config.pairingCodeTtl());
    }

    private SkillAccounts buildSkillAccounts() {
        return new SkillAccounts(aws.dynamoDb(), tables, accounts.get(), clock);
    }

    private RateLimiter buildRateLimiter() {
        return new RateLimiter(aws.dynamoDb(), tables, clock);
    }

    private ChangeReporter buildReporter() {
        Config.Reporting reporting = this.reporting.get();
        EventGateway gateway =
                reporting == null ? null : new EventGateway(reporting.gatewayUrl(), Duration.ofMillis(2000));
        return new ChangeReporter(directory, grants.get(), gateway, states.get(), clock);
    }

    private RelayApi buildRelayApi() {
        HomeRegistry registry = new HomeRegistry(
                aws.dynamoDb(),
                aws.sqs(),
                tables,
                clock,
                config.heartbeatInterval(),
                config.heartbeatStaleAfter(),
                config.localRelay());
        CredentialIssuer credentials = config.localRelay()
                ? new LocalCredentialIssuer(
                        config.region(),
                        tables.name(Tables.REPLIES),
                        config.sqsEndpoint(),
                        config.dynamoDbEndpoint(),
                        clock)
                : new StsCredentialIssuer(aws.sts(), config.connectorRoleArn(), config.region(), tables);
        SnapshotUploads snapshots =
                config.catalogBucket() == null ? null : new SnapshotUploads(aws.s3Presigner(), config.catalogBucket());
        return new RelayApi(
                registry,
                pairing.get(),
                credentials,
                identity,
                rateLimiter.get(),
                news -> !reporter().report(news.instanceId(), news.events()).retryLater(),
                snapshots,
                deploymentKey(),
                accounts.get());
    }
}
