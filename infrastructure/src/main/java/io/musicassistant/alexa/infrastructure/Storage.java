package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.platform.Tables;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * The DynamoDB tables, one per entry of {@link Tables#ALL}: a string partition key, on demand,
 * encrypted, point-in-time recovery, TTL where the rows are temporary, and kept when the stack is
 * deleted (links, homes and grants are users' data).
 */
public final class Storage extends Construct {

    private final Map<Tables.Spec, Table> tables = new LinkedHashMap<>();

    public Storage(Construct scope, String id, String prefix) {
        super(scope, id);
        Tables names = new Tables(prefix);
        for (Tables.Spec spec : Tables.ALL) {
            Table.Builder table = Table.Builder.create(this, spec.suffix())
                    .tableName(names.name(spec))
                    .partitionKey(Attribute.builder().name(spec.key()).type(AttributeType.STRING).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .encryption(TableEncryption.AWS_MANAGED)
                    .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                            .pointInTimeRecoveryEnabled(true).build())
                    .removalPolicy(RemovalPolicy.RETAIN);
            if (spec.ttlAttribute() != null) {
                table.timeToLiveAttribute(spec.ttlAttribute());
            }
            tables.put(spec, table.build());
        }
    }

    public Table table(Tables.Spec spec) {
        return tables.get(spec);
    }
}
