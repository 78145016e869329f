package io.musicassistant.alexa.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the cloud side reads from its environment, read once per container. Defaults suit
 * AWS; the local stack overrides endpoints and the LWA base. See docs/configuration.md.
 *
 * @param region AWS region of the tables and queues
 * @param tablePrefix prefix of every DynamoDB table name (several deployments can share an account)
 * @param dynamoDbEndpoint endpoint override (DynamoDB Local), null in AWS
 * @param sqsEndpoint endpoint override (ElasticMQ), null in AWS
 * @param lwaApiBase base URL of Login with Amazon's API ({@code https://api.amazon.com})
 * @param lwaClientId the LWA security profile's client id; tokens for any other audience are refused
 * @param relayMode {@code aws}: hand connectors STS credentials; {@code local}: hand them the emulators
 * @param connectorRoleArn the role connectors' credentials come from (aws mode)
 * @param fallbackArtUrl HTTPS image used when content has no art of its own
 * @param relayTimeout a directive's budget from its arrival; relay calls give up when it is spent
 * @param heartbeatInterval how often connectors send heartbeats
 * @param heartbeatStaleAfter after this long without a heartbeat a home counts as offline
 * @param contentCacheTtl how long resolved content is cached per home
 * @param queueStateTtl how long shuffle/loop/repeat state of a queue is kept
 * @param pairingCodeTtl how long a pairing code is valid
 * @param reporting the control skill's event reporting (AcceptGrant, the Alexa event gateway)
 * @param controlSkillId the control skill's id: custom-skill requests for any other skill are refused
 */
public record Config(String region, String tablePrefix, URI dynamoDbEndpoint, URI sqsEndpoint, URI lwaApiBase,
                     String lwaClientId, String relayMode, String connectorRoleArn, String fallbackArtUrl,
                     Duration relayTimeout, Duration heartbeatInterval, Duration heartbeatStaleAfter,
                     Duration contentCacheTtl, Duration queueStateTtl, Duration pairingCodeTtl, Reporting reporting,
                     String controlSkillId) {

    /**
     * Event reporting to Alexa. {@code clientId}/{@code clientSecret} are the skill's Alexa Skill
     * Messaging credentials, {@code grantKey} the base64 AES-256 key grants are sealed with,
     * {@code gatewayUrl} the event gateway of the skill's region. Absent (null) when not configured:
     * then AcceptGrant fails and nothing is reported.
     */
    public record Reporting(String clientId, String clientSecret, String grantKey, URI gatewayUrl) {
        @Override
        public String toString() {
            return "Reporting[clientId=" + clientId + ", gatewayUrl=" + gatewayUrl + ", secrets=[redacted]]";
        }
    }

    public static final String RELAY_MODE_AWS = "aws";
    public static final String RELAY_MODE_LOCAL = "local";
    /** The budget of a whole directive, from arrival; leaves Alexa's 8 s some margin. */
    public static final long MAX_RELAY_TIMEOUT_MS = 6500;

    public Config {
        Objects.requireNonNull(region, "AWS_REGION");
        Objects.requireNonNull(tablePrefix, "TABLE_PREFIX");
        Objects.requireNonNull(lwaApiBase, "LWA_API_BASE");
        if (lwaClientId == null || lwaClientId.isBlank()) {
            throw new IllegalArgumentException("LWA_CLIENT_ID must be set: tokens are checked against it");
        }
        if (!RELAY_MODE_AWS.equals(relayMode) && !RELAY_MODE_LOCAL.equals(relayMode)) {
            throw new IllegalArgumentException("RELAY_MODE must be aws or local");
        }
        if (fallbackArtUrl == null || !fallbackArtUrl.startsWith("https://")) {
            throw new IllegalArgumentException("FALLBACK_ART_URL must be an https URL");
        }
        if (relayTimeout.toMillis() < 500 || relayTimeout.toMillis() > MAX_RELAY_TIMEOUT_MS) {
            // Alexa gives up after 8 s; relay queues' 30 s visibility timeout must also outlast any deadline.
            throw new IllegalArgumentException("RELAY_TIMEOUT_MS must be 500.." + MAX_RELAY_TIMEOUT_MS);
        }
    }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        return new Config(
                env.getOrDefault("AWS_REGION", "us-east-1"),
                env.getOrDefault("TABLE_PREFIX", "ma-alexa-"),
                uri(env.get("DYNAMODB_ENDPOINT")),
                uri(env.get("SQS_ENDPOINT")),
                URI.create(env.getOrDefault("LWA_API_BASE", "https://api.amazon.com")),
                env.get("LWA_CLIENT_ID"),
                env.getOrDefault("RELAY_MODE", RELAY_MODE_AWS),
                env.get("CONNECTOR_ROLE_ARN"),
                env.getOrDefault("FALLBACK_ART_URL", "https://music-assistant.io/alexa/art/fallback-512.png"),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("RELAY_TIMEOUT_MS", "5000"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("HEARTBEAT_INTERVAL_S", "30"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("HEARTBEAT_STALE_S", "95"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CONTENT_CACHE_TTL_S", "21600"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("QUEUE_STATE_TTL_S", "172800"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("PAIRING_CODE_TTL_S", "600"))),
                reporting(env),
                env.get("CONTROL_SKILL_ID"));
    }

    public boolean localRelay() {
        return RELAY_MODE_LOCAL.equals(relayMode);
    }

    private static Reporting reporting(Map<String, String> env) {
        String clientId = env.get("ALEXA_CLIENT_ID");
        String secret = env.get("ALEXA_CLIENT_SECRET");
        String key = env.get("GRANT_KEY");
        if (clientId == null || secret == null || key == null) {
            return null;
        }
        return new Reporting(clientId, secret, key,
                URI.create(env.getOrDefault("EVENT_GATEWAY_URL", "https://api.amazonalexa.com/v3/events")));
    }

    private static URI uri(String value) {
        return value == null || value.isBlank() ? null : URI.create(value);
    }
}
