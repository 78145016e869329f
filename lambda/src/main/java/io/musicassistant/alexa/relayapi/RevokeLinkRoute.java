package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.accounts.LinkLabels;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.protocol.api.LinkRevocation;
import io.musicassistant.alexa.relay.protocol.api.LinkRevoked;
import io.musicassistant.alexa.relayapi.HomeRegistry.AuthenticatedHome;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/homes/{id}/links/revoke}: the connector removes one linked account by its label.
 * A revoked account's skill containers may still reach the home for up to a minute (HomeLocator
 * remembers links that long).
 */
final class RevokeLinkRoute implements Route.OfHome {

    private final RateLimiter limiter;
    private final HomeAccounts accounts;

    /** @param accounts null where accounts are not wired: the route answers 404 */
    RevokeLinkRoute(RateLimiter limiter, HomeAccounts accounts) {
        this.limiter = limiter;
        this.accounts = accounts;
    }

    @Override
    public RouteKey key() {
        return RouteKey.post("/v1/homes/{id}/links/revoke");
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedHome home) {
        if (accounts == null) {
            return RelayApi.NO_SUCH_ROUTE;
        }
        String instanceId = home.home().instanceId();
        limiter.hit(LinksRoute.LINKS_PER_HOME, instanceId);
        LinkRevocation body = JsonBodies.body(request, LinkRevocation.class);
        String label = LinkLabels.normalise(body.label());
        if (label == null) {
            return ApiResponse.error(400, "invalid_request", "label must look like ABCD-EFGH");
        }
        List<HomeAccounts.Account> linked = accounts.list(instanceId);
        Optional<HomeAccounts.Account> account =
                linked.stream().filter(a -> a.label().equals(label)).findFirst();
        boolean revoked = account.isPresent() && accounts.revoke(instanceId, account.get());
        return ApiResponse.json(200, new LinkRevoked(revoked, linked.size() - (revoked ? 1 : 0)));
    }
}
