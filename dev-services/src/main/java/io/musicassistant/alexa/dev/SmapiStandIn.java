package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A local stand-in for SMAPI's catalog API (api.amazonalexa.com {@code /v0/catalogs…},
 * {@code /v0/skills/{skillId}/catalogs…}) with the paths and JSON shapes of ask-smapi-model, so
 * that the catalog builder can run end to end without Amazon. Unlike a mock it refuses what Amazon
 * refuses: every call needs an access token (one from {@link LwaStandIn}'s refresh-token grant, or
 * one registered here), uploads need an associated skill, the presigned part URLs point at this
 * server and are really signed and expire, and every completed upload is validated whole by
 * {@link CatalogValidator} and then checked against what the skill's catalogs already hold.
 *
 * <p>An upload moves through UPLOAD → SCHEMA_VALIDATION → ER_INGESTION → SLU_MODELING, one step per
 * {@link Options#stepDelay()}, on one ingestion thread (so uploads are ingested in the order they
 * were completed). Accepted documents are written to {@code <storeDir>/<catalog type>/<upload id>.json}
 * exactly as uploaded; refused ones to {@code <storeDir>/rejected/<catalog type>/} with their errors.
 * Decisions, and where this is stricter or looser than Amazon: docs/smapi-stand-in.md.
 */
public final class SmapiStandIn implements AutoCloseable {

    private static final int MAX_API_BODY = 1024 * 1024;

    /** What SLU_MODELING does after ER_INGESTION succeeded. */
    public enum SluModeling {
        /** Succeeds one step later, so uploads reach SUCCEEDED (the local default: demos finish). */
        SUCCEEDS,
        /** Stays PENDING, as the reference observed for weeks on a live skill: the upload stays in progress. */
        STAYS_PENDING,
        /** Stays IN_PROGRESS, as another observation has it: the upload stays in progress too. */
        STAYS_IN_PROGRESS
    }

    /**
     * Tunables. {@code entityCap} is Amazon's cumulative 500,000 per catalog; tests lower it.
     * {@code minPartBytes} is S3's 5 MiB minimum for every part but the last; tests lower it to
     * upload small documents in several parts. {@code inProgressStatus} is the top-level status
     * while ingesting: IN_PROGRESS as live responses show it, PROCESSING as the SDK's enum has it.
     */
    public record Options(
            Duration stepDelay,
            SluModeling sluModeling,
            int entityCap,
            long minPartBytes,
            long maxPartBytes,
            Duration urlLifetime,
            String inProgressStatus,
            Clock clock) {

        public Options {
            Objects.requireNonNull(stepDelay, "stepDelay");
            Objects.requireNonNull(sluModeling, "sluModeling");
            Objects.requireNonNull(urlLifetime, "urlLifetime");
            Objects.requireNonNull(inProgressStatus, "inProgressStatus");
            Objects.requireNonNull(clock, "clock");
            if (stepDelay.isNegative() || entityCap < 0 || minPartBytes < 0 || maxPartBytes < 1) {
                throw new IllegalArgumentException("negative delay, cap or part size");
            }
        }

        public static Options defaults() {
            return new Options(
                    Duration.ofMillis(100),
                    SluModeling.SUCCEEDS,
                    500_000,
                    5L * 1024 * 1024,
                    64L * 1024 * 1024,
                    Duration.ofHours(1),
                    SmapiUpload.IN_PROGRESS,
                    Clock.systemUTC());
        }

        public Options withStepDelay(Duration delay) {
            return new Options(
                    delay, sluModeling, entityCap, minPartBytes, maxPartBytes, urlLifetime, inProgressStatus, clock);
        }

        public Options withSluModeling(SluModeling slu) {
            return new Options(
                    stepDelay, slu, entityCap, minPartBytes, maxPartBytes, urlLifetime, inProgressStatus, clock);
        }

        public Options withEntityCap(int cap) {
            return new Options(
                    stepDelay, sluModeling, cap, minPartBytes, maxPartBytes, urlLifetime, inProgressStatus, clock);
        }

        public Options withMinPartBytes(long bytes) {
            return new Options(
                    stepDelay, sluModeling, entityCap, bytes, maxPartBytes, urlLifetime, inProgressStatus, clock);
        }

        public Options withMaxPartBytes(long bytes) {
            return new Options(
                    stepDelay, sluModeling, entityCap, minPartBytes, bytes, urlLifetime, inProgressStatus, clock);
        }

        public Options withUrlLifetime(Duration lifetime) {
            return new Options(
                    stepDelay, sluModeling, entityCap, minPartBytes, maxPartBytes, lifetime, inProgressStatus, clock);
        }

        public Options withInProgressStatus(String status) {
            return new Options(
                    stepDelay, sluModeling, entityCap, minPartBytes, maxPartBytes, urlLifetime, status, clock);
        }

        public Options withClock(Clock newClock) {
            return new Options(
                    stepDelay,
                    sluModeling,
                    entityCap,
                    minPartBytes,
                    maxPartBytes,
                    urlLifetime,
                    inProgressStatus,
                    newClock);
        }
    }

    private final HttpServer server;
    private final Path storeDir;
    private final LwaStandIn lwa;
    private final Options options;
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final SmapiState state = new SmapiState();
    private final SmapiEnablements enablements = new SmapiEnablements();
    private final SmapiPresigned presigned;
    private final SmapiIngestion ingestion;
    private final SmapiCatalogs catalogs;
    private final SmapiUploads uploads;

    private SmapiStandIn(HttpServer server, Path storeDir, LwaStandIn lwa, Options options) {
        this.server = server;
        this.storeDir = storeDir;
        this.lwa = lwa;
        this.options = options;
        this.presigned = new SmapiPresigned(state, options, baseUrl());
        this.ingestion = new SmapiIngestion(state, options, storeDir);
        this.catalogs = new SmapiCatalogs(state, options);
        this.uploads = new SmapiUploads(state, options, presigned, ingestion);
    }

    /** Starts with the defaults: 100 ms per ingestion step, SLU_MODELING succeeding, Amazon's limits. */
    public static SmapiStandIn start(int port, Path storeDir, LwaStandIn lwa) {
        return start(port, storeDir, lwa, Options.defaults());
    }

    /**
     * Starts on 127.0.0.1 ({@code port} 0 picks a free one), writing documents under {@code storeDir}.
     * {@code lwa} may be null: then only tokens given to {@link #registerAccessToken} are accepted.
     */
    public static SmapiStandIn start(int port, Path storeDir, LwaStandIn lwa, Options options) {
        try {
            Files.createDirectories(storeDir);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            SmapiStandIn standIn = new SmapiStandIn(server, storeDir, lwa, options);
            server.createContext("/", standIn::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("SMAPI stand-in did not start", e);
        }
    }

    /** Where SMAPI would be: use it in place of https://api.amazonalexa.com. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Path storeDir() {
        return storeDir;
    }

    /** Makes an access token valid here, in addition to the ones LwaStandIn issues to registered clients. */
    public void registerAccessToken(String token) {
        accessTokens.add(Objects.requireNonNull(token));
    }

    /** A catalog's live entities as last accepted (deletions removed), id → entity; read-only copies. */
    public Map<String, JsonNode> entities(String catalogId) {
        synchronized (state.lock) {
            return state.catalog(catalogId).ledger.live();
        }
    }

    /**
     * The catalogs associated with a skill, id → Amazon type ({@code AMAZON.MusicPlaylist} …), oldest
     * first: the names Alexa can resolve for that skill.
     */
    public Map<String, String> skillCatalogs(String skillId) {
        synchronized (state.lock) {
            Map<String, String> found = new java.util.LinkedHashMap<>();
            for (SmapiCatalog catalog : state.catalogs.values()) {
                if (catalog.skillIds.contains(skillId)) {
                    found.put(catalog.id, catalog.type.type());
                }
            }
            return found;
        }
    }

    /** Distinct entity ids a catalog ever accepted, deletions included: what the cumulative cap counts. */
    public int cumulativeEntityIds(String catalogId) {
        synchronized (state.lock) {
            return state.catalog(catalogId).ledger.cumulativeIds();
        }
    }

    /** How often the developer enabled this skill's stage ({@code development}), for tests. */
    public int enablements(String skillId, String stage) {
        return enablements.count(skillId, stage);
    }

    /** Marks the stage enabled, as the skill's developer testing it would have. */
    public void enable(String skillId, String stage) {
        enablements.enable(skillId, stage);
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            List<String> path = Arrays.stream(rawPath.split("/"))
                    .filter(s -> !s.isEmpty())
                    .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
                    .toList();
            if (!path.isEmpty() && path.getFirst().startsWith("_")) {
                presigned.handle(exchange, method, rawPath, path);
                return;
            }
            if (path.isEmpty()
                    || !(path.getFirst().equals("v0") || path.getFirst().equals("v1"))) {
                throw new SmapiRefusal(404, SmapiErrors.error("NOT_FOUND", "No such resource: " + rawPath));
            }
            authorize(exchange);
            SmapiAnswer answer =
                    path.getFirst().equals("v1") ? enablements.handle(method, path) : route(exchange, method, path);
            SmallHttp.sendJson(exchange, answer.status(), answer.body());
        } catch (SmapiRefusal refusal) {
            if (refusal.body instanceof String xml) {
                byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(refusal.status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            } else {
                SmallHttp.sendJson(exchange, refusal.status, refusal.body);
            }
        } catch (RuntimeException | IOException e) {
            SmallHttp.sendJson(exchange, 500, SmapiErrors.error("INTERNAL_ERROR", String.valueOf(e)));
        }
    }

    private SmapiAnswer route(HttpExchange exchange, String method, List<String> path)
            throws SmapiRefusal, IOException {
        int n = path.size();
        if (n >= 2 && path.get(1).equals("catalogs")) {
            if (n == 2 && method.equals("POST")) {
                return catalogs.createCatalog(body(exchange));
            }
            if (n == 2 && method.equals("GET")) {
                return catalogs.listCatalogs(SmallHttp.query(exchange));
            }
            if (n == 3 && method.equals("GET")) {
                synchronized (state.lock) {
                    return new SmapiAnswer(200, state.findCatalog(path.get(2)).details());
                }
            }
            if (n == 4 && path.get(3).equals("uploads") && method.equals("POST")) {
                return uploads.createUpload(path.get(2), body(exchange));
            }
            if (n == 4 && path.get(3).equals("uploads") && method.equals("GET")) {
                return uploads.listUploads(path.get(2), SmallHttp.query(exchange));
            }
            if (n == 5 && path.get(3).equals("uploads") && method.equals("GET")) {
                synchronized (state.lock) {
                    return new SmapiAnswer(
                            200,
                            state.findUpload(path.get(2), path.get(4))
                                    .details(options.inProgressStatus(), presigned::presign));
                }
            }
            if (n == 5 && path.get(3).equals("uploads") && method.equals("POST")) {
                return uploads.completeUpload(path.get(2), path.get(4), body(exchange));
            }
        }
        if (n >= 4 && path.get(1).equals("skills") && path.get(3).equals("catalogs")) {
            String skillId = path.get(2);
            if (n == 4 && method.equals("GET")) {
                return catalogs.listSkillCatalogs(skillId, SmallHttp.query(exchange));
            }
            if (n == 5 && method.equals("PUT")) {
                return catalogs.associate(skillId, path.get(4));
            }
            if (n == 5 && method.equals("DELETE")) {
                return catalogs.disassociate(skillId, path.get(4));
            }
        }
        throw new SmapiRefusal(
                404, SmapiErrors.error("NOT_FOUND", "No such resource: " + method + " /" + String.join("/", path)));
    }

    /** SMAPI takes the LWA access token as the header's value; the SDK sends "Bearer <token>": both work. */
    private void authorize(HttpExchange exchange) throws SmapiRefusal {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = header == null
                ? ""
                : header.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? header.substring(7).trim()
                        : header.trim();
        boolean ok = !token.isEmpty()
                && (accessTokens.contains(token)
                        || (lwa != null
                                && lwa.liveGrant(token)
                                        .filter(g -> lwa.isRegisteredClient(g.clientId()))
                                        .isPresent()));
        if (!ok) {
            throw new SmapiRefusal(
                    401,
                    SmapiErrors.error(
                            "UNAUTHORIZED",
                            "The auth token is invalid/expired or doesn't have access to the resource."));
        }
    }

    private JsonNode body(HttpExchange exchange) throws SmapiRefusal {
        try {
            byte[] bytes = SmallHttp.readBody(exchange, MAX_API_BODY);
            JsonNode node = bytes.length == 0 ? null : SmallHttp.JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new SmapiRefusal(
                        400, SmapiErrors.badRequest("INVALID_REQUEST_BODY", "The request body must be a JSON object."));
            }
            return node;
        } catch (IOException e) {
            throw new SmapiRefusal(
                    400, SmapiErrors.badRequest("INVALID_REQUEST_BODY", "The request body is not valid JSON."));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ingestion.close();
    }
}
