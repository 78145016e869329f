package io.musicassistant.alexa.infrastructure;

import io.musicassistant.alexa.platform.Buckets;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The daily sweep (docs/relay-protocol.md, "Retention"): removes registrations never paired for 30
 * days and homes silent for 90, with their queues and library snapshots, and endpoint states of
 * accounts that left. Its rights: the tables {@link Access#HOME_SWEEP} lists, deleting (only) home
 * queues, and listing and deleting (only) homes' snapshots. A failed run is not retried: tomorrow's
 * run finishes what it left (homes are marked before anything of them is deleted).
 */
final class Sweep extends Construct {

    static final String SCHEDULE = "rate(1 day)";
    static final String HANDLER = "io.musicassistant.alexa.HomeSweepHandler::handleRequest";

    Sweep(Construct scope, String id, Settings settings, Storage storage, SkillFunction sweeper) {
        super(scope, id);
        String queues = Stack.of(this)
                .formatArn(ArnComponents.builder()
                        .service("sqs")
                        .resource(new Tables(settings.tablePrefix()).queueName("home-") + "*")
                        .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                        .build());
        sweeper.allow(List.of("sqs:DeleteQueue"), List.of(queues));
        Bucket catalog = storage.bucket(Buckets.CATALOG);
        sweeper.allow(
                Access.LIST,
                List.of(catalog.getBucketArn()),
                Map.of("StringLike", Map.of("s3:prefix", List.of(CatalogSnapshot.SNAPSHOTS_PREFIX + "*"))));
        sweeper.allow(
                List.of("s3:DeleteObject"), List.of(catalog.arnForObjects(CatalogSnapshot.SNAPSHOTS_PREFIX + "*")));
        sweeper.function().addEnvironment("CATALOG_BUCKET", catalog.getBucketName());
        sweeper.function()
                .configureAsyncInvoke(EventInvokeConfigOptions.builder()
                        .retryAttempts(0)
                        .maxEventAge(Duration.hours(6))
                        .build());
        Rule.Builder.create(this, "Schedule")
                .ruleName(settings.tablePrefix() + "home-sweep")
                .description("Removes registrations never paired for 30 days and homes silent for 90, daily")
                .schedule(Schedule.expression(SCHEDULE))
                .targets(List.of(LambdaFunction.Builder.create(sweeper.function())
                        .retryAttempts(2)
                        .maxEventAge(Duration.hours(6))
                        .build()))
                .build();
    }
}
