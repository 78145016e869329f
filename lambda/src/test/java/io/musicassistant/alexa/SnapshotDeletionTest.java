package io.musicassistant.alexa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A removed home's library snapshot goes from the catalog bucket (Moto's S3); other homes' stay. */
class SnapshotDeletionTest {

    @Test
    void onlyTheRemovedHomesSnapshotFolderIsEmptied() {
        DevServices services = DevServices.shared();
        String bucket = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(services.s3Endpoint())
                .region(Region.of(services.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            s3.createBucket(b -> b.bucket(bucket));
            for (String key : List.of(
                    "snapshots/home-a/" + CatalogSnapshot.FILE_NAME,
                    "snapshots/home-a/old.tmp",
                    "snapshots/home-ab/" + CatalogSnapshot.FILE_NAME,
                    "catalogs/ledger.json")) {
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x"));
            }
            HomeSweepHandler.snapshotDeleter(s3, bucket).accept("home-a");
            List<String> left = s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                    .map(o -> o.key())
                    .sorted()
                    .toList();
            assertEquals(List.of("catalogs/ledger.json", "snapshots/home-ab/" + CatalogSnapshot.FILE_NAME), left);
        }
    }
}
