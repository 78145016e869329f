package io.musicassistant.alexa.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.platform.Buckets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The buckets the CDK stack would create, in Moto's S3, and presigned PUT and GET against them over plain HTTP. */
class LocalBucketsTest {

    private final DevServices services = DevServices.shared();
    private final LocalBuckets buckets = new LocalBuckets(services, "buckets-test-");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyBucketOfTheStackExistsWithItsExpiryAndCreatingAgainChangesNothing() {
        List<String> created = buckets.createAll();
        assertEquals(Buckets.ALL.stream().map(buckets.names()::name).toList(), created);
        assertEquals(created, buckets.createAll(), "idempotent, like the tables");
        try (S3Client s3 = buckets.client()) {
            assertTrue(s3.listBuckets().buckets().stream()
                    .map(Bucket::name)
                    .collect(Collectors.toSet())
                    .containsAll(created));
            for (Buckets.Spec spec : Buckets.ALL) {
                List<LifecycleRule> rules = s3.getBucketLifecycleConfiguration(
                                b -> b.bucket(buckets.names().name(spec)))
                        .rules();
                assertEquals(1, rules.size());
                assertEquals(
                        1, rules.getFirst().abortIncompleteMultipartUpload().daysAfterInitiation());
                Integer days = rules.getFirst().expiration() == null
                        ? null
                        : rules.getFirst().expiration().days();
                assertEquals(spec.expireAfterDays() > 0 ? spec.expireAfterDays() : null, days, spec.suffix());
            }
        }
    }

    @Test
    void aPresignedPutStoresWhatAPresignedGetReturns() throws Exception {
        buckets.createAll();
        String bucket = buckets.names().name(Buckets.CATALOG);
        String key = "snapshots/home-abcdefghjkmnpqrstvwxyz0123/library.json.gz";
        byte[] body = "{\"artists\":[\"Radiohead\",\"Sigur Rós\"]}".getBytes(StandardCharsets.UTF_8);
        try (S3Presigner presigner = buckets.presigner();
                S3Client s3 = buckets.client()) {
            var put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket(bucket).key(key).contentType("application/gzip")));
            assertTrue(
                    put.url().toString().startsWith(services.s3Endpoint() + "/" + bucket + "/"),
                    put.url().toString());
            HttpRequest.Builder upload =
                    HttpRequest.newBuilder(put.url().toURI()).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
            put.signedHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("host")) {
                    values.forEach(v -> upload.header(name, v));
                }
            });
            assertEquals(
                    200,
                    http.send(upload.build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            assertEquals(
                    "application/gzip",
                    s3.headObject(h -> h.bucket(bucket).key(key)).contentType());

            var get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(o -> o.bucket(bucket).key(key)));
            HttpResponse<byte[]> download = http.send(
                    HttpRequest.newBuilder(get.url().toURI()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            assertArrayEquals(body, download.body());

            var missing = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(o -> o.bucket(bucket).key("snapshots/none")));
            assertEquals(
                    404,
                    http.send(
                                    HttpRequest.newBuilder(missing.url().toURI())
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            // The SDK reads back what a presigned PUT stored, as the catalog builder will.
            s3.putObject(b -> b.bucket(bucket).key("snapshots/other"), RequestBody.fromString("x"));
            assertEquals(
                    Map.of("snapshots/home-abcdefghjkmnpqrstvwxyz0123/library.json.gz", (long) body.length),
                    s3.listObjectsV2(l -> l.bucket(bucket).prefix("snapshots/home-")).contents().stream()
                            .collect(Collectors.toMap(o -> o.key(), o -> o.size())));
        }
    }
}
