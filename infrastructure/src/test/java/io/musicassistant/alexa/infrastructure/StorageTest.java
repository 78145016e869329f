package io.musicassistant.alexa.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.platform.Tables;
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
            properties.put("TimeToLiveSpecification", spec.ttlAttribute() == null ? Match.absent()
                    : Map.of("AttributeName", spec.ttlAttribute(), "Enabled", true));
            template.hasResource("AWS::DynamoDB::Table", Map.of(
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
}
