package io.musicassistant.alexa.relayapi;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.musicassistant.alexa.accounts.Pairing;
import io.musicassistant.alexa.identity.AuthorizationException;
import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.log.LogContext;
import io.musicassistant.alexa.platform.DeploymentKey;
import io.musicassistant.alexa.platform.RateLimiter.Limit;
import io.musicassistant.alexa.platform.RateLimiter.RateLimited;
import io.musicassistant.alexa.platform.RateLimiter;
import io.musicassistant.alexa.relay.protocol.ProtocolException;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistrationRequest;
import io.musicassistant.alexa.relay.protocol.api.PairingClaim;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUploadRequest;
import io.musicassistant.alexa.relay.protocol.api.UnknownHome;
import io.musicassistant.alexa.relayapi.HomeRegistry.Authentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relay API: what connectors (registration, credentials, heartbeats, pairing codes) and users
 * (claiming a pairing code with their Amazon login) call over HTTPS. Every route validates its input,
 * is rate-limited, and answers JSON; see docs/relay-protocol.md for the contract.
 */
public final class RelayApi {

    private static final JsonLog LOG = JsonLog.get(RelayApi.class);
    /** Player news of a large home (50 players) fits; everything else is far smaller. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** A batch of player events carries whole player states (up to {@code HomeEvents.MAX_EVENTS}). */
    public static final int MAX_EVENTS_BODY_BYTES = 64 * 1024;
    private static final Pattern HOME_ROUTE = Pattern.compile("/v1/homes/([^/]{1,64})/(credentials|heartbeat|pairing-code|events|catalog-snapshot|links|links/revoke)");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+\\-]{1,40}");
    private static final Pattern OWN_MESSAGE = Pattern.compile("[A-Za-z0-9 _.,:;()'/=<>+-]{1,120}");
    private static final Pattern CLASS_LIKE = Pattern.compile("[A-Za-z_]\\.[A-Za-z_]");
    private static final Pattern FIELD_PATH = Pattern.compile("[a-z0-9_.\\[\\]]+");
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

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

    private final HomeRegistry registry;
    private final Pairing pairing;
    private final CredentialIssuer credentials;
    private final IdentityResolver identity;
    private final RateLimiter limiter;
    private final NewsSink news;
    private final SnapshotUploads snapshots;
    private final DeploymentKey keys;
    private final AccountRoutes accounts;

    /** Player news from one home, for the control skill's reporting. */
    public record HomeNews(String instanceId, HomeEvents events) {
    }

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
    public RelayApi(HomeRegistry registry, Pairing pairing, CredentialIssuer credentials, IdentityResolver identity,
                    RateLimiter limiter, NewsSink news, SnapshotUploads snapshots, DeploymentKey keys,
                    io.musicassistant.alexa.accounts.HomeAccounts accounts) {
        this.accounts = accounts == null ? null : new AccountRoutes(accounts, limiter);
        this.registry = registry;
        this.pairing = pairing;
        this.credentials = credentials;
        this.identity = identity;
        this.limiter = limiter;
        this.news = news;
        this.snapshots = snapshots;
        this.keys = keys;
    }

    public ApiResponse handle(ApiRequest request) {
        String requestId = UUID.randomUUID().toString();
        try (var ignored = LogContext.put("request_id", requestId)) {
            ApiResponse response = route(request);
            LOG.info("relay_api.request", "method", request.method(), "route", routeName(request.path()),
                    "status", response.status(), "source", keys.logTag(request.sourceIp()));
            return response.withHeader("x-request-id", requestId);
        }
    }

    private ApiResponse route(ApiRequest request) {
        try {
            String path = request.path() == null ? "" : request.path();
            int limit = path.endsWith("/events") ? MAX_EVENTS_BODY_BYTES : MAX_BODY_BYTES;
            if (request.body() != null && request.body().length > limit) {
                return ApiResponse.error(413, "payload_too_large", "request bodies are limited to " + limit + " bytes");
            }
            if (path.equals("/v1/homes")) {
                return requirePost(request).orElseGet(() -> register(request));
            }
            if (path.equals("/v1/pairings")) {
                return switch (request.method()) {
                    case "POST" -> claim(request);
                    case "DELETE" -> unlink(request);
                    default -> ApiResponse.error(405, "method_not_allowed", "use POST or DELETE");
                };
            }
            Matcher home = HOME_ROUTE.matcher(path);
            if (home.matches()) {
                return requirePost(request).orElseGet(() -> homeRoute(request, home.group(1), home.group(2)));
            }
            return ApiResponse.error(404, "not_found", "no such route");
        } catch (RateLimited e) {
            return ApiResponse.error(429, "rate_limited", "too many requests; retry later")
                    .withHeader("retry-after", Long.toString(e.retryAfterSeconds()));
        } catch (BadRequest e) {
            return ApiResponse.error(400, "invalid_request", e.getMessage());
        } catch (ProtocolException e) {
            // Its text may quote the parser; the caller gets our own words only.
            return ApiResponse.error(400, "invalid_request", "the request does not follow the relay protocol");
        } catch (LwaUnavailable e) {
            return ApiResponse.error(503, "login_unavailable", "Login with Amazon did not answer; retry shortly")
                    .withHeader("retry-after", "5");
        } catch (RuntimeException e) {
            LOG.error("relay_api.failed", e);
            return ApiResponse.error(500, "internal", "internal error");
        }
    }

    private ApiResponse register(ApiRequest request) {
        hitAll(Map.of(REGISTER_PER_ADDRESS, keys.address(request.sourceIp()),
                REGISTER_PER_NETWORK, keys.network(request.sourceIp())));
        HomeRegistrationRequest body = body(request, HomeRegistrationRequest.class);
        String version = body.connectorVersion();
        if (version == null || !VERSION.matcher(version).matches()) {
            return ApiResponse.error(400, "invalid_request", "connector_version must be 1-40 characters of [A-Za-z0-9._+-]");
        }
        String name = body.homeName() == null || body.homeName().isBlank() ? "Music Assistant" : body.homeName().strip();
        if (name.length() > 60 || name.chars().anyMatch(Character::isISOControl)) {
            return ApiResponse.error(400, "invalid_request", "home_name must be at most 60 printable characters");
        }
        HomeRegistration registration = registry.register(version, name);
        return ApiResponse.json(201, registration.withUnknownHomeCheck(keys.unknownHomeCheck(registration.instanceId())));
    }

    private ApiResponse homeRoute(ApiRequest request, String instanceId, String action) {
        // The secret first, limits after: failures count against the address and the id, successes never do.
        Authentication auth = registry.check(instanceId, request.bearer());
        if (!(auth instanceof Authentication.Authenticated(HomeRegistry.AuthenticatedHome authenticated))) {
            return refuseHome(request, instanceId, auth instanceof Authentication.UnknownHome);
        }
        try (var ignored = LogContext.put("instance_id", instanceId)) {
            return switch (action) {
                case "credentials" -> {
                    limiter.hit(CREDENTIALS_PER_HOME, instanceId);
                    yield ApiResponse.json(200, credentials.issue(authenticated.home())
                            .withUnknownHomeCheck(keys.unknownHomeCheck(instanceId)));
                }
                case "heartbeat" -> {
                    limiter.hit(HEARTBEATS_PER_HOME, instanceId);
                    HeartbeatRequest beat = body(request, HeartbeatRequest.class);
                    if (!HeartbeatRequest.ONLINE.equals(beat.status()) && !HeartbeatRequest.STOPPING.equals(beat.status())) {
                        yield ApiResponse.error(400, "invalid_request", "status must be online or stopping");
                    }
                    if (beat.connectorVersion() == null || !VERSION.matcher(beat.connectorVersion()).matches()) {
                        yield ApiResponse.error(400, "invalid_request", "connector_version is required");
                    }
                    if (beat.streamBase() != null && (!beat.streamBase().startsWith("https://") || beat.streamBase().length() > 300)) {
                        yield ApiResponse.error(400, "invalid_request", "stream_base must be an https URL");
                    }
                    if (beat.stream() != null && beat.stream().problem() != null
                            && !HeartbeatRequest.StreamStatus.PROBLEM.matcher(beat.stream().problem()).matches()) {
                        yield ApiResponse.error(400, "invalid_request", "stream.problem must be a short code");
                    }
                    HeartbeatRequest.MaStatus ma = beat.ma();
                    if (ma != null && (ma.serverId() != null && !SERVER_ID.matcher(ma.serverId()).matches()
                            || ma.serverVersion() != null && !VERSION.matcher(ma.serverVersion()).matches())) {
                        yield ApiResponse.error(400, "invalid_request", "ma.server_id or ma.server_version is malformed");
                    }
                    yield ApiResponse.json(200, registry.heartbeat(authenticated, beat));
                }
                case "pairing-code" -> {
                    limiter.hit(CODES_PER_HOME, instanceId);
                    yield ApiResponse.json(201, pairing.issue(instanceId));
                }
                case "events" -> {
                    limiter.hit(EVENTS_PER_HOME, instanceId);
                    HomeEvents events = body(request, HomeEvents.class);
                    if (!news.deliver(new HomeNews(instanceId, events))) {
                        // The connector keeps the news and posts it again, with whatever changed meanwhile.
                        yield ApiResponse.error(503, "reports_pending", "some reports could not be sent yet")
                                .withHeader("retry-after", "10");
                    }
                    yield ApiResponse.json(200, Map.of("accepted", events.events().size()));
                }
                case "catalog-snapshot" -> catalogSnapshot(request, instanceId);
                case AccountRoutes.LIST, AccountRoutes.REVOKE -> accounts == null ? ApiResponse.error(404, "not_found", "no such route")
                        : accounts.handle(action, request, instanceId);
                default -> ApiResponse.error(404, "not_found", "no such route");
            };
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
        hitAll(counts);
        if (unknown) {
            return ApiResponse.json(UnknownHome.STATUS, new UnknownHome(UnknownHome.ERROR,
                    "this relay has no home with this id", keys.unknownHomeProof(instanceId)));
        }
        return ApiResponse.error(401, "unauthorized", "unknown home or wrong secret")
                .withHeader("www-authenticate", "Bearer");
    }

    /** Counts one hit against every limit, even when an earlier one is used up; then refuses if any was. */
    private void hitAll(Map<Limit, String> subjects) {
        RateLimited refused = null;
        for (var subject : subjects.entrySet()) {
            try {
                limiter.hit(subject.getKey(), subject.getValue());
            } catch (RateLimited e) {
                refused = refused == null || e.retryAfterSeconds() > refused.retryAfterSeconds() ? e : refused;
            }
        }
        if (refused != null) {
            throw refused;
        }
    }

    /**
     * A presigned upload for the home's library snapshot. Refused requests (400, 413) do not count
     * against the daily limit: only URLs handed out do, since each is one upload the build will read.
     */
    private ApiResponse catalogSnapshot(ApiRequest request, String instanceId) {
        if (snapshots == null) {
            // A deployment without catalogs; the connector keeps its snapshot and asks again later.
            return ApiResponse.error(503, "catalog_unavailable",
                    "this deployment does not take library snapshots (CATALOG_BUCKET is not configured)")
                    .withHeader("retry-after", "3600");
        }
        SnapshotUploadRequest body = body(request, SnapshotUploadRequest.class);
        Optional<SnapshotUploads.Refusal> refusal = SnapshotUploads.check(body);
        if (refusal.isPresent()) {
            return refusal.get().tooLarge()
                    ? ApiResponse.error(413, "payload_too_large", refusal.get().message())
                    : ApiResponse.error(400, "invalid_request", refusal.get().message());
        }
        limiter.hit(SNAPSHOTS_PER_HOME, instanceId);
        LOG.info("catalog.snapshot_presigned", "bytes", body.bytes(), "entities", body.entities());
        return ApiResponse.json(200, snapshots.presign(instanceId, body));
    }

    private ApiResponse claim(ApiRequest request) {
        Optional<String> user = user(request);
        if (user.isEmpty()) {
            return unauthorizedUser(request);
        }
        limiter.hit(CLAIMS_PER_USER, user.get());
        PairingClaim body = body(request, PairingClaim.class);
        Optional<String> code = Pairing.normalise(body.code());
        if (code.isEmpty()) {
            return ApiResponse.error(400, "invalid_code", "a pairing code is 8 digits");
        }
        return pairing.claim(user.get(), code.get())
                .map(claimed -> ApiResponse.json(200, claimed))
                .orElseGet(() -> ApiResponse.error(400, "invalid_code", "unknown, used or expired pairing code"));
    }

    private ApiResponse unlink(ApiRequest request) {
        Optional<String> user = user(request);
        if (user.isEmpty()) {
            return unauthorizedUser(request);
        }
        limiter.hit(CLAIMS_PER_USER, user.get());
        // With its grant, like an unlink by voice (HomeAccounts); a bare unlink where accounts are not wired.
        boolean removed = accounts == null ? pairing.unlink(user.get()) : accounts.unlink(user.get());
        return ApiResponse.json(200, Map.of("unlinked", removed));
    }

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

    /** Login with Amazon could not be asked: the caller should retry, not re-authenticate. */
    private static final class LwaUnavailable extends RuntimeException {
        LwaUnavailable() {
            super("Login with Amazon unavailable", null, false, false);
        }
    }

    /** No valid Amazon login: counted per address, so one address cannot make us ask Login with Amazon without end. */
    private ApiResponse unauthorizedUser(ApiRequest request) {
        limiter.hit(LOGIN_FAILURES_PER_ADDRESS, keys.address(request.sourceIp()));
        return ApiResponse.error(401, "unauthorized", "a valid Login with Amazon access token is required")
                .withHeader("www-authenticate", "Bearer");
    }

    /** A refusal whose message we wrote ourselves, safe to show the caller. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private static Optional<ApiResponse> requirePost(ApiRequest request) {
        if (!"POST".equals(request.method())) {
            return Optional.of(ApiResponse.error(405, "method_not_allowed", "use POST"));
        }
        String type = request.header("content-type");
        if (request.body() != null && request.body().length > 0
                && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            return Optional.of(ApiResponse.error(415, "unsupported_media_type", "send application/json"));
        }
        return Optional.empty();
    }

    static <T> T body(ApiRequest request, Class<T> type) {
        byte[] bytes = request.body();
        String json = bytes == null || bytes.length == 0 ? "{}" : new String(bytes, StandardCharsets.UTF_8);
        JsonNode tree;
        try {
            tree = RelayJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new BadRequest("body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new BadRequest("body must be a JSON object");
        }
        try {
            return RelayJson.convert(tree, type);
        } catch (ProtocolException e) {
            throw new BadRequest(fieldMessage(e));
        }
    }

    /**
     * Names the field the parser choked on, in the protocol's own spelling, and nothing of the parser's
     * text (which quotes our class names); a path that is not plain field names and indices is left out.
     */
    static String fieldMessage(ProtocolException e) {
        if (e.getCause() instanceof ValueInstantiationException refused && ownRule(refused.getCause())) {
            return refused.getCause().getMessage(); // a protocol record's own check, in our words ("events must hold 1..50 entries")
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            if (!path.isEmpty() && path.length() <= 80 && FIELD_PATH.matcher(path).matches()) {
                return "field " + path + " is missing, of the wrong type or out of range";
            }
        }
        return "the body does not have the fields this route expects";
    }

    /** A check a protocol record made itself, with a message short and plain enough to pass on as it is. */
    private static boolean ownRule(Throwable cause) {
        if (!(cause instanceof IllegalArgumentException) && !(cause instanceof ProtocolException)) {
            return false;
        }
        StackTraceElement[] at = cause.getStackTrace();
        return at.length > 0 && at[0].getClassName().startsWith(RelayJson.class.getPackageName())
                && cause.getMessage() != null && OWN_MESSAGE.matcher(cause.getMessage()).matches()
                && !CLASS_LIKE.matcher(cause.getMessage()).find();
    }

    private static String routeName(String path) {
        if (path == null) {
            return "?";
        }
        Matcher home = HOME_ROUTE.matcher(path);
        return home.matches() ? "/v1/homes/{id}/" + home.group(2) : path.length() > 40 ? path.substring(0, 40) : path;
    }
}
