package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.identity.AuthorizationException;
import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.platform.DeploymentKey;
import io.musicassistant.alexa.platform.RateLimiter;
import java.util.Optional;
import java.util.function.Function;

/** The Amazon account behind an account's route ({@code /v1/pairings}): its Login-with-Amazon token, checked. */
final class AccountLogin {

    private final IdentityResolver identity;
    private final RateLimiter limiter;
    private final DeploymentKey keys;

    AccountLogin(IdentityResolver identity, RateLimiter limiter, DeploymentKey keys) {
        this.identity = identity;
        this.limiter = limiter;
        this.keys = keys;
    }

    /** Login with Amazon could not be asked: the caller should retry, not re-authenticate. */
    static final class LwaUnavailable extends RuntimeException {
        LwaUnavailable() {
            super("Login with Amazon unavailable", null, false, false);
        }
    }

    /**
     * Runs {@code action} with the request's Amazon account (its user id), counted against the
     * account's claims limit; 401 without a valid login (counted against the address).
     */
    ApiResponse asAccount(ApiRequest request, Function<String, ApiResponse> action) {
        Optional<String> user = user(request);
        if (user.isEmpty()) {
            return unauthorized(request);
        }
        limiter.hit(RelayApi.CLAIMS_PER_USER, user.get());
        return action.apply(user.get());
    }

    /** The account's user id, or empty without a valid login; throws {@link LwaUnavailable} when LWA cannot tell. */
    private Optional<String> user(ApiRequest request) {
        try {
            return Optional.of(identity.userId(request.bearer()));
        } catch (AuthorizationException e) {
            if (e.reason() == AuthorizationException.Reason.UNAVAILABLE) {
                throw new LwaUnavailable();
            }
            return Optional.empty();
        }
    }

    /** No valid Amazon login: counted per address, so one address cannot make us ask Login with Amazon without end. */
    private ApiResponse unauthorized(ApiRequest request) {
        limiter.hit(RelayApi.LOGIN_FAILURES_PER_ADDRESS, keys.address(request.sourceIp()));
        return ApiResponse.error(401, "unauthorized", "a valid Login with Amazon access token is required")
                .withHeader("www-authenticate", "Bearer");
    }
}
