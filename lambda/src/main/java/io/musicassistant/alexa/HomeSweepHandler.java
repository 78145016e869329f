package io.musicassistant.alexa;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.musicassistant.alexa.accounts.HomeSweep;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * AWS Lambda entry point of the daily sweep ({@link HomeSweep}), run by its EventBridge schedule:
 * {@code io.musicassistant.alexa.HomeSweepHandler::handleRequest}. The event is ignored;
 * the answer is the run's report. With {@code CATALOG_BUCKET} set, a removed home's library
 * snapshot ({@code snapshots/<home>/}) is deleted too, so that the next catalog build drops it.
 */
public final class HomeSweepHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readNBytes(64 * 1024);
        CloudWiring wiring = CloudWiring.fromEnvironment();
        String bucket = wiring.config().catalogBucket();
        try (S3Client s3 = bucket == null
                ? null
                : S3Client.builder().region(Region.of(wiring.config().region())).build()) {
            HomeSweep.Report report = wiring.homeSweep(bucket == null ? null : snapshotDeleter(s3, bucket))
                    .run();
            output.write(("{\"homes\":" + report.homes() + ",\"removed_never_paired\":" + report.neverPaired()
                            + ",\"removed_silent\":" + report.silent() + ",\"states_deleted\":" + report.states() + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Deletes every object under the home's snapshot folder. */
    static Consumer<String> snapshotDeleter(S3Client s3, String bucket) {
        return instanceId -> {
            String prefix = CatalogSnapshot.SNAPSHOTS_PREFIX + instanceId + "/";
            for (S3Object object : s3.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(prefix))
                    .contents()) {
                s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
            }
        };
    }
}
