package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.accounts.Pairing;
import io.musicassistant.alexa.platform.RateLimiter;
import java.util.Map;
import java.util.Optional;

/** {@code DELETE /v1/pairings}: an Amazon account leaves its home. */
final class UnlinkRoute implements Route.Open {

    private final AccountLogin login;
    private final RateLimiter limiter;
    private final Pairing pairing;
    private final HomeAccounts accounts;

    /** @param accounts null where accounts are not wired: a bare unlink, without the grant */
    UnlinkRoute(AccountLogin login, RateLimiter limiter, Pairing pairing, HomeAccounts accounts) {
        this.login = login;
        this.limiter = limiter;
        this.pairing = pairing;
        this.accounts = accounts;
    }

    @Override
    public RouteKey key() {
        return RouteKey.delete("/v1/pairings");
    }

    @Override
    public boolean jsonOnly() {
        return false;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Optional<String> user = login.user(request);
        if (user.isEmpty()) {
            return login.unauthorized(request);
        }
        limiter.hit(RelayApi.CLAIMS_PER_USER, user.get());
        // With its grant, like an unlink by voice (HomeAccounts); a bare unlink where accounts are not wired.
        boolean removed = accounts == null ? pairing.unlink(user.get()) : accounts.unlink(user.get());
        return ApiResponse.json(200, Map.of("unlinked", removed));
    }
}
