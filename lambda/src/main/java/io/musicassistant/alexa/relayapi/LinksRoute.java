package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.protocol.api.HomeLinks;
import io.musicassistant.alexa.relayapi.HomeRegistry.AuthenticatedHome;
import java.time.Duration;
import java.util.List;

/**
 * {@code POST /v1/homes/{id}/links}: the home's linked Amazon accounts, by label and date, for the
 * connector's {@code accounts} command (docs/relay-protocol.md, "Linked accounts"). Nothing here
 * ever answers an account's id.
 */
final class LinksRoute implements Route.OfHome {

    /** Both link routes together. */
    static final RateLimiter.Limit LINKS_PER_HOME = new RateLimiter.Limit("links-home", 30, Duration.ofMinutes(10));

    private final RateLimiter limiter;
    private final HomeAccounts accounts;

    /** @param accounts null where accounts are not wired: the route answers 404 */
    LinksRoute(RateLimiter limiter, HomeAccounts accounts) {
        this.limiter = limiter;
        this.accounts = accounts;
    }

    @Override
    public RouteKey key() {
        return RouteKey.post("/v1/homes/{id}/links");
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedHome home) {
        if (accounts == null) {
            return RelayApi.NO_SUCH_ROUTE;
        }
        limiter.hit(LINKS_PER_HOME, home.home().instanceId());
        return ApiResponse.json(
                200, new HomeLinks(view(accounts.list(home.home().instanceId()))));
    }

    static List<HomeLinks.Link> view(List<HomeAccounts.Account> accounts) {
        return accounts.stream()
                .map(a -> new HomeLinks.Link(a.label(), a.linkedAt().toEpochMilli(), a.owner()))
                .toList();
    }
}
