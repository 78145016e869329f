package io.musicassistant.alexa.catalog.smapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.control.reporting.LwaTokenClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Skill Management API's catalog calls (base {@code https://api.amazonalexa.com}), in plain
 * HTTP with the documented shapes: create a catalog, associate it with the skill, create an upload,
 * PUT its parts to the presigned URLs, complete it and read its status. The access token comes from
 * Login with Amazon's refresh grant and is renewed a minute before it expires.
 */
public final class SmapiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER = 1024 * 1024;

    private final URI base;
    private final SmapiCredentials credentials;
    private final LwaTokenClient lwa;
    private final Clock clock;
    private final Duration timeout;
    private LwaTokenClient.Tokens tokens;

    /** One part of an upload: where to PUT it. */
    public record Part(int number, URI url) {
        @Override
        public String toString() {
            return "Part[" + number + ", url=[presigned]]";
        }
    }

    public record Upload(String id, List<Part> parts) {}

    public record PartTag(int number, String eTag) {}

    public SmapiClient(URI base, URI lwaTokenUrl, SmapiCredentials credentials, Clock clock, Duration timeout) {
        this.base = base;
        this.credentials = credentials;
        this.lwa = new LwaTokenClient(lwaTokenUrl, credentials.clientId(), credentials.clientSecret(), clock, timeout);
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * {@code POST /v0/catalogs}: a new catalog, owned by the vendor.
     *
     * @param type Amazon's catalog type ({@code AMAZON.MusicAlbum}); {@code usage} the one it pairs with
     */
    public String createCatalog(String title, String type, String usage) {
        ObjectNode body = JSON.createObjectNode()
                .put("title", title)
                .put("type", type)
                .put("usage", usage)
                .put("vendorId", credentials.vendorId());
        return call("POST", "/v0/catalogs", body, 201).path("id").asText();
    }

    /** {@code PUT /v0/skills/{skillId}/catalogs/{catalogId}}: required before the first upload. */
    public void associate(String skillId, String catalogId) {
        call("PUT", "/v0/skills/" + skillId + "/catalogs/" + catalogId, null, 201);
    }

    /** {@code GET /v0/skills/{skillId}/catalogs}: the ids of the catalogs associated with the skill. */
    public List<String> catalogsOf(String skillId) {
        List<String> ids = new ArrayList<>();
        call("GET", "/v0/skills/" + skillId + "/catalogs", null, 200)
                .path("catalogs")
                .forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    /**
     * Disables and enables the skill's development stage for the developer's account
     * ({@code DELETE} then {@code PUT /v1/skills/{skillId}/stages/development/enablement}). Observed
     * on live development skills: after a catalog upload, and after hours without one, Alexa stops
     * routing named requests to the skill until the enablement is cycled (docs/catalogs.md).
     */
    public void cycleDevelopmentEnablement(String skillId) {
        String path = "/v1/skills/" + skillId + "/stages/development/enablement";
        try {
            call("DELETE", path, null, 204);
        } catch (SmapiException notEnabled) {
            if (notEnabled.status() != 404) {
                throw notEnabled;
            }
        }
        call("PUT", path, null, 204);
    }

    /** {@code POST /v0/catalogs/{id}/uploads}: presigned URLs for {@code parts} parts. */
    public Upload createUpload(String catalogId, int parts) {
        JsonNode answer = call(
                "POST",
                "/v0/catalogs/" + catalogId + "/uploads",
                JSON.createObjectNode().put("numberOfUploadParts", parts),
                201);
        List<Part> urls = new ArrayList<>();
        answer.path("presignedUploadParts")
                .forEach(p -> urls.add(new Part(
                        p.path("partNumber").asInt(), URI.create(p.path("url").asText()))));
        if (urls.size() != parts) {
            throw new SmapiException(
                    201, "upload came with " + urls.size() + " part URLs for " + parts + " parts", List.of());
        }
        return new Upload(answer.path("id").asText(), urls);
    }

    /** PUTs bytes {@code [offset, offset + length)} of the file to a part's URL; returns its ETag, quotes included. */
    public String putPart(Part part, Path file, long offset, long length) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) part.url().toURL().openConnection();
            try {
                connection.setConnectTimeout((int) timeout.toMillis());
                connection.setReadTimeout((int) Math.max(timeout.toMillis(), 60_000));
                connection.setRequestMethod("PUT");
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(length);
                try (OutputStream out = connection.getOutputStream();
                        RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                    in.seek(offset);
                    byte[] buffer = new byte[64 * 1024];
                    long left = length;
                    while (left > 0) {
                        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (n < 0) {
                            throw new IOException("file shorter than its parts");
                        }
                        out.write(buffer, 0, n);
                        left -= n;
                    }
                }
                int status = connection.getResponseCode();
                String eTag = connection.getHeaderField("ETag");
                drain(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
                if (status != 200 || eTag == null) {
                    throw new SmapiException(status, "part " + part.number() + " was not stored", List.of());
                }
                return eTag;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new SmapiException(
                    0,
                    "part " + part.number() + " could not be sent: "
                            + e.getClass().getSimpleName(),
                    List.of());
        }
    }

    /** {@code POST /v0/catalogs/{id}/uploads/{uploadId}} with every part's ETag. */
    public void complete(String catalogId, String uploadId, List<PartTag> tags) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("partETags");
        tags.forEach(t -> list.addObject().put("eTag", t.eTag()).put("partNumber", t.number()));
        call("POST", "/v0/catalogs/" + catalogId + "/uploads/" + uploadId, body, 202);
    }

    public UploadStatus status(String catalogId, String uploadId) {
        JsonNode answer = call("GET", "/v0/catalogs/" + catalogId + "/uploads/" + uploadId, null, 200);
        List<UploadStatus.Step> steps = new ArrayList<>();
        for (JsonNode step : answer.path("ingestionSteps")) {
            List<String> errors = new ArrayList<>();
            step.path("errors")
                    .forEach(e -> errors.add(
                            e.path("code").asText("") + " " + e.path("message").asText(e.asText())));
            steps.add(new UploadStatus.Step(
                    step.path("name").asText(),
                    step.path("status").asText(),
                    errors.stream().map(String::strip).toList()));
        }
        return new UploadStatus(answer.path("status").asText(), steps);
    }

    private synchronized String accessToken() {
        if (tokens == null || clock.instant().plusSeconds(60).isAfter(tokens.expiresAt())) {
            tokens = lwa.refresh(tokens == null ? credentials.refreshToken() : tokens.refreshToken());
        }
        return tokens.accessToken();
    }

    private JsonNode call(String method, String path, JsonNode body, int expected) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) base.resolve(path).toURL().openConnection();
            try {
                connection.setConnectTimeout((int) timeout.toMillis());
                connection.setReadTimeout((int) timeout.toMillis());
                connection.setRequestMethod(method);
                connection.setRequestProperty("Authorization", accessToken());
                connection.setRequestProperty("Accept", "application/json");
                if (body != null) {
                    connection.setDoOutput(true);
                    connection.setRequestProperty("Content-Type", "application/json");
                    try (OutputStream out = connection.getOutputStream()) {
                        out.write(JSON.writeValueAsBytes(body));
                    }
                } else if (method.equals("PUT") || method.equals("POST")) {
                    connection.setDoOutput(true);
                    connection.setFixedLengthStreamingMode(0);
                    connection.getOutputStream().close();
                }
                int status = connection.getResponseCode();
                byte[] raw;
                try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                    raw = in == null ? new byte[0] : in.readNBytes(MAX_ANSWER);
                }
                JsonNode answer = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
                if (status != expected) {
                    List<String> violations = new ArrayList<>();
                    answer.path("violations")
                            .forEach(v -> violations.add((v.path("code").asText("") + " "
                                            + v.path("message").asText())
                                    .strip()));
                    throw new SmapiException(
                            status,
                            method + " " + path + " answered " + status + ": "
                                    + answer.path("message")
                                            .asText(new String(
                                                    raw, 0, Math.min(raw.length, 200), StandardCharsets.UTF_8)),
                            violations);
                }
                return answer;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new SmapiException(
                    0, method + " " + path + " failed: " + e.getClass().getSimpleName(), List.of());
        }
    }

    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            try (in) {
                in.readNBytes(MAX_ANSWER);
            }
        }
    }
}
