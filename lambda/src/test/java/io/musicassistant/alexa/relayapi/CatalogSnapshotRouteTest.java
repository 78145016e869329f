package io.musicassistant.alexa.relayapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.ApiError;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUpload;
import io.musicassistant.alexa.relay.protocol.api.SnapshotUploadRequest;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import io.musicassistant.alexa.testing.CloudFixture;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code POST /v1/homes/{id}/catalog-snapshot} against Moto's S3 (and DynamoDB, for homes and rate
 * limits): the route's validation, authentication and daily limit, and a real upload through the
 * URL it hands out, with the JDK's HTTP client as the connector uses it.
 */
class CatalogSnapshotRouteTest {

    static CloudFixture cloud;
    static S3Client s3;
    static String bucket;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void setUp() {
        bucket = "t-catalog-" + UUID.randomUUID().toString().substring(0, 8);
        var services = io.musicassistant.alexa.dev.DevServices.shared();
        cloud = CloudFixture.create(Map.of(
                "CATALOG_BUCKET", bucket, "S3_ENDPOINT", services.s3Endpoint().toString()));
        s3 = S3Client.builder()
                .endpointOverride(services.s3Endpoint())
                .region(Region.of(services.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        s3.createBucket(b -> b.bucket(bucket));
    }

    static String path(CloudFixture.Home home) {
        return "/v1/homes/" + home.instanceId() + "/catalog-snapshot";
    }

    static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static SnapshotUploadRequest requestFor(byte[] bytes, int entities) throws Exception {
        return new SnapshotUploadRequest(bytes.length, sha256(bytes), entities);
    }

    /** PUTs {@code body} as the connector does: every header the answer lists, but those the JDK sets itself. */
    static HttpResponse<String> put(SnapshotUpload upload, byte[] body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(upload.url())).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        upload.headers().forEach((name, value) -> {
            if (!name.equals("content-length")) {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPresignedUploadLandsTheExactBytesInTheHomesObject() throws Exception {
        CloudFixture.Home home = cloud.registerHome();
        byte[] snapshot = gzip("{\"kind\":\"artist\",\"id\":\"ma1:artist:radiohead\",\"name\":\"Radiohead\"}\n");
        long before = System.currentTimeMillis();
        ApiResponse answer = cloud.relay("POST", path(home), home.secret(), requestFor(snapshot, 1));
        assertEquals(200, answer.status(), answer.body());
        SnapshotUpload upload = RelayJson.read(answer.body(), SnapshotUpload.class);

        URI url = URI.create(upload.url());
        assertTrue(
                url.getPath().endsWith("/" + bucket + "/" + CatalogSnapshot.key(home.instanceId())),
                "path-style against Moto, the home's own key: " + url.getPath());
        assertEquals(CatalogSnapshot.CONTENT_TYPE, upload.headers().get("content-type"));
        assertEquals(Long.toString(snapshot.length), upload.headers().get("content-length"));
        assertEquals(sha256(snapshot), upload.headers().get("x-amz-checksum-sha256"));
        assertTrue(
                signedHeaders(url)
                        .containsAll(Set.of("content-length", "content-type", "host", "x-amz-checksum-sha256")),
                "size, type and checksum are signed: " + signedHeaders(url));
        assertEquals("900", query(url, "X-Amz-Expires"));
        assertTrue(Math.abs(upload.expiresAtMs() - (before + 15 * 60_000)) < 10_000, "valid 15 minutes");

        HttpResponse<String> stored = put(upload, snapshot);
        assertEquals(200, stored.statusCode(), stored.body());
        var object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(CatalogSnapshot.key(home.instanceId())));
        assertArrayEquals(snapshot, object.asByteArray());
        assertEquals(CatalogSnapshot.CONTENT_TYPE, object.response().contentType());
    }

    /**
     * What makes the URL good only for the announced bytes: S3 refuses a body whose SHA-256 differs
     * from a signed {@code x-amz-checksum-sha256} (BadDigest) and a signed Content-Length that differs.
     * Moto checks neither signatures nor checksums (moto/s3/responses.py {@code _get_checksum}: "TODO:
     * AWS computes the provided value and verifies"), so here the proof is what the URL signs.
     */
    @Test
    void theUrlSignsSizeTypeAndChecksumAndNothingElseTravelsInTheQuery() throws Exception {
        CloudFixture.Home home = cloud.registerHome();
        byte[] snapshot = gzip("{\"kind\":\"genre\",\"id\":\"ma1:genre:jazz\",\"name\":\"Jazz\"}\n");
        SnapshotUpload upload = RelayJson.read(
                cloud.relay("POST", path(home), home.secret(), requestFor(snapshot, 1))
                        .body(),
                SnapshotUpload.class);
        URI url = URI.create(upload.url());
        Set<String> signed = signedHeaders(url);
        assertEquals(
                Set.of("content-length", "content-type", "host", "x-amz-checksum-sha256"),
                signed,
                "exactly these: the answer's headers are what the upload must send");
        assertEquals(
                Set.of("content-length", "content-type", "x-amz-checksum-sha256"),
                upload.headers().keySet());
        for (String pair : url.getRawQuery().split("&")) {
            assertTrue(pair.startsWith("X-Amz-"), "only the signature's parameters: " + pair);
        }
    }

    @Test
    void requestsAreValidatedAndTooLargeSnapshotsAre413() throws Exception {
        CloudFixture.Home home = cloud.registerHome();
        String sha = sha256(new byte[] {1});
        assertEquals(400, status(home, new SnapshotUploadRequest(0, sha, 1)), "at least one byte");
        assertEquals(400, status(home, new SnapshotUploadRequest(10, sha, -1)));
        assertEquals(400, status(home, new SnapshotUploadRequest(10, "not base64!", 1)));
        assertEquals(
                400,
                status(home, new SnapshotUploadRequest(10, Base64.getEncoder().encodeToString(new byte[31]), 1)),
                "a SHA-256 is 32 bytes");
        assertEquals(400, status(home, new SnapshotUploadRequest(10, null, 1)));
        assertEquals(
                400,
                cloud.relay("POST", path(home), home.secret(), "{\"bytes\":\"many\"}")
                        .status());
        assertEquals(400, cloud.relay("POST", path(home), home.secret(), null).status(), "no body: bytes 0");
        assertEquals(413, status(home, new SnapshotUploadRequest(CatalogSnapshot.MAX_BYTES + 1, sha, 1)));
        assertEquals(413, status(home, new SnapshotUploadRequest(100, sha, CatalogSnapshot.MAX_ENTITIES + 1)));
        ApiResponse tooLarge = cloud.relay(
                "POST", path(home), home.secret(), new SnapshotUploadRequest(CatalogSnapshot.MAX_BYTES + 1, sha, 1));
        assertEquals(
                "payload_too_large",
                RelayJson.read(tooLarge.body(), ApiError.class).error());
        assertEquals(
                200,
                status(home, new SnapshotUploadRequest(CatalogSnapshot.MAX_BYTES, sha, CatalogSnapshot.MAX_ENTITIES)),
                "the limits themselves are allowed");
        assertEquals(200, status(home, new SnapshotUploadRequest(20, sha, 0)), "an empty library is a snapshot too");
        assertEquals(405, cloud.relay("GET", path(home), home.secret(), null).status());
    }

    @Test
    void theRouteNeedsTheHomesOwnSecret() throws Exception {
        CloudFixture.Home home = cloud.registerHome();
        CloudFixture.Home other = cloud.registerHome();
        SnapshotUploadRequest request = requestFor(gzip("x"), 1);
        ApiResponse wrong = cloud.relay("POST", path(home), "mhs_wrong", request);
        assertEquals(401, wrong.status());
        assertEquals("Bearer", wrong.headers().get("www-authenticate"));
        assertEquals(401, cloud.relay("POST", path(home), null, request).status());
        assertEquals(
                401,
                cloud.relay("POST", path(home), other.secret(), request).status(),
                "a secret opens only its own home");
        assertEquals(
                401,
                cloud.relay("POST", path(home), cloud.newUser().token(), request)
                        .status(),
                "an Amazon login is not a home's credential");
    }

    @Test
    void aHomeGetsTwelveUploadsADayAndRefusedRequestsDoNotCount() throws Exception {
        CloudFixture.Home home = cloud.registerHome();
        SnapshotUploadRequest request = requestFor(gzip("library"), 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    413, status(home, new SnapshotUploadRequest(CatalogSnapshot.MAX_BYTES + 1, request.sha256(), 1)));
        }
        for (int i = 0; i < 12; i++) {
            assertEquals(200, status(home, request), "upload " + (i + 1));
        }
        ApiResponse limited = cloud.relay("POST", path(home), home.secret(), request);
        assertEquals(429, limited.status());
        long retryAfter = Long.parseLong(limited.headers().get("retry-after"));
        assertTrue(retryAfter > 0 && retryAfter <= 86_400, "until the day's window ends: " + retryAfter);
        assertEquals(200, status(cloud.registerHome(), request), "the limit is per home");
    }

    @Test
    void withoutACatalogBucketTheRouteSaysSo() throws Exception {
        CloudFixture bare = CloudFixture.create();
        CloudFixture.Home home = bare.registerHome();
        ApiResponse answer = bare.relay("POST", path(home), home.secret(), requestFor(gzip("x"), 1));
        assertEquals(503, answer.status());
        ApiError error = RelayJson.read(answer.body(), ApiError.class);
        assertEquals("catalog_unavailable", error.error());
        assertTrue(error.message().contains("CATALOG_BUCKET"), error.message());
        assertNotNull(answer.headers().get("retry-after"));
        assertEquals(
                401,
                bare.relay("POST", path(home), "mhs_wrong", requestFor(gzip("x"), 1))
                        .status(),
                "authentication still comes first");
    }

    private static int status(CloudFixture.Home home, SnapshotUploadRequest request) {
        return cloud.relay("POST", path(home), home.secret(), request).status();
    }

    private static String query(URI url, String name) {
        for (String pair : url.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static Set<String> signedHeaders(URI url) {
        return Set.copyOf(List.of(query(url, "X-Amz-SignedHeaders").split(";")));
    }
}
