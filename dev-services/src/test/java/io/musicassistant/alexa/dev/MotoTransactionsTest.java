package io.musicassistant.alexa.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB isolates a transaction from other writes; Moto undoes a failed transaction by restoring a
 * copy of the table taken before it began, which erases what other requests wrote meanwhile. The
 * launcher serialises DynamoDB requests so the emulator keeps DynamoDB's guarantee (the pairing race
 * in RelayApiTest lost the winner's link to a loser's rollback without it).
 */
class MotoTransactionsTest {

    @Test
    void aFailingTransactionNeverErasesAConcurrentWrite() throws Exception {
        DevServices services = DevServices.shared();
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(services.dynamoDbEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String table = "isolation-" + System.nanoTime();
            dynamo.createTable(b -> b.tableName(table)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("k").attributeType("S"))
                    .keySchema(k -> k.attributeName("k").keyType("HASH")));
            int writes = 200;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < writes; i++) {
                            try {
                                dynamo.transactWriteItems(b -> b.transactItems(tx -> tx.put(p -> p.tableName(table)
                                        .item(Map.of("k", AttributeValue.fromS("never")))
                                        .conditionExpression("attribute_exists(k)"))));
                            } catch (TransactionCanceledException expected) {
                                // always fails: the item never exists
                            }
                        }
                    }));
                }
                int[] base = {0, writes};
                for (int w : base) {
                    work.add(pool.submit(() -> {
                        for (int i = w; i < w + writes; i++) {
                            String key = "w" + i;
                            dynamo.putItem(b -> b.tableName(table).item(Map.of("k", AttributeValue.fromS(key))));
                        }
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            int found = dynamo.scan(b -> b.tableName(table)).count();
            assertEquals(2 * writes, found, "every plain write survives the failing transactions beside it");
        }
    }
}
