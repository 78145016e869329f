package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.platform.Buckets;
import io.musicassistant.alexa.platform.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The DynamoDB tables, one per entry of {@link Tables#ALL}: a string partition key, on demand,
 * encrypted, point-in-time recovery, TTL where the rows are temporary, and kept when the stack is
 * deleted (links, homes and grants are users' data). The S3 buckets, one per entry of
 * {@link Buckets#ALL}: private (public access blocked, ACLs off, TLS only), encrypted, unfinished
 * uploads cleared after a day, expiring objects where the spec says so, and kept when the stack is
 * deleted (a bucket with objects cannot be deleted by CloudFormation anyway).
 */
public final class Storage extends Construct {

    private final Map<Tables.Spec, Table> tables = new LinkedHashMap<>();
    private final Map<Buckets.Spec, Bucket> buckets = new LinkedHashMap<>();

    public Storage(Construct scope, String id, String prefix) {
        super(scope, id);
        Tables names = new Tables(prefix);
        for (Tables.Spec spec : Tables.ALL) {
            Table.Builder table = Table.Builder.create(this, spec.suffix())
                    .tableName(names.name(spec))
                    .partitionKey(Attribute.builder()
                            .name(spec.key())
                            .type(AttributeType.STRING)
                            .build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .encryption(TableEncryption.AWS_MANAGED)
                    .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                            .pointInTimeRecoveryEnabled(true)
                            .build())
                    .removalPolicy(RemovalPolicy.RETAIN);
            if (spec.ttlAttribute() != null) {
                table.timeToLiveAttribute(spec.ttlAttribute());
            }
            tables.put(spec, table.build());
        }
        Buckets bucketNames = new Buckets(prefix, Aws.ACCOUNT_ID, Aws.REGION);
        for (Buckets.Spec spec : Buckets.ALL) {
            LifecycleRule.Builder lifecycle =
                    LifecycleRule.builder().abortIncompleteMultipartUploadAfter(Duration.days(1));
            if (spec.expireAfterDays() > 0) {
                lifecycle.expiration(Duration.days(spec.expireAfterDays()));
            }
            buckets.put(
                    spec,
                    Bucket.Builder.create(this, "Bucket-" + spec.suffix())
                            .bucketName(bucketNames.name(spec))
                            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                            .encryption(BucketEncryption.S3_MANAGED)
                            .enforceSsl(true)
                            .lifecycleRules(List.of(lifecycle.build()))
                            .removalPolicy(RemovalPolicy.RETAIN)
                            .build());
        }
    }

    public Table table(Tables.Spec spec) {
        return tables.get(spec);
    }

    public Bucket bucket(Buckets.Spec spec) {
        return buckets.get(spec);
    }
}
