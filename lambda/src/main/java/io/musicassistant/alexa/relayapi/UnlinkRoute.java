package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.accounts.Pairing;
import java.util.Map;

/** {@code DELETE /v1/pairings}: an Amazon account leaves its home. */
final class UnlinkRoute implements Route.Open {

    private final AccountLogin login;
    private final Pairing pairing;
    private final HomeAccounts accounts;

    /** @param accounts null where accounts are not wired: a bare unlink, without the grant */
    UnlinkRoute(AccountLogin login, Pairing pairing, HomeAccounts accounts) {
        this.login = login;
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
        return login.asAccount(request, user -> {
            // With its grant, like an unlink by voice (HomeAccounts); a bare unlink where accounts are not wired.
            boolean removed = accounts == null ? pairing.unlink(user) : accounts.unlink(user);
            return ApiResponse.json(200, Map.of("unlinked", removed));
        });
    }
}
