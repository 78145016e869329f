package io.musicassistant.alexa.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.platform.Buckets;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.stack.AlexaRegion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The synthesised CloudFormation of the tables, without an AWS account. */
class StorageTest {

    static Template template;

    @BeforeAll
    static void synth() {
        template = Synth.template(Synth.full());
    }

    @Test
    void everyTableTheCodeUsesExistsOnDemandEncryptedWithRecoveryAndRetained() {
        template.resourceCountIs("AWS::DynamoDB::Table", Tables.ALL.size());
        for (Tables.Spec spec : Tables.ALL) {
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "TableName", "test-" + spec.suffix(),
                    "KeySchema", List.of(Map.of("AttributeName", spec.key(), "KeyType", "HASH")),
                    "AttributeDefinitions", List.of(Map.of("AttributeName", spec.key(), "AttributeType", "S")),
                    "BillingMode", "PAY_PER_REQUEST",
                    "SSESpecification", Map.of("SSEEnabled", true),
                    "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
            properties.put(
                    "TimeToLiveSpecification",
                    spec.ttlAttribute() == null
                            ? Match.absent()
                            : Map.of("AttributeName", spec.ttlAttribute(), "Enabled", true));
            template.hasResource(
                    "AWS::DynamoDB::Table",
                    Map.of(
                            "Properties", Match.objectLike(properties),
                            "DeletionPolicy", "Retain",
                            "UpdateReplacePolicy", "Retain"));
        }
    }

    @Test
    void noTableHasACapacityToPayForWhileIdle() {
        Map<String, Map<String, Object>> tables = template.findResources("AWS::DynamoDB::Table");
        assertEquals(Tables.ALL.size(), tables.size());
        template.allResourcesProperties("AWS::DynamoDB::Table", Map.of("ProvisionedThroughput", Match.absent()));
    }

    @Test
    void everyBucketTheCodeUsesIsPrivateEncryptedTlsOnlyAndRetained() {
        template.resourceCountIs("AWS::S3::Bucket", Buckets.ALL.size());
        for (Buckets.Spec spec : Buckets.ALL) {
            Map<String, Object> rule = new HashMap<>(
                    Map.of("AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1), "Status", "Enabled"));
            rule.put("ExpirationInDays", spec.expireAfterDays() > 0 ? spec.expireAfterDays() : Match.absent());
            template.hasResource(
                    "AWS::S3::Bucket",
                    Map.of(
                            "Properties",
                                    Match.objectLike(Map.of(
                                            "BucketName",
                                                    Map.of(
                                                            "Fn::Join",
                                                            List.of(
                                                                    "",
                                                                    List.of(
                                                                            "test-" + spec.suffix() + "-",
                                                                            Map.of("Ref", "AWS::AccountId"),
                                                                            "-",
                                                                            Map.of("Ref", "AWS::Region")))),
                                            "PublicAccessBlockConfiguration",
                                                    Map.of(
                                                            "BlockPublicAcls",
                                                            true,
                                                            "BlockPublicPolicy",
                                                            true,
                                                            "IgnorePublicAcls",
                                                            true,
                                                            "RestrictPublicBuckets",
                                                            true),
                                            "BucketEncryption",
                                                    Map.of(
                                                            "ServerSideEncryptionConfiguration",
                                                            List.of(Map.of(
                                                                    "ServerSideEncryptionByDefault",
                                                                    Map.of("SSEAlgorithm", "AES256")))),
                                            "OwnershipControls",
                                                    Map.of(
                                                            "Rules",
                                                            List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                                            "LifecycleConfiguration",
                                                    Map.of("Rules", List.of(Match.objectLike(rule))))),
                            "DeletionPolicy", "Retain",
                            "UpdateReplacePolicy", "Retain"));
        }
        // enforceSsl: each bucket's policy refuses any request that did not come over TLS.
        Map<String, Map<String, Object>> policies = template.findResources("AWS::S3::BucketPolicy");
        assertEquals(Buckets.ALL.size(), policies.size());
        for (Map<String, Object> policy : policies.values()) {
            String text = policy.toString();
            assertTrue(text.contains("Effect=Deny") && text.contains("aws:SecureTransport=false"), text);
        }
    }

    @Test
    void bucketNamesFitS3sLimitForTheLongestPrefixInEveryAlexaRegion() {
        String longestPrefix = "a".repeat(24) + "-";
        for (AlexaRegion region : AlexaRegion.values()) {
            Buckets names = new Buckets(longestPrefix, "123456789012", region.awsRegion());
            for (Buckets.Spec spec : Buckets.ALL) {
                String name = names.name(spec);
                assertTrue(
                        name.length() <= Buckets.MAX_NAME_LENGTH && name.matches("[a-z0-9][a-z0-9-]*[a-z0-9]"), name);
            }
        }
    }
}
