package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The local stack's issuer: the emulators check no signatures, so the connector gets their
 * endpoints and placeholder keys. Never used in AWS (RELAY_MODE=aws selects STS).
 */
public final class LocalCredentialIssuer implements CredentialIssuer {

    private final String region;
    private final String replyTable;
    private final URI sqsEndpoint;
    private final URI dynamoDbEndpoint;
    private final Clock clock;

    public LocalCredentialIssuer(String region, String replyTable, URI sqsEndpoint, URI dynamoDbEndpoint, Clock clock) {
        this.region = region;
        this.replyTable = replyTable;
        this.sqsEndpoint = sqsEndpoint;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.clock = clock;
    }

    @Override
    public RelayAccess issue(Home home) {
        return new RelayAccess(
                RelayAccess.MODE_LOCAL,
                region,
                home.queueUrl(),
                replyTable,
                sqsEndpoint == null ? null : sqsEndpoint.toString(),
                dynamoDbEndpoint == null ? null : dynamoDbEndpoint.toString(),
                "local",
                "local",
                null,
                clock.millis() + Duration.ofHours(1).toMillis());
    }
}
