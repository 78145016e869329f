package io.musicassistant.alexa.local;

import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.local.faults.Faults;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.platform.Buckets;
import io.musicassistant.alexa.platform.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the cloud side and the connector are told on this machine: the environment each would read
 * in a deployment, pointing at the local servers and stand-ins.
 */
final class LocalConfig {

    /** The key that seals event-gateway grants in the local DynamoDB; a deployment makes its own. */
    static final String LOCAL_GRANT_KEY = "bG9jYWwtc3RhY2stZ3JhbnQta2V5LW5vdC1zZWNyZXQ=";

    /** The relay API's key for source-address hashes and unknown-home proofs; fixed so that proofs outlive a restart. */
    static final String LOCAL_DEPLOYMENT_KEY = "local-stack-deployment-key-not-secret";

    private LocalConfig() {}

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
        env.put(
                "CATALOG_BUCKET",
                new LocalBuckets(services, env.get("TABLE_PREFIX")).names().name(Buckets.CATALOG));
        env.put("S3_ENDPOINT", services.s3Endpoint().toString());
        if (faults != null) {
            env.put("DYNAMODB_ENDPOINT", faults.dynamoDbEndpoint().toString());
            env.put("SQS_ENDPOINT", faults.sqsEndpoint().toString());
        }
        return Config.from(env);
    }

    /** The Echo devices the local connector registers in Music Assistant ({@code ECHO_PLAYERS}). */
    static final String ECHO_PLAYERS = "Kitchen Echo";

    /**
     * The connector's settings, as the environment variables a connector reads: the connector in this
     * JVM loads them as {@code ConnectorMain} does, a connector process (with faults) gets them as its environment.
     */
    static Map<String, String> connectorEnv(
            LocalEndpoint endpoint, MaSimulator ma, Path state, LocalStack.Streams streams) {
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
        // The status page on a free loopback port (Connector.statusAddress() says which).
        env.put("STATUS_BIND", "127.0.0.1");
        env.put("STATUS_PORT", "0");
        env.put("SLIMPROTO_PORT", Integer.toString(ma.slimprotoPort()));
        // No STREAM_MAX_ variable: the stream server runs with the production limits (StreamLimits.DEFAULTS).
        // The library export waits for five quiet seconds after a library change (a home waits a minute),
        // so that the demo sees a change reach the catalogs while one watches.
        env.put("CATALOG_EXPORT", "true");
        env.put("CATALOG_PLAYLISTS", "false");
        env.put("CATALOG_RADIOS", "true");
        env.put("CATALOG_DEBOUNCE_S", "5");
        // One Echo as a Music Assistant player (issue 16), the one the demo's routine plays on.
        env.put("ECHO_PLAYERS", ECHO_PLAYERS);
        return env;
    }
}
