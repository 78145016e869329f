package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relayapi.HomeRegistry.AuthenticatedHome;
import java.util.regex.Pattern;

/** {@code POST /v1/homes/{id}/heartbeat}: the connector says it is there, and how its home is. */
final class HeartbeatRoute implements Route.OfHome {

    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    private final RateLimiter limiter;
    private final HomeRegistry registry;

    HeartbeatRoute(RateLimiter limiter, HomeRegistry registry) {
        this.limiter = limiter;
        this.registry = registry;
    }

    @Override
    public RouteKey key() {
        return RouteKey.post("/v1/homes/{id}/heartbeat");
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedHome home) {
        limiter.hit(RelayApi.HEARTBEATS_PER_HOME, home.home().instanceId());
        HeartbeatRequest beat = JsonBodies.body(request, HeartbeatRequest.class);
        if (!HeartbeatRequest.ONLINE.equals(beat.status()) && !HeartbeatRequest.STOPPING.equals(beat.status())) {
            return ApiResponse.error(400, "invalid_request", "status must be online or stopping");
        }
        if (beat.connectorVersion() == null
                || !RegisterRoute.VERSION.matcher(beat.connectorVersion()).matches()) {
            return ApiResponse.error(400, "invalid_request", "connector_version is required");
        }
        if (beat.streamBase() != null
                && (!beat.streamBase().startsWith("https://")
                        || beat.streamBase().length() > 300)) {
            return ApiResponse.error(400, "invalid_request", "stream_base must be an https URL");
        }
        if (beat.stream() != null
                && beat.stream().problem() != null
                && !HeartbeatRequest.StreamStatus.PROBLEM
                        .matcher(beat.stream().problem())
                        .matches()) {
            return ApiResponse.error(400, "invalid_request", "stream.problem must be a short code");
        }
        HeartbeatRequest.MaStatus ma = beat.ma();
        if (ma != null
                && (ma.serverId() != null && !SERVER_ID.matcher(ma.serverId()).matches()
                        || ma.serverVersion() != null
                                && !RegisterRoute.VERSION
                                        .matcher(ma.serverVersion())
                                        .matches())) {
            return ApiResponse.error(400, "invalid_request", "ma.server_id or ma.server_version is malformed");
        }
        return ApiResponse.json(200, registry.heartbeat(home, beat));
    }
}
