package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.accounts.HomeAccounts;
import io.musicassistant.alexa.accounts.Pairing;
import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.log.LogContext;
import io.musicassistant.alexa.platform.DeploymentKey;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.platform.RateLimiter.Limit;
import io.musicassistant.alexa.platform.RateLimiter.RateLimited;
import io.musicassistant.alexa.relay.protocol.ProtocolException;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.UnknownHome;
import io.musicassistant.alexa.relayapi.HomeRegistry.Authentication;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The relay API: what connectors (registration, credentials, heartbeats, pairing codes) and users
 * (claiming a pairing code with their Amazon login) call over HTTPS. Every route validates its input,
 * is rate-limited, and answers JSON; see docs/relay-protocol.md for the contract. Each route is one
 * class that declares its key ({@link RouteKey}: {@code POST /v1/homes/{id}/heartbeat}), found in the
 * {@link RouteTable} built here; this class keeps what every route shares: the order of checks, the
 * home's secret, the rate limits, and the mapping of failures to answers.
 */
public final class RelayApi {

    private static final JsonLog LOG = JsonLog.get(RelayApi.class);
    /** Player news of a large home (50 players) fits; everything else is far smaller. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** A batch of player events carries whole player states (up to {@code HomeEvents.MAX_EVENTS}). */
    public static final int MAX_EVENTS_BODY_BYTES = 64 * 1024;

    /**
     * Registration proves nothing, so it is limited where it comes from: per address and per network
     * (/24, /48). There is no deployment-wide cap: one that a few hundred addresses could use up would
     * lock every new home out; an alarm on the registration rate (infrastructure Alarms) watches
     * instead, and API Gateway's stage throttle bounds the rate (docs/decisions.md, Issue 12 — relay API).
     */
    static final Limit REGISTER_PER_ADDRESS = new Limit("register-ip", 10, Duration.ofHours(1));

    static final Limit REGISTER_PER_NETWORK = new Limit("register-net", 60, Duration.ofHours(1));
    /**
     * Failed home authentications, counted only after the secret was checked: per address and per
     * home id, separately. A request with the right secret is never refused by either, so wrong
     * secrets behind a shared (carrier) NAT cannot take a neighbour's home offline.
     */
    static final Limit AUTH_FAILURES_PER_ADDRESS = new Limit("auth-fail-ip", 20, Duration.ofMinutes(10));

    static final Limit AUTH_FAILURES_PER_HOME = new Limit("auth-fail-home", 20, Duration.ofMinutes(10));
    static final Limit CREDENTIALS_PER_HOME = new Limit("credentials-home", 30, Duration.ofHours(1));
    /** Heartbeats are rare (docs/relay-protocol.md, Heartbeats) but come at once when MA comes or goes: room for a flapping MA. */
    static final Limit HEARTBEATS_PER_HOME = new Limit("heartbeat-home", 30, Duration.ofMinutes(1));

    static final Limit CODES_PER_HOME = new Limit("pairing-code-home", 10, Duration.ofMinutes(10));
    /** Debounced player news; a busy home sends a few per second at most. */
    static final Limit EVENTS_PER_HOME = new Limit("events-home", 300, Duration.ofMinutes(1));
    /**
     * Library snapshots: a home uploads only when its library changed (debounced), so a dozen a day
     * is plenty, and it bounds what one home can make every catalog build read (docs/catalogs.md).
     */
    static final Limit SNAPSHOTS_PER_HOME = new Limit("catalog-snapshot-home", 12, Duration.ofDays(1));
    /** Pairing-code claims per Amazon account, over the relay API and by voice alike: what bounds code guessing. */
    public static final Limit CLAIMS_PER_USER = new Limit("claim-user", 10, Duration.ofHours(1));
    /** Claims and unlinks without a valid Amazon login, per address; a valid login is never refused by it. */
    static final Limit LOGIN_FAILURES_PER_ADDRESS = new Limit("login-fail-ip", 30, Duration.ofHours(1));

    static final ApiResponse NO_SUCH_ROUTE = ApiResponse.error(404, "not_found", "no such route");

    private final HomeRegistry registry;
    private final RateLimiter limiter;
    private final DeploymentKey keys;
    private final RouteTable routes;

    /** Player news from one home, for the control skill's reporting. */
    public record HomeNews(String instanceId, HomeEvents events) {}

    /** Takes a home's player news; false when some of it could not be passed on yet and should come again. */
    @FunctionalInterface
    public interface NewsSink {
        boolean deliver(HomeNews news);
    }

    /**
     * @param snapshots presigns library snapshot uploads; null when the deployment has no catalog bucket
     * @param keys the deployment key: source addresses are only ever logged and counted in its keyed form
     * @param accounts the home's linked accounts (list, revoke); null: those routes answer 404
     */
    public RelayApi(
            HomeRegistry registry,
            Pairing pairing,
            CredentialIssuer credentials,
            IdentityResolver identity,
            RateLimiter limiter,
            NewsSink news,
            SnapshotUploads snapshots,
            DeploymentKey keys,
            HomeAccounts accounts) {
        this.registry = registry;
        this.limiter = limiter;
        this.keys = keys;
        AccountLogin login = new AccountLogin(identity, limiter, keys);
        this.routes = new RouteTable()
                .add(new RegisterRoute(registry, limiter, keys))
                .add(new ClaimPairingRoute(login, pairing))
                .add(new UnlinkRoute(login, pairing, accounts))
                .add(new CredentialsRoute(limiter, credentials, keys))
                .add(new HeartbeatRoute(limiter, registry))
                .add(new PairingCodeRoute(limiter, pairing))
                .add(new LinksRoute(limiter, accounts))
                .add(new RevokeLinkRoute(limiter, accounts))
                .add(new EventsRoute(limiter, news))
                .add(new CatalogSnapshotRoute(limiter, snapshots));
    }

    /** Every route this API answers, by its key. */
    public RouteTable routes() {
        return routes;
    }

    public ApiResponse handle(ApiRequest request) {
        String requestId = UUID.randomUUID().toString();
        try (var ignored = LogContext.put("request_id", requestId)) {
            ApiResponse response = route(request);
            LOG.info(
                    "relay_api.request",
                    "method",
                    request.method(),
                    "route",
                    routeName(request.path()),
                    "status",
                    response.status(),
                    "source",
                    keys.logTag(request.sourceIp()));
            return response.withHeader("x-request-id", requestId);
        }
    }

    /** Size, route, method, media type, then (for a home's route) the home's secret: in this order, always. */
    private ApiResponse route(ApiRequest request) {
        try {
            String path = request.path() == null ? "" : request.path();
            int limit = path.endsWith("/events") ? MAX_EVENTS_BODY_BYTES : MAX_BODY_BYTES;
            if (request.body() != null && request.body().length > limit) {
                return ApiResponse.error(413, "payload_too_large", "request bodies are limited to " + limit + " bytes");
            }
            return switch (routes.match(request.method(), path)) {
                case RouteTable.Match.NotFound() -> NO_SUCH_ROUTE;
                case RouteTable.Match.WrongMethod(var allowed) ->
                    ApiResponse.error(405, "method_not_allowed", "use " + String.join(" or ", allowed));
                case RouteTable.Match.Found(Route.Open open, var none)
                when open.jsonOnly() && !json(request) -> unsupportedMediaType();
                case RouteTable.Match.Found(Route.Open open, var none) -> open.handle(request);
                case RouteTable.Match.Found(Route.OfHome ofHome, var instanceId) ->
                    json(request) ? homeRoute(request, instanceId, ofHome) : unsupportedMediaType();
            };
        } catch (RateLimited e) {
            return ApiResponse.error(429, "rate_limited", "too many requests; retry later")
                    .withHeader("retry-after", Long.toString(e.retryAfterSeconds()));
        } catch (JsonBodies.BadRequest e) {
            return ApiResponse.error(400, "invalid_request", e.getMessage());
        } catch (ProtocolException e) {
            // Its text may quote the parser; the caller gets our own words only.
            return ApiResponse.error(400, "invalid_request", "the request does not follow the relay protocol");
        } catch (AccountLogin.LwaUnavailable e) {
            return ApiResponse.error(503, "login_unavailable", "Login with Amazon did not answer; retry shortly")
                    .withHeader("retry-after", "5");
        } catch (RuntimeException e) {
            LOG.error("relay_api.failed", e);
            return ApiResponse.error(500, "internal", "internal error");
        }
    }

    private ApiResponse homeRoute(ApiRequest request, String instanceId, Route.OfHome route) {
        // The secret first, limits after: failures count against the address and the id, successes never do.
        Authentication auth = registry.check(instanceId, request.bearer());
        if (!(auth instanceof Authentication.Authenticated(HomeRegistry.AuthenticatedHome authenticated))) {
            return refuseHome(request, instanceId, auth instanceof Authentication.UnknownHome);
        }
        try (var ignored = LogContext.put("instance_id", instanceId)) {
            return route.handle(request, authenticated);
        }
    }

    /**
     * A home route without a valid secret. The failure counts against the address and, for a
     * well-formed id, against that id; past either limit the answer is 429. A well-formed id this
     * deployment has no home for answers 410 with the proof only this deployment can make (ids are 128
     * random bits, so telling "absent" from "wrong secret" gives a scanner nothing to find).
     */
    private ApiResponse refuseHome(ApiRequest request, String instanceId, boolean unknown) {
        Map<Limit, String> counts = new LinkedHashMap<>();
        counts.put(AUTH_FAILURES_PER_ADDRESS, keys.address(request.sourceIp()));
        if (RelayProtocol.INSTANCE_ID.matcher(instanceId).matches()) {
            counts.put(AUTH_FAILURES_PER_HOME, "home:" + instanceId);
        }
        limiter.hitAll(counts);
        if (unknown) {
            return ApiResponse.json(
                    UnknownHome.STATUS,
                    new UnknownHome(
                            UnknownHome.ERROR,
                            "this relay has no home with this id",
                            keys.unknownHomeProof(instanceId)));
        }
        return ApiResponse.error(401, "unauthorized", "unknown home or wrong secret")
                .withHeader("www-authenticate", "Bearer");
    }

    /** An empty body, or one declared JSON. */
    private static boolean json(ApiRequest request) {
        String type = request.header("content-type");
        return request.body() == null
                || request.body().length == 0
                || type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static ApiResponse unsupportedMediaType() {
        return ApiResponse.error(415, "unsupported_media_type", "send application/json");
    }

    private String routeName(String path) {
        if (path == null) {
            return "?";
        }
        return routes.template(path).orElse(path.length() > 40 ? path.substring(0, 40) : path);
    }
}
