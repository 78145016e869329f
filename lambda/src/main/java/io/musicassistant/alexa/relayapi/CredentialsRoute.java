package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.platform.DeploymentKey;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relayapi.HomeRegistry.AuthenticatedHome;

/** {@code POST /v1/homes/{id}/credentials}: what the connector needs to reach its own queue and reply rows. */
final class CredentialsRoute implements Route.OfHome {

    private final RateLimiter limiter;
    private final CredentialIssuer credentials;
    private final DeploymentKey keys;

    CredentialsRoute(RateLimiter limiter, CredentialIssuer credentials, DeploymentKey keys) {
        this.limiter = limiter;
        this.credentials = credentials;
        this.keys = keys;
    }

    @Override
    public RouteKey key() {
        return RouteKey.post("/v1/homes/{id}/credentials");
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedHome home) {
        String instanceId = home.home().instanceId();
        limiter.hit(RelayApi.CREDENTIALS_PER_HOME, instanceId);
        return ApiResponse.json(
                200, credentials.issue(home.home()).withUnknownHomeCheck(keys.unknownHomeCheck(instanceId)));
    }
}
