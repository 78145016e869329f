package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.accounts.LinkLabels;
import io.musicassistant.alexa.platform.RateLimiter.Limit;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.protocol.api.HomeLinks;
import io.musicassistant.alexa.relay.protocol.api.LinkRevocation;
import io.musicassistant.alexa.relay.protocol.api.LinkRevoked;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The home routes about its linked Amazon accounts, for the connector's {@code accounts} command
 * (docs/relay-protocol.md, "Linked accounts"): {@code links} lists them by label and date, {@code
 * links/revoke} removes one. {@link RelayApi} authenticates the home by its secret first; nothing
 * here ever answers an account's id. A revoked account's skill containers may still reach the home
 * for up to a minute (HomeLocator remembers links that long).
 */
final class AccountRoutes {

    static final Limit LINKS_PER_HOME = new Limit("links-home", 30, Duration.ofMinutes(10));
    static final String LIST = "links";
    static final String REVOKE = "links/revoke";

    private final HomeAccounts accounts;
    private final RateLimiter limiter;

    AccountRoutes(HomeAccounts accounts, RateLimiter limiter) {
        this.accounts = accounts;
        this.limiter = limiter;
    }

    /** The account leaves its home ({@code DELETE /v1/pairings}), with its grant. */
    boolean unlink(String userId) {
        return accounts.unlink(userId);
    }

    ApiResponse handle(String action, ApiRequest request, String instanceId) {
        limiter.hit(LINKS_PER_HOME, instanceId);
        if (LIST.equals(action)) {
            return ApiResponse.json(200, new HomeLinks(view(accounts.list(instanceId))));
        }
        LinkRevocation body = RelayApi.body(request, LinkRevocation.class);
        String label = LinkLabels.normalise(body.label());
        if (label == null) {
            return ApiResponse.error(400, "invalid_request", "label must look like ABCD-EFGH");
        }
        List<HomeAccounts.Account> linked = accounts.list(instanceId);
        Optional<HomeAccounts.Account> account = linked.stream().filter(a -> a.label().equals(label)).findFirst();
        boolean revoked = account.isPresent() && accounts.revoke(instanceId, account.get());
        return ApiResponse.json(200, new LinkRevoked(revoked, linked.size() - (revoked ? 1 : 0)));
    }

    static List<HomeLinks.Link> view(List<HomeAccounts.Account> accounts) {
        return accounts.stream().map(a -> new HomeLinks.Link(a.label(), a.linkedAt().toEpochMilli(), a.owner())).toList();
    }
}
