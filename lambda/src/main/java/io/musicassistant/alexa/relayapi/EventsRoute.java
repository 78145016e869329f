package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relayapi.HomeRegistry.AuthenticatedHome;
import java.util.Map;

/** {@code POST /v1/homes/{id}/events}: what changed among the home's players, for the control skill's reports. */
final class EventsRoute implements Route.OfHome {

    private final RateLimiter limiter;
    private final RelayApi.NewsSink news;

    EventsRoute(RateLimiter limiter, RelayApi.NewsSink news) {
        this.limiter = limiter;
        this.news = news;
    }

    @Override
    public RouteKey key() {
        return RouteKey.post("/v1/homes/{id}/events");
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedHome home) {
        String instanceId = home.home().instanceId();
        limiter.hit(RelayApi.EVENTS_PER_HOME, instanceId);
        HomeEvents events = JsonBodies.body(request, HomeEvents.class);
        if (!news.deliver(new RelayApi.HomeNews(instanceId, events))) {
            // The connector keeps the news and posts it again, with whatever changed meanwhile.
            return ApiResponse.error(503, "reports_pending", "some reports could not be sent yet")
                    .withHeader("retry-after", "10");
        }
        return ApiResponse.json(200, Map.of("accepted", events.events().size()));
    }
}
