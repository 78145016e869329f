package io.musicassistant.alexa.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.identity.AuthorizationException;
import io.musicassistant.alexa.identity.IdentityResolver;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.log.LogContext;
import io.musicassistant.alexa.platform.Secrets;
import io.musicassistant.alexa.relay.RateLimiter.Limit;
import io.musicassistant.alexa.relay.RateLimiter.RateLimited;
import io.musicassistant.alexa.relay.protocol.ProtocolException;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relay.protocol.api.HomeEvents;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistrationRequest;
import io.musicassistant.alexa.relay.protocol.api.PairingClaim;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUploadRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    static final Limit REGISTER_PER_IP = new Limit("register-ip", 10, Duration.ofHours(1));
    /** Each registration creates a queue; a ceiling for the whole deployment bounds what a botnet can cost. */
    static final Limit REGISTER_GLOBAL = new Limit("register-all", 2000, Duration.ofHours(1));
    static final Limit AUTH_FAILURES_PER_IP = new Limit("auth-fail-ip", 20, Duration.ofMinutes(10));
    static final Limit CREDENTIALS_PER_HOME = new Limit("credentials-home", 30, Duration.ofHours(1));
    static final Limit HEARTBEATS_PER_HOME = new Limit("heartbeat-home", 12, Duration.ofMinutes(1));
    static final Limit CODES_PER_HOME = new Limit("pairing-code-home", 10, Duration.ofMinutes(10));
    /** Debounced player news; a busy home sends a few per second at most. */
    static final Limit EVENTS_PER_HOME = new Limit("events-home", 300, Duration.ofMinutes(1));
    /**
     * Library snapshots: a home uploads only when its library changed (debounced), so a dozen a day
     * is plenty, and it bounds what one home can make every catalog build read (docs/catalogs.md).
     */
    static final Limit SNAPSHOTS_PER_HOME = new Limit("catalog-snapshot-home", 12, Duration.ofDays(1));
    /** Pairing-code claims per Amazon account, over the relay API and by voice alike. */
    public static final Limit CLAIMS_PER_USER = new Limit("claim-user", 10, Duration.ofHours(1));
    static final Limit CLAIMS_PER_IP = new Limit("claim-ip", 30, Duration.ofHours(1));

    private final HomeRegistry registry;
    private final Pairing pairing;
    private final CredentialIssuer credentials;
    private final IdentityResolver identity;
    private final RateLimiter limiter;
    private final NewsSink news;
    private final SnapshotUploads snapshots;
    private final AccountRoutes accounts;

    /** Player news from one home, for the control skill's reporting. */
    public record HomeNews(String instanceId, HomeEvents events) {
    }

    /** Takes a home's player news; false when some of it could not be passed on yet and should come again. */
    @FunctionalInterface
    public interface NewsSink {
        boolean deliver(HomeNews news);
    }

    /** @param snapshots presigns library snapshot uploads; null when the deployment has no catalog bucket */
    public RelayApi(HomeRegistry registry, Pairing pairing, CredentialIssuer credentials, IdentityResolver identity,
                    RateLimiter limiter, NewsSink news, SnapshotUploads snapshots) {
        this(registry, pairing, credentials, identity, limiter, news, snapshots, null);
    }

    /** @param accounts the home's linked accounts (list, revoke); null: those routes answer 404 */
    public RelayApi(HomeRegistry registry, Pairing pairing, CredentialIssuer credentials, IdentityResolver identity,
                    RateLimiter limiter, NewsSink news, SnapshotUploads snapshots, io.musicassistant.alexa.accounts.HomeAccounts accounts) {
        this.accounts = accounts == null ? null : new AccountRoutes(accounts, limiter);
        this.registry = registry;
        this.pairing = pairing;
        this.credentials = credentials;
        this.identity = identity;
        this.limiter = limiter;
        this.news = news;
        this.snapshots = snapshots;
    }

    public ApiResponse handle(ApiRequest request) {
        String requestId = UUID.randomUUID().toString();
        try (var ignored = LogContext.put("request_id", requestId)) {
            ApiResponse response = route(request);
            LOG.info("relay_api.request", "method", request.method(), "route", routeName(request.path()),
                    "status", response.status(), "source", Secrets.sha256Hex(String.valueOf(request.sourceIp())).substring(0, 12));
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
        } catch (ProtocolException e) {
            return ApiResponse.error(400, "invalid_request", e.getMessage());
        } catch (LwaUnavailable e) {
            return ApiResponse.error(503, "login_unavailable", "Login with Amazon did not answer; retry shortly")
                    .withHeader("retry-after", "5");
        } catch (RuntimeException e) {
            LOG.error("relay_api.failed", e);
            return ApiResponse.error(500, "internal", "internal error");
        }
    }

    private ApiResponse register(ApiRequest request) {
        limiter.hit(REGISTER_PER_IP, "ip:" + request.sourceIp());
        limiter.hit(REGISTER_GLOBAL, "all");
        HomeRegistrationRequest body = body(request, HomeRegistrationRequest.class);
        String version = body.connectorVersion();
        if (version == null || !VERSION.matcher(version).matches()) {
            return ApiResponse.error(400, "invalid_request", "connector_version must be 1-40 characters of [A-Za-z0-9._+-]");
        }
        String name = body.homeName() == null || body.homeName().isBlank() ? "Music Assistant" : body.homeName().strip();
        if (name.length() > 60 || name.chars().anyMatch(Character::isISOControl)) {
            return ApiResponse.error(400, "invalid_request", "home_name must be at most 60 printable characters");
        }
        return ApiResponse.json(201, registry.register(version, name));
    }

    private ApiResponse homeRoute(ApiRequest request, String instanceId, String action) {
        limiter.check(AUTH_FAILURES_PER_IP, "ip:" + request.sourceIp());
        Optional<HomeRegistry.AuthenticatedHome> home = registry.authenticate(instanceId, request.bearer());
        if (home.isEmpty()) {
            limiter.hit(AUTH_FAILURES_PER_IP, "ip:" + request.sourceIp());
            return ApiResponse.error(401, "unauthorized", "unknown home or wrong secret")
                    .withHeader("www-authenticate", "Bearer");
        }
        try (var ignored = LogContext.put("instance_id", instanceId)) {
            return switch (action) {
                case "credentials" -> {
                    limiter.hit(CREDENTIALS_PER_HOME, instanceId);
                    yield ApiResponse.json(200, credentials.issue(home.get().home()));
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
                    yield ApiResponse.json(200, registry.heartbeat(home.get(), beat));
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
        limiter.hit(CLAIMS_PER_IP, "ip:" + request.sourceIp());
        Optional<String> user = user(request);
        if (user.isEmpty()) {
            return unauthorizedUser();
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
        limiter.hit(CLAIMS_PER_IP, "ip:" + request.sourceIp());
        Optional<String> user = user(request);
        if (user.isEmpty()) {
            return unauthorizedUser();
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

    private static ApiResponse unauthorizedUser() {
        return ApiResponse.error(401, "unauthorized", "a valid Login with Amazon access token is required")
                .withHeader("www-authenticate", "Bearer");
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
            throw new ProtocolException("body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException("body must be a JSON object");
        }
        return RelayJson.convert(tree, type);
    }

    private static String routeName(String path) {
        if (path == null) {
            return "?";
        }
        Matcher home = HOME_ROUTE.matcher(path);
        return home.matches() ? "/v1/homes/{id}/" + home.group(2) : path.length() > 40 ? path.substring(0, 40) : path;
    }
}
