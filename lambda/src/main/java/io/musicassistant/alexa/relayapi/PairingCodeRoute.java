package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.accounts.Pairing;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relayapi.HomeRegistry.AuthenticatedHome;

/** {@code POST /v1/homes/{id}/pairing-code}: a fresh single-use code for the user to claim, voiding the last. */
final class PairingCodeRoute implements Route.OfHome {

    private final RateLimiter limiter;
    private final Pairing pairing;

    PairingCodeRoute(RateLimiter limiter, Pairing pairing) {
        this.limiter = limiter;
        this.pairing = pairing;
    }

    @Override
    public RouteKey key() {
        return RouteKey.post("/v1/homes/{id}/pairing-code");
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedHome home) {
        limiter.hit(RelayApi.CODES_PER_HOME, home.home().instanceId());
        return ApiResponse.json(201, pairing.issue(home.home().instanceId()));
    }
}
