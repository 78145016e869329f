package io.musicassistant.alexa.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.musicassistant.alexa.dev.CatalogValidator.Violation;
import io.musicassistant.alexa.dev.SmapiUpload.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private static final int MAX_PAGE = 50;
    private static final int MAX_PARTS = 1000;
    private static final String SKILL_ID_PREFIX = "amzn1.ask.skill.";

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
    public record Options(Duration stepDelay, SluModeling sluModeling, int entityCap, long minPartBytes,
                          long maxPartBytes, Duration urlLifetime, String inProgressStatus, Clock clock) {

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
            return new Options(Duration.ofMillis(100), SluModeling.SUCCEEDS, 500_000, 5L * 1024 * 1024,
                    64L * 1024 * 1024, Duration.ofHours(1), SmapiUpload.IN_PROGRESS, Clock.systemUTC());
        }

        public Options withStepDelay(Duration delay) {
            return new Options(delay, sluModeling, entityCap, minPartBytes, maxPartBytes, urlLifetime, inProgressStatus, clock);
        }

        public Options withSluModeling(SluModeling slu) {
            return new Options(stepDelay, slu, entityCap, minPartBytes, maxPartBytes, urlLifetime, inProgressStatus, clock);
        }

        public Options withEntityCap(int cap) {
            return new Options(stepDelay, sluModeling, cap, minPartBytes, maxPartBytes, urlLifetime, inProgressStatus, clock);
        }

        public Options withMinPartBytes(long bytes) {
            return new Options(stepDelay, sluModeling, entityCap, bytes, maxPartBytes, urlLifetime, inProgressStatus, clock);
        }

        public Options withMaxPartBytes(long bytes) {
            return new Options(stepDelay, sluModeling, entityCap, minPartBytes, bytes, urlLifetime, inProgressStatus, clock);
        }

        public Options withUrlLifetime(Duration lifetime) {
            return new Options(stepDelay, sluModeling, entityCap, minPartBytes, maxPartBytes, lifetime, inProgressStatus, clock);
        }

        public Options withInProgressStatus(String status) {
            return new Options(stepDelay, sluModeling, entityCap, minPartBytes, maxPartBytes, urlLifetime, status, clock);
        }

        public Options withClock(Clock newClock) {
            return new Options(stepDelay, sluModeling, entityCap, minPartBytes, maxPartBytes, urlLifetime, inProgressStatus, newClock);
        }
    }

    /** A refused request: the status and SMAPI's (or S3's) error body. */
    private static final class Refusal extends Exception {
        final int status;
        final transient Object body;

        Refusal(int status, Object body) {
            super(null, null, false, false);
            this.status = status;
            this.body = body;
        }
    }

    private final HttpServer server;
    private final Path storeDir;
    private final LwaStandIn lwa;
    private final Options options;
    private final PresignedUrls signer;
    private final ScheduledExecutorService ingestion;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    /** Guards every catalog and upload. */
    private final Object lock = new Object();
    private final java.util.Set<String> enabled = new java.util.HashSet<>();
    private final java.util.Map<String, Integer> enablements = new java.util.HashMap<>();
    private final Map<String, SmapiCatalog> catalogs = new LinkedHashMap<>();
    private final Map<String, SmapiUpload> uploads = new HashMap<>();

    private SmapiStandIn(HttpServer server, Path storeDir, LwaStandIn lwa, Options options) {
        this.server = server;
        this.storeDir = storeDir;
        this.lwa = lwa;
        this.options = options;
        this.signer = new PresignedUrls(options.clock());
        this.ingestion = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "smapi-standin-ingestion");
            thread.setDaemon(true);
            return thread;
        });
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
        synchronized (lock) {
            return catalog(catalogId).ledger.live();
        }
    }

    /** Distinct entity ids a catalog ever accepted, deletions included: what the cumulative cap counts. */
    public int cumulativeEntityIds(String catalogId) {
        synchronized (lock) {
            return catalog(catalogId).ledger.cumulativeIds();
        }
    }

    private SmapiCatalog catalog(String catalogId) {
        SmapiCatalog catalog = catalogs.get(catalogId);
        if (catalog == null) {
            throw new IllegalArgumentException("no catalog " + catalogId);
        }
        return catalog;
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            List<String> path = Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                    .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
            if (!path.isEmpty() && path.getFirst().startsWith("_")) {
                presigned(exchange, method, rawPath, path);
                return;
            }
            if (path.isEmpty() || !(path.getFirst().equals("v0") || path.getFirst().equals("v1"))) {
                throw new Refusal(404, SmapiErrors.error("NOT_FOUND", "No such resource: " + rawPath));
            }
            authorize(exchange);
            Answer answer = path.getFirst().equals("v1") ? enablement(method, path) : route(exchange, method, path);
            SmallHttp.sendJson(exchange, answer.status(), answer.body());
        } catch (Refusal refusal) {
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

    /** The answer of one authorised /v0 call: a status and a JSON body ("" for none). */
    private record Answer(int status, Object body) {
    }

    private Answer route(HttpExchange exchange, String method, List<String> path) throws Refusal, IOException {
        int n = path.size();
        if (n >= 2 && path.get(1).equals("catalogs")) {
            if (n == 2 && method.equals("POST")) {
                return createCatalog(body(exchange));
            }
            if (n == 2 && method.equals("GET")) {
                return listCatalogs(SmallHttp.query(exchange));
            }
            if (n == 3 && method.equals("GET")) {
                synchronized (lock) {
                    return ok(200, findCatalog(path.get(2)).details());
                }
            }
            if (n == 4 && path.get(3).equals("uploads") && method.equals("POST")) {
                return createUpload(path.get(2), body(exchange));
            }
            if (n == 4 && path.get(3).equals("uploads") && method.equals("GET")) {
                return listUploads(path.get(2), SmallHttp.query(exchange));
            }
            if (n == 5 && path.get(3).equals("uploads") && method.equals("GET")) {
                synchronized (lock) {
                    return ok(200, findUpload(path.get(2), path.get(4)).details(options.inProgressStatus(), this::presign));
                }
            }
            if (n == 5 && path.get(3).equals("uploads") && method.equals("POST")) {
                return completeUpload(path.get(2), path.get(4), body(exchange));
            }
        }
        if (n >= 4 && path.get(1).equals("skills") && path.get(3).equals("catalogs")) {
            String skillId = path.get(2);
            if (n == 4 && method.equals("GET")) {
                return listSkillCatalogs(skillId, SmallHttp.query(exchange));
            }
            if (n == 5 && method.equals("PUT")) {
                return associate(skillId, path.get(4));
            }
            if (n == 5 && method.equals("DELETE")) {
                return disassociate(skillId, path.get(4));
            }
        }
        throw new Refusal(404, SmapiErrors.error("NOT_FOUND", "No such resource: " + method + " /" + String.join("/", path)));
    }

    /**
     * {@code PUT|DELETE /v1/skills/{skillId}/stages/{stage}/enablement}: enabling a skill stage for the
     * developer's own account. The catalog build cycles the development stage's enablement after an
     * upload (observed on live skills: an upload can unbind a development skill until then); the
     * stand-in only counts the cycles.
     */
    private Answer enablement(String method, List<String> path) throws Refusal {
        if (path.size() != 6 || !path.get(1).equals("skills") || !path.get(3).equals("stages") || !path.get(5).equals("enablement")
                || !(path.get(4).equals("development") || path.get(4).equals("live"))) {
            throw new Refusal(404, SmapiErrors.error("NOT_FOUND", "No such resource: /" + String.join("/", path)));
        }
        String key = path.get(2) + "/" + path.get(4);
        synchronized (lock) {
            switch (method) {
                case "PUT" -> {
                    enabled.add(key);
                    enablements.merge(key, 1, Integer::sum);
                    return ok(204, "");
                }
                case "DELETE" -> {
                    if (!enabled.remove(key)) {
                        throw new Refusal(404, SmapiErrors.error("NOT_FOUND", "The skill stage is not enabled."));
                    }
                    return ok(204, "");
                }
                case "GET" -> {
                    if (!enabled.contains(key)) {
                        throw new Refusal(404, SmapiErrors.error("NOT_FOUND", "The skill stage is not enabled."));
                    }
                    return ok(200, SmallHttp.JSON.createObjectNode().put("status", "ENABLED"));
                }
                default -> throw new Refusal(405, SmapiErrors.error("METHOD_NOT_ALLOWED", method));
            }
        }
    }

    /** How often the developer enabled this skill's stage ({@code development}), for tests. */
    public int enablements(String skillId, String stage) {
        synchronized (lock) {
            return enablements.getOrDefault(skillId + "/" + stage, 0);
        }
    }

    /** Marks the stage enabled, as the skill's developer testing it would have. */
    public void enable(String skillId, String stage) {
        synchronized (lock) {
            enabled.add(skillId + "/" + stage);
        }
    }

    /** SMAPI takes the LWA access token as the header's value; the SDK sends "Bearer <token>": both work. */
    private void authorize(HttpExchange exchange) throws Refusal {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = header == null ? "" : header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header.trim();
        boolean ok = !token.isEmpty() && (accessTokens.contains(token)
                || (lwa != null && lwa.liveGrant(token).filter(g -> lwa.isRegisteredClient(g.clientId())).isPresent()));
        if (!ok) {
            throw new Refusal(401, SmapiErrors.error("UNAUTHORIZED",
                    "The auth token is invalid/expired or doesn't have access to the resource."));
        }
    }

    private static Answer ok(int status, Object body) {
        return new Answer(status, body);
    }

    private JsonNode body(HttpExchange exchange) throws Refusal {
        try {
            byte[] bytes = SmallHttp.readBody(exchange, MAX_API_BODY);
            JsonNode node = bytes.length == 0 ? null : SmallHttp.JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new Refusal(400, SmapiErrors.badRequest("INVALID_REQUEST_BODY", "The request body must be a JSON object."));
            }
            return node;
        } catch (IOException e) {
            throw new Refusal(400, SmapiErrors.badRequest("INVALID_REQUEST_BODY", "The request body is not valid JSON."));
        }
    }

    // ---- catalogs and skills ---------------------------------------------------------------------

    private Answer createCatalog(JsonNode body) throws Refusal {
        List<Violation> missing = new ArrayList<>();
        for (String field : List.of("title", "type", "usage", "vendorId")) {
            JsonNode value = body.get(field);
            if (value == null || !value.isTextual() || value.textValue().isBlank()) {
                missing.add(new Violation(field, "MISSING_FIELD", "required: a non-empty string"));
            }
        }
        if (!missing.isEmpty()) {
            throw new Refusal(400, SmapiErrors.badRequest("The request body is invalid.", missing));
        }
        String typeName = body.get("type").textValue();
        MusicCatalogType type = MusicCatalogType.ofType(typeName).orElseThrow(() -> new Refusal(400,
                SmapiErrors.badRequest("INVALID_CATALOG_TYPE", "The catalog type " + typeName
                        + " is not one of the music catalog types this stand-in knows")));
        if (!type.usage().equals(body.get("usage").textValue())) {
            throw new Refusal(400, SmapiErrors.badRequest("INVALID_TYPE_USAGE", "The specified type/usage combination is invalid"));
        }
        synchronized (lock) {
            String id = "amzn1.ask.catalog." + randomHex(16);
            SmapiCatalog catalog = new SmapiCatalog(id, body.get("title").textValue(), type,
                    body.get("vendorId").textValue(), options.clock().instant());
            catalogs.put(id, catalog);
            return ok(201, catalog.details());
        }
    }

    private Answer listCatalogs(Map<String, String> query) throws Refusal {
        String vendorId = query.get("vendorId");
        if (vendorId == null || vendorId.isBlank()) {
            throw new Refusal(400, SmapiErrors.badRequest("MISSING_PARAMETER", "vendorId is required."));
        }
        synchronized (lock) {
            return ok(200, page("catalogs", catalogs.values().stream().filter(c -> c.vendorId.equals(vendorId))
                    .map(SmapiCatalog::details).toList(), query));
        }
    }

    private Answer listSkillCatalogs(String skillId, Map<String, String> query) throws Refusal {
        synchronized (lock) {
            return ok(200, page("catalogs", catalogs.values().stream().filter(c -> c.skillIds.contains(skillId))
                    .map(SmapiCatalog::details).toList(), query));
        }
    }

    private Answer associate(String skillId, String catalogId) throws Refusal {
        if (!skillId.startsWith(SKILL_ID_PREFIX) || skillId.length() == SKILL_ID_PREFIX.length()) {
            throw new Refusal(400, SmapiErrors.badRequest("INVALID_SKILL_ID", "The skill id " + skillId
                    + " is not a skill id (amzn1.ask.skill.…)."));
        }
        synchronized (lock) {
            SmapiCatalog catalog = findCatalog(catalogId);
            catalog.skillIds.add(skillId);
            catalog.lastUpdatedDate = options.clock().instant();
            return ok(201, "");
        }
    }

    /** Not a SMAPI call (ask-smapi-model has none for v0 catalogs): the stand-in's own way to undo an association. */
    private Answer disassociate(String skillId, String catalogId) throws Refusal {
        synchronized (lock) {
            SmapiCatalog catalog = findCatalog(catalogId);
            if (!catalog.skillIds.remove(skillId)) {
                throw new Refusal(404, SmapiErrors.error("NOT_FOUND", "The catalog is not associated with " + skillId + "."));
            }
            catalog.lastUpdatedDate = options.clock().instant();
            return ok(204, "");
        }
    }

    private SmapiCatalog findCatalog(String catalogId) throws Refusal {
        SmapiCatalog catalog = catalogs.get(catalogId);
        if (catalog == null) {
            throw new Refusal(404, SmapiErrors.error("NOT_FOUND", "The catalog " + catalogId + " does not exist."));
        }
        return catalog;
    }

    private SmapiUpload findUpload(String catalogId, String uploadId) throws Refusal {
        SmapiUpload upload = findCatalog(catalogId).uploads.get(uploadId);
        if (upload == null) {
            throw new Refusal(404, SmapiErrors.error("NOT_FOUND", "The upload " + uploadId + " does not exist in catalog " + catalogId + "."));
        }
        return upload;
    }

    /** {@code {<listName>: [...], isTruncated, nextToken?}}, nextToken being an opaque offset. */
    private static Map<String, Object> page(String listName, List<?> all, Map<String, String> query) throws Refusal {
        int max = MAX_PAGE;
        if (query.containsKey("maxResults")) {
            try {
                max = Integer.parseInt(query.get("maxResults"));
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > MAX_PAGE) {
                throw new Refusal(400, SmapiErrors.badRequest("INVALID_PARAMETER", "maxResults must be 1-" + MAX_PAGE + "."));
            }
        }
        int offset = 0;
        String token = query.get("nextToken");
        if (token != null) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!decoded.startsWith("offset:")) {
                    throw new IllegalArgumentException(decoded);
                }
                offset = Integer.parseInt(decoded.substring("offset:".length()));
                if (offset < 0 || offset > all.size()) {
                    throw new IllegalArgumentException(decoded);
                }
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, SmapiErrors.badRequest("INVALID_PARAMETER", "nextToken is invalid."));
            }
        }
        int end = Math.min(all.size(), offset + max);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(listName, all.subList(offset, end));
        body.put("isTruncated", end < all.size());
        if (end < all.size()) {
            body.put("nextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
        }
        return body;
    }

    // ---- uploads ---------------------------------------------------------------------------------

    private Answer createUpload(String catalogId, JsonNode body) throws Refusal {
        JsonNode parts = body.get("numberOfUploadParts");
        if (parts == null || !parts.isIntegralNumber() || parts.asLong() < 1 || parts.asLong() > MAX_PARTS) {
            throw new Refusal(400, SmapiErrors.badRequest("INVALID_NUMBER_OF_UPLOAD_PARTS",
                    "numberOfUploadParts must be an integer 1-" + MAX_PARTS + "."));
        }
        synchronized (lock) {
            SmapiCatalog catalog = findCatalog(catalogId);
            if (catalog.skillIds.isEmpty()) {
                throw new Refusal(403, SmapiErrors.badRequest("CATALOG_NOT_ASSOCIATED", "The catalog " + catalogId
                        + " is associated with no skill; associate it before uploading content."));
            }
            SmapiUpload upload = new SmapiUpload("amzn1.ask.catalog.upload." + randomHex(16), catalog, parts.intValue(),
                    options.clock().instant());
            catalog.uploads.put(upload.id, upload);
            uploads.put(upload.id, upload);
            Map<String, Object> answer = upload.summary(options.inProgressStatus());
            answer.put("ingestionSteps", upload.ingestionSteps(this::presign));
            List<Map<String, Object>> urls = new ArrayList<>();
            for (int part = 1; part <= upload.partCount; part++) {
                urls.add(Map.of("url", baseUrl() + signer.sign("PUT", "/_parts/" + upload.id + "/" + part, options.urlLifetime()),
                        "partNumber", part));
            }
            answer.put("presignedUploadParts", urls);
            return ok(201, answer);
        }
    }

    private Answer listUploads(String catalogId, Map<String, String> query) throws Refusal {
        synchronized (lock) {
            List<Map<String, Object>> all = findCatalog(catalogId).uploadsNewestFirst().stream()
                    .map(u -> u.summary(options.inProgressStatus())).toList();
            return ok(200, page("uploads", all, query));
        }
    }

    /**
     * Completes an upload: the listed parts must be exactly 1..n in ascending order with the ETags
     * their PUTs were answered with, every part but the last at least {@code minPartBytes}. Then the
     * parts are joined in part order, validated, and ingested step by step on the ingestion thread.
     */
    private Answer completeUpload(String catalogId, String uploadId, JsonNode body) throws Refusal {
        JsonNode list = body.get("partETags");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new Refusal(400, SmapiErrors.badRequest("INVALID_PART_ETAGS", "partETags must be a non-empty array of {eTag, partNumber}."));
        }
        List<Integer> numbers = new ArrayList<>();
        List<String> eTags = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode number = item.get("partNumber");
            JsonNode eTag = item.get("eTag");
            if (number == null || !number.isIntegralNumber() || eTag == null || !eTag.isTextual()) {
                throw new Refusal(400, SmapiErrors.badRequest("INVALID_PART_ETAGS", "Each of partETags is {eTag: string, partNumber: integer}."));
            }
            numbers.add(number.intValue());
            eTags.add(eTag.textValue());
        }
        byte[] document;
        SmapiUpload upload;
        synchronized (lock) {
            upload = findUpload(catalogId, uploadId);
            if (upload.completed) {
                throw new Refusal(409, SmapiErrors.error("CONFLICT", "The upload " + uploadId + " was already completed."));
            }
            for (int i = 0; i < numbers.size(); i++) {
                int number = numbers.get(i);
                if (number < 1 || number > upload.partCount) {
                    throw new Refusal(400, SmapiErrors.badRequest("INVALID_PART_NUMBER", "Part " + number
                            + " is not one of the upload's parts 1-" + upload.partCount + "."));
                }
                if (i > 0 && number <= numbers.get(i - 1)) {
                    throw new Refusal(400, SmapiErrors.badRequest("INVALID_PART_ORDER",
                            "partETags must list each part once, in ascending partNumber order."));
                }
            }
            for (int number = 1; number <= upload.partCount; number++) {
                int index = numbers.indexOf(number);
                SmapiUpload.Part part = upload.parts.get(number);
                if (index < 0 || part == null) {
                    throw new Refusal(409, SmapiErrors.error("CONFLICT", "Part " + number + " of " + upload.partCount
                            + (part == null ? " was not uploaded." : " is missing from partETags.")));
                }
                if (!part.eTag().equals(eTags.get(index))) {
                    throw new Refusal(409, SmapiErrors.error("CONFLICT", "The ETag of part " + number + " is " + part.eTag()
                            + ", not " + eTags.get(index) + " (send the ETag header as answered, quotes included)."));
                }
            }
            for (int number = 1; number < upload.partCount; number++) {
                SmapiUpload.Part part = upload.parts.get(number);
                if (part.bytes().length < options.minPartBytes()) {
                    throw new Refusal(400, SmapiErrors.badRequest("ENTITY_TOO_SMALL", "Part " + number + " has "
                            + part.bytes().length + " bytes; every part but the last needs at least " + options.minPartBytes() + "."));
                }
            }
            upload.completed = true;
            upload.lastUpdatedDate = options.clock().instant();
            upload.step(Step.UPLOAD).status = SmapiUpload.IN_PROGRESS;
            int size = upload.parts.values().stream().mapToInt(p -> p.bytes().length).sum();
            document = new byte[size];
            int at = 0;
            for (SmapiUpload.Part part : upload.parts.values()) { // a TreeMap: part order
                System.arraycopy(part.bytes(), 0, document, at, part.bytes().length);
                at += part.bytes().length;
            }
            upload.parts.clear();
            upload.document = document;
        }
        // Validated here rather than under the lock: a big document must not stall other calls.
        CatalogValidator.Result schema = CatalogValidator.validate(document, upload.catalog.type.type());
        synchronized (lock) {
            upload.schema = schema;
        }
        later(upload, () -> uploaded(upload));
        return ok(202, "");
    }

    /** Runs an upload's next step one stepDelay from now, on the ingestion thread. */
    private void later(SmapiUpload upload, Runnable step) {
        ingestion.schedule(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                // An internal failure (say, the store directory is not writable) shows as a failed
                // step rather than leaving the upload in progress for ever.
                synchronized (lock) {
                    for (SmapiUpload.StepState state : upload.steps.values()) {
                        if (state.status.equals(SmapiUpload.PENDING) || state.status.equals(SmapiUpload.IN_PROGRESS)) {
                            state.status = SmapiUpload.FAILED;
                            state.errors.add(new Violation("", "INTERNAL_ERROR", String.valueOf(e)));
                        }
                    }
                }
            }
        }, options.stepDelay().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void uploaded(SmapiUpload upload) {
        synchronized (lock) {
            upload.step(Step.UPLOAD).status = SmapiUpload.SUCCEEDED;
            upload.fileStatus = "AVAILABLE";
            upload.step(Step.SCHEMA_VALIDATION).status = SmapiUpload.IN_PROGRESS;
            upload.lastUpdatedDate = options.clock().instant();
        }
        later(upload, () -> schemaValidated(upload));
    }

    private void schemaValidated(SmapiUpload upload) {
        synchronized (lock) {
            upload.lastUpdatedDate = options.clock().instant();
            if (!upload.schema.valid()) {
                fail(upload, Step.SCHEMA_VALIDATION, upload.schema.violations());
                upload.schema = null; // its violations live on in the step; the parsed tree is not needed
                return;
            }
            upload.step(Step.SCHEMA_VALIDATION).status = SmapiUpload.SUCCEEDED;
            upload.step(Step.ER_INGESTION).status = SmapiUpload.IN_PROGRESS;
        }
        later(upload, () -> ingested(upload));
    }

    private void ingested(SmapiUpload upload) {
        synchronized (lock) {
            upload.lastUpdatedDate = options.clock().instant();
            SmapiCatalog catalog = upload.catalog;
            CatalogLedger.Plan plan;
            try {
                plan = catalog.ledger.plan(upload.schema.entities(), options.entityCap(), context(catalog));
            } catch (RuntimeException e) {
                plan = new CatalogLedger.Plan(List.of(new Violation("", "INTERNAL_ERROR", String.valueOf(e))), List.of(), List.of());
            }
            // Past ER_INGESTION the parsed entities are only in the ledger (if accepted): free the tree.
            upload.schema = null;
            if (!plan.accepted()) {
                fail(upload, Step.ER_INGESTION, plan.errors());
                return;
            }
            // Stored before it is applied: if the store fails, the catalog is left as it was.
            store(storeDir.resolve(catalog.type.type()), upload, null);
            catalog.ledger.apply(plan);
            catalog.lastUpdatedDate = upload.lastUpdatedDate;
            upload.step(Step.ER_INGESTION).status = SmapiUpload.SUCCEEDED;
            upload.step(Step.ER_INGESTION).errors.addAll(plan.warnings());
            switch (options.sluModeling()) {
                case SUCCEEDS, STAYS_IN_PROGRESS -> upload.step(Step.SLU_MODELING).status = SmapiUpload.IN_PROGRESS;
                case STAYS_PENDING -> {
                }
            }
        }
        if (options.sluModeling() == SluModeling.SUCCEEDS) {
            later(upload, () -> {
                synchronized (lock) {
                    upload.step(Step.SLU_MODELING).status = SmapiUpload.SUCCEEDED;
                    upload.lastUpdatedDate = options.clock().instant();
                }
            });
        }
    }

    /** Fails a step with its errors, cancels the ones after it, and keeps the document under rejected/. */
    private void fail(SmapiUpload upload, Step step, List<Violation> errors) {
        upload.step(step).status = SmapiUpload.FAILED;
        upload.step(step).errors.addAll(errors);
        for (Step later : Step.values()) {
            if (later.ordinal() > step.ordinal()) {
                upload.step(later).status = SmapiUpload.CANCELLED;
            }
        }
        store(storeDir.resolve("rejected").resolve(upload.catalog.type.type()), upload, errors);
    }

    /**
     * The ids an upload's references may resolve to and must not clash with: the live entities of
     * the other catalogs that share a skill with this one, plus the entities of their uploads that
     * passed schema validation and await ingestion (the same batch, in whatever order it completed).
     */
    private CatalogLedger.Context context(SmapiCatalog catalog) {
        Set<String> artists = new HashSet<>();
        Set<String> albums = new HashSet<>();
        Map<String, String> others = new HashMap<>();
        for (SmapiCatalog other : catalogs.values()) {
            if (other == catalog || Collections.disjoint(other.skillIds, catalog.skillIds)) {
                continue;
            }
            Set<String> ids = other.ledger.liveIds();
            ids.forEach(id -> others.putIfAbsent(id, other.id));
            for (SmapiUpload pending : other.uploads.values()) {
                if (pending.inFlight()) {
                    pending.schema.entities().stream().filter(e -> !CatalogLedger.isTombstone(e))
                            .forEach(e -> ids.add(e.get("id").textValue()));
                }
            }
            if (other.type == MusicCatalogType.MUSIC_GROUP) {
                artists.addAll(ids);
            } else if (other.type == MusicCatalogType.MUSIC_ALBUM) {
                albums.addAll(ids);
            }
        }
        return new CatalogLedger.Context(artists, albums, others);
    }

    /** Writes the document as uploaded (and, for a refused one, its errors) atomically. */
    private void store(Path dir, SmapiUpload upload, List<Violation> errors) {
        try {
            Files.createDirectories(dir);
            write(dir.resolve(upload.id + ".json"), upload.document);
            if (errors != null) {
                List<Map<String, String>> list = errors.stream()
                        .map(v -> Map.of("code", v.code(), "path", v.path(), "message", v.message())).toList();
                write(dir.resolve(upload.id + ".errors.json"), SmallHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(list));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store upload " + upload.id, e);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // ---- presigned URLs (what S3 would answer) --------------------------------------------------

    private String presign(String path) {
        return baseUrl() + signer.sign("GET", path, options.urlLifetime());
    }

    private void presigned(HttpExchange exchange, String method, String rawPath, List<String> path) throws Refusal, IOException {
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            throw new Refusal(400, SmapiErrors.s3("InvalidArgument",
                    "Only one auth mechanism allowed; only the X-Amz-Signature query parameter or the Authorization header should be specified"));
        }
        switch (signer.verify(method, rawPath, SmallHttp.query(exchange))) {
            case MISSING -> throw new Refusal(403, SmapiErrors.s3("AccessDenied", "Query-string authentication requires X-Amz-Date, X-Amz-Expires and X-Amz-Signature"));
            case TAMPERED -> throw new Refusal(403, SmapiErrors.s3("SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided"));
            case EXPIRED -> throw new Refusal(403, SmapiErrors.s3("AccessDenied", "Request has expired"));
            case VALID -> {
            }
        }
        if (path.getFirst().equals("_parts") && path.size() == 3) {
            putPart(exchange, path.get(1), Integer.parseInt(path.get(2)));
            return;
        }
        synchronized (lock) {
            SmapiUpload upload = uploads.get(path.get(1));
            if (upload == null) {
                throw new Refusal(404, SmapiErrors.s3("NoSuchKey", "The specified key does not exist."));
            }
            if (path.getFirst().equals("_files") && path.size() == 2 && upload.document != null) {
                byte[] bytes = upload.document;
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
                return;
            }
            if (path.getFirst().equals("_logs") && path.size() == 3) {
                Step step = Step.valueOf(path.get(2));
                SmallHttp.sendJson(exchange, 200, Map.of("errors",
                        upload.step(step).errors.stream().map(SmapiErrors::error).toList()));
                return;
            }
        }
        throw new Refusal(404, SmapiErrors.s3("NoSuchKey", "The specified key does not exist."));
    }

    /** S3's UploadPart: stores the bytes and answers their MD5 as the ETag, in double quotes. */
    private void putPart(HttpExchange exchange, String uploadId, int number) throws Refusal, IOException {
        byte[] bytes;
        try {
            bytes = SmallHttp.readBody(exchange, (int) Math.min(Integer.MAX_VALUE - 8, options.maxPartBytes()));
        } catch (IOException e) {
            throw new Refusal(400, SmapiErrors.s3("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"));
        }
        String eTag = "\"" + md5(bytes) + "\"";
        synchronized (lock) {
            SmapiUpload upload = uploads.get(uploadId);
            if (upload == null || upload.completed) {
                throw new Refusal(404, SmapiErrors.s3("NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                        + "or the upload may have been aborted or completed."));
            }
            upload.parts.put(number, new SmapiUpload.Part(bytes, eTag));
            upload.lastUpdatedDate = options.clock().instant();
        }
        exchange.getResponseHeaders().set("ETag", eTag);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    @Override
    public void close() {
        server.stop(0);
        ingestion.shutdownNow();
    }
}
