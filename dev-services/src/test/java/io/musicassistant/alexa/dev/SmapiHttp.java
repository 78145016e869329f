package io.musicassistant.alexa.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small SMAPI client over real HTTP (java.net.http), as the catalog builder would talk to Amazon. */
final class SmapiHttp {

    record Response(int status, HttpHeaders headers, byte[] bytes) {

        String body() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return SmallHttp.JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body(), e);
            }
        }
    }

    /** What completing an upload left behind: its id and every upload status seen while polling. */
    record Upload(String id, JsonNode last, List<String> statusesSeen) {

        JsonNode step(String name) {
            for (JsonNode step : last.get("ingestionSteps")) {
                if (step.get("name").asText().equals(name)) {
                    return step;
                }
            }
            throw new AssertionError("no step " + name + " in " + last);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    SmapiHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    String token() {
        return token;
    }

    SmapiHttp withToken(String other) {
        return new SmapiHttp(base, other);
    }

    Response get(String path) {
        return send("GET", base + path, null, Map.of());
    }

    Response post(String path, Object body) {
        return send("POST", base + path, json(body), Map.of("Content-Type", "application/json"));
    }

    Response put(String path) {
        return send("PUT", base + path, new byte[0], Map.of());
    }

    Response delete(String path) {
        return send("DELETE", base + path, null, Map.of());
    }

    /** Any request; the SMAPI token is added to calls to the API, not to presigned URLs. */
    Response send(String method, String url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null && url.startsWith(base + "/v0/")) {
            request.header("Authorization", token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String createCatalog(String type, String vendorId) {
        Response created = post(
                "/v0/catalogs",
                Map.of(
                        "title",
                        "test " + type,
                        "type",
                        type,
                        "usage",
                        type.replace("AMAZON.", "AlexaMusic.Catalog."),
                        "vendorId",
                        vendorId));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    void associate(String skillId, String catalogId) {
        Response associated = put("/v0/skills/" + skillId + "/catalogs/" + catalogId);
        assertEquals(201, associated.status(), associated.body());
    }

    /** Creates an upload of {@code parts} parts; answers its JSON. */
    JsonNode createUpload(String catalogId, int parts) {
        Response created = post("/v0/catalogs/" + catalogId + "/uploads", Map.of("numberOfUploadParts", parts));
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    /** PUTs {@code bytes} to a presigned URL; answers the ETag header, quotes included. */
    String putPart(String url, byte[] bytes) {
        Response put = send("PUT", url, bytes, Map.of());
        assertEquals(200, put.status(), put.body());
        return put.headers().firstValue("ETag").orElseThrow();
    }

    /** Create, PUT the parts (the document split into {@code parts} nearly equal pieces), complete: the upload id. */
    String upload(String catalogId, byte[] document, int parts) {
        JsonNode created = createUpload(catalogId, parts);
        ArrayNode partETags = SmallHttp.JSON.createArrayNode();
        int size = (document.length + parts - 1) / parts;
        for (JsonNode part : created.get("presignedUploadParts")) {
            int number = part.get("partNumber").asInt();
            int from = Math.min(document.length, (number - 1) * size);
            byte[] bytes = Arrays.copyOfRange(document, from, Math.min(document.length, from + size));
            partETags
                    .addObject()
                    .put("eTag", putPart(part.get("url").asText(), bytes))
                    .put("partNumber", number);
        }
        String uploadId = created.get("id").asText();
        ObjectNode complete = SmallHttp.JSON.createObjectNode();
        complete.set("partETags", partETags);
        Response completed = post("/v0/catalogs/" + catalogId + "/uploads/" + uploadId, complete);
        assertEquals(202, completed.status(), completed.body());
        return uploadId;
    }

    /** Polls until the upload's status is SUCCEEDED or FAILED. */
    Upload await(String catalogId, String uploadId) {
        return awaitUntil(
                catalogId,
                uploadId,
                u -> Set.of("SUCCEEDED", "FAILED").contains(u.get("status").asText()));
    }

    /** Polls until ER_INGESTION, the step that gates voice, is done (the upload itself may stay in progress). */
    Upload awaitEntityResolution(String catalogId, String uploadId) {
        return awaitUntil(catalogId, uploadId, u -> {
            for (JsonNode step : u.get("ingestionSteps")) {
                if (step.get("name").asText().equals("ER_INGESTION")) {
                    return Set.of("SUCCEEDED", "FAILED", "CANCELLED")
                            .contains(step.get("status").asText());
                }
            }
            return false;
        });
    }

    Upload uploadAndAwait(String catalogId, JsonNode document) {
        return await(catalogId, upload(catalogId, CatalogDocs.bytes(document), 1));
    }

    private Upload awaitUntil(String catalogId, String uploadId, java.util.function.Predicate<JsonNode> done) {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Response got = get("/v0/catalogs/" + catalogId + "/uploads/" + uploadId);
            assertEquals(200, got.status(), got.body());
            JsonNode upload = got.json();
            String status = upload.get("status").asText();
            if (seen.isEmpty() || !seen.getLast().equals(status)) {
                seen.add(status);
            }
            if (done.test(upload)) {
                return new Upload(uploadId, upload, seen);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("upload " + uploadId + " did not finish; statuses seen " + seen);
    }

    private static byte[] json(Object body) {
        try {
            return body instanceof byte[] bytes ? bytes : SmallHttp.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
