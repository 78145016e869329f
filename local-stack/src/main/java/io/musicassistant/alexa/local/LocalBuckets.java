package io.musicassistant.alexa.local;

import io.musicassistant.alexa.dev.DevServices;
import io.musicassistant.alexa.platform.Buckets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The cloud side's S3 buckets in Moto, made from the same list as the CDK stack's
 * ({@link Buckets#ALL}), with the same expiry rules. Moto is reached path-style
 * ({@code http://127.0.0.1:port/bucket/key}): a loopback address has no bucket subdomains.
 */
public final class LocalBuckets {

    private final DevServices services;
    private final Buckets names;

    public LocalBuckets(DevServices services, String prefix) {
        this.services = services;
        this.names = new Buckets(prefix, DevServices.MOTO_ACCOUNT_ID, services.region());
    }

    public Buckets names() {
        return names;
    }

    /** Creates every bucket that does not exist yet; returns their names. */
    public List<String> createAll() {
        List<String> created = new ArrayList<>();
        try (S3Client s3 = client()) {
            for (Buckets.Spec spec : Buckets.ALL) {
                String name = names.name(spec);
                try {
                    s3.createBucket(b -> b.bucket(name));
                } catch (BucketAlreadyOwnedByYouException alreadyThere) {
                    // Idempotent, like the tables.
                }
                s3.putBucketLifecycleConfiguration(b -> b.bucket(name)
                        .lifecycleConfiguration(c -> c.rules(r -> {
                            r.id("tidy")
                                    .status(ExpirationStatus.ENABLED)
                                    .filter(f -> f.prefix(""))
                                    .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1));
                            if (spec.expireAfterDays() > 0) {
                                r.expiration(e -> e.days(spec.expireAfterDays()));
                            }
                        })));
                created.add(name);
            }
        }
        return created;
    }

    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(services.s3Endpoint())
                .region(Region.of(services.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public S3Presigner presigner() {
        return S3Presigner.builder()
                .endpointOverride(services.s3Endpoint())
                .region(Region.of(services.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}
