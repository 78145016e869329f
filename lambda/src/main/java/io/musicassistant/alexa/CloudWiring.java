package io.musicassistant.alexa;

import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.identity.LwaClient;
import io.musicassistant.alexa.identity.TokenCache;
import io.musicassistant.alexa.music.AlexaItems;
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
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.CredentialIssuer;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.HomeRegistry;
import io.musicassistant.alexa.relay.LocalCredentialIssuer;
import io.musicassistant.alexa.relay.Pairing;
import io.musicassistant.alexa.relay.RateLimiter;
import io.musicassistant.alexa.relay.RelayApi;
import io.musicassistant.alexa.relay.RelayClient;
import io.musicassistant.alexa.relay.StsCredentialIssuer;
import java.time.Clock;
import java.time.Duration;

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
    private volatile MusicSkill musicSkill;
    private volatile RelayApi relayApi;

    public CloudWiring(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.aws = new AwsClients(config);
        this.tables = new Tables(config.tablePrefix());
        LwaClient lwa = new LwaClient(config.lwaApiBase(), config.lwaClientId(), clock, Duration.ofMillis(1500));
        this.identity = new IdentityResolver(lwa, new TokenCache(aws.dynamoDb(), tables), clock);
        this.directory = new HomeDirectory(aws.dynamoDb(), tables);
        this.homes = new HomeLocator(directory, clock, Duration.ofSeconds(60), config.heartbeatStaleAfter());
        this.relay = new RelayClient(aws.sqs(), aws.dynamoDb(), tables, clock, config.heartbeatStaleAfter());
    }

    public static CloudWiring fromEnvironment() {
        CloudWiring wiring = fromEnvironment;
        if (wiring == null) {
            synchronized (CloudWiring.class) {
                if (fromEnvironment == null) {
                    fromEnvironment = new CloudWiring(Config.fromEnvironment(), Clock.systemUTC());
                }
                wiring = fromEnvironment;
            }
        }
        return wiring;
    }

    public MusicSkill musicSkill() {
        MusicSkill skill = musicSkill;
        if (skill == null) {
            synchronized (this) {
                if (musicSkill == null) {
                    musicSkill = buildMusicSkill();
                }
                skill = musicSkill;
            }
        }
        return skill;
    }

    public RelayApi relayApi() {
        RelayApi api = relayApi;
        if (api == null) {
            synchronized (this) {
                if (relayApi == null) {
                    relayApi = buildRelayApi();
                }
                api = relayApi;
            }
        }
        return api;
    }

    public RelayClient relay() {
        return relay;
    }

    public HomeLocator homes() {
        return homes;
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
        PlaybackStore store = new PlaybackStore(aws.dynamoDb(), tables, clock, config.contentCacheTtl(), config.queueStateTtl());
        MusicContent music = new MusicContent(relay, store);
        AlexaItems items = new AlexaItems(config.fallbackArtUrl());
        PlayQueues queues = new PlayQueues(homes, music, store, items, clock);
        MusicDirectiveRegistry registry = new MusicDirectiveRegistry()
                .register(new GetPlayableContentHandler(homes, music, items))
                .register(new InitiateHandler("Initiate", homes, music, queues, items))
                .register(new InitiateHandler("Reinitiate", homes, music, queues, items))
                .register(new GetNextItemHandler(queues))
                .register(new GetPreviousItemHandler(queues))
                .register(new JumpToItemHandler(queues))
                .register(new GetItemHandler(queues))
                .register(new GetViewHandler(queues, items))
                .register(new SetShuffleHandler(queues))
                .register(new SetLoopHandler(queues))
                .register(new SetRepeatHandler(queues))
                .register(new ReceiveFeedbackHandler());
        return new MusicSkill(registry, identity, clock, config.relayTimeout());
    }

    private RelayApi buildRelayApi() {
        HomeRegistry registry = new HomeRegistry(aws.dynamoDb(), aws.sqs(), tables, clock, config.heartbeatInterval(),
                config.heartbeatStaleAfter(), config.localRelay());
        Pairing pairing = new Pairing(aws.dynamoDb(), tables, clock, config.pairingCodeTtl());
        CredentialIssuer credentials = config.localRelay()
                ? new LocalCredentialIssuer(config.region(), tables.name(Tables.REPLIES), config.sqsEndpoint(),
                        config.dynamoDbEndpoint(), clock)
                : new StsCredentialIssuer(aws.sts(), config.connectorRoleArn(), config.region(), tables.name(Tables.REPLIES));
        return new RelayApi(registry, pairing, credentials, identity, new RateLimiter(aws.dynamoDb(), tables, clock));
    }
}
