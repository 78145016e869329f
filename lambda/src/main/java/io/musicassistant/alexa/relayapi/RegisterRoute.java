package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.platform.DeploymentKey;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistrationRequest;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code POST /v1/homes}: a connector introduces itself and gets its home's id and secret. */
final class RegisterRoute implements Route.Open {

    /** A connector's (or Music Assistant's) version as it reports it. */
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+\\-]{1,40}");

    private final HomeRegistry registry;
    private final RateLimiter limiter;
    private final DeploymentKey keys;

    RegisterRoute(HomeRegistry registry, RateLimiter limiter, DeploymentKey keys) {
        this.registry = registry;
        this.limiter = limiter;
        this.keys = keys;
    }

    @Override
    public RouteKey key() {
        return RouteKey.post("/v1/homes");
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        limiter.hitAll(Map.of(
                RelayApi.REGISTER_PER_ADDRESS,
                keys.address(request.sourceIp()),
                RelayApi.REGISTER_PER_NETWORK,
                keys.network(request.sourceIp())));
        HomeRegistrationRequest body = JsonBodies.body(request, HomeRegistrationRequest.class);
        String version = body.connectorVersion();
        if (version == null || !VERSION.matcher(version).matches()) {
            return ApiResponse.error(
                    400, "invalid_request", "connector_version must be 1-40 characters of [A-Za-z0-9._+-]");
        }
        String name = body.homeName() == null || body.homeName().isBlank()
                ? "Music Assistant"
                : body.homeName().strip();
        if (name.length() > 60 || name.chars().anyMatch(Character::isISOControl)) {
            return ApiResponse.error(400, "invalid_request", "home_name must be at most 60 printable characters");
        }
        HomeRegistration registration = registry.register(version, name);
        return ApiResponse.json(
                201, registration.withUnknownHomeCheck(keys.unknownHomeCheck(registration.instanceId())));
    }
}
