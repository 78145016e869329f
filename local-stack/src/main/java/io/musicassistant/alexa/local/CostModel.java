package io.musicassistant.alexa.local;

import io.musicassistant.alexa.connector.platform.ConnectorState;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.ReplyTable;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relayapi.ApiRequest;
import io.musicassistant.alexa.relayapi.ApiResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code scripts/bench --cost}: what a home costs a month at AWS's list prices (docs/cost.md). The
 * traffic inputs are measured on the local stack — how long an idle long poll really waits, the
 * heartbeat interval the cloud gives a paired connector with receipts, the DynamoDB items' sizes,
 * the reply-row reads of a directive, the relay API's time per heartbeat — and the prices are the
 * published us-east-1 list prices, cited in docs/cost.md.
 */
final class CostModel {

    // us-east-1 list prices, USD (docs/cost.md cites the pages and the date)
    static final double SQS_PER_REQUEST = 0.40 / 1e6;
    static final double HTTP_API_PER_REQUEST = 1.00 / 1e6;
    static final double LAMBDA_PER_REQUEST = 0.20 / 1e6;
    static final double LAMBDA_ARM_PER_GB_S = 0.0000133334;
    static final double DDB_PER_WRU = 0.625 / 1e6;
    static final double DDB_PER_RRU = 0.125 / 1e6;
    static final double DDB_PER_GB_MONTH = 0.25;
    static final double LOGS_PER_GB = 0.50;
    static final double TRANSFER_OUT_PER_GB = 0.09;
    static final double S3_PER_PUT = 0.005 / 1000;
    static final double S3_PER_GB_MONTH = 0.023;

    static final double HOURS_PER_MONTH = 730;
    static final double SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
    /** Relay API function memory (infrastructure: 512 MB); skill functions 1024 MB. */
    static final double RELAY_GB = 0.5;

    static final double SKILL_GB = 1.0;
    static final double SWEEP_GB = 0.5;
    /** STS credentials live an hour; the connector renews 10 minutes early (RelayQueueCredentials). */
    static final double CREDENTIAL_RENEWAL_S = 50 * 60;
    /** Lambda's START/END/REPORT lines per invocation (estimate; our JSON lines are measured below). */
    static final int PLATFORM_LOG_BYTES = 330;
    /** An idle long poll's answer and its HTTPS overhead, as data out of AWS (estimate: headers + TLS). */
    static final int EMPTY_RECEIVE_BYTES = 400;

    private CostModel() {}

    /** What an active home does on top of idling, per day: an evening of music and a few commands. */
    record ActiveDay(int musicDirectives, int controlDirectives, int stateReports) {
        static final ActiveDay TYPICAL = new ActiveDay(40, 10, 30);
    }

    static int run(boolean verbose, PrintStream out) throws IOException {
        LocalStackMain.quietLogs(verbose, null);
        out.println("Starting the local stack to measure a home's traffic ...");
        try (LocalStack stack = LocalStack.start(LocalStack.Ports.ephemeral(), m -> out.println("• " + m))) {
            var cloud = stack.cloud();
            var dynamo = cloud.aws().dynamoDb();
            SkillClient skill = new SkillClient(stack.alexaUrl());
            String token = LocalStack.DEMO_TOKEN;
            HomeRegistration home =
                    new ConnectorState(stack.connectorStateDir()).home().orElseThrow();

            // 1. An idle long poll, as production connectors make it (RELAY_POLL_SECONDS default 20).
            double pollWaitS;
            // A client of its own: the skill's gives up on any call after 2.5 s.
            try (SqsClient sqs = SqsClient.builder()
                    .endpointOverride(stack.services().sqsEndpoint())
                    .region(Region.of(stack.services().region()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.builder()
                            .socketTimeout(java.time.Duration.ofSeconds(30))
                            .build())
                    .build()) {
                String queue = sqs.createQueue(b -> b.queueName("cost-probe-" + UUID.randomUUID()))
                        .queueUrl();
                long t0 = System.nanoTime();
                sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(20).maxNumberOfMessages(10));
                pollWaitS = (System.nanoTime() - t0) / 1e9;
                sqs.deleteQueue(b -> b.queueUrl(queue));
            }

            // 2. The heartbeat schedule the cloud gave this paired connector with receipts.
            double heartbeatS = stack.connector().link().interval().toSeconds();

            // 3. A heartbeat through the relay API: its time in the function, and its log line.
            String beat = RelayJson.write(new HeartbeatRequest(
                    HeartbeatRequest.ONLINE,
                    "cost",
                    new HeartbeatRequest.MaStatus(true, "sim", "2.9.0", 31),
                    "https://music.home.example",
                    new HeartbeatRequest.StreamStatus(true, null),
                    true));
            int beats = 5;
            long beatNanos = 0;
            for (int i = 0; i < beats; i++) {
                long s = System.nanoTime();
                ApiResponse r = cloud.relayApi()
                        .handle(new ApiRequest(
                                "POST",
                                "/v1/homes/" + home.instanceId() + "/heartbeat",
                                Map.of(
                                        "authorization",
                                        "Bearer " + home.instanceSecret(),
                                        "content-type",
                                        "application/json"),
                                beat.getBytes(StandardCharsets.UTF_8),
                                "198.51.100.20"));
                beatNanos += System.nanoTime() - s;
                if (r.status() != 200) {
                    throw new IllegalStateException("heartbeat refused: " + r.status());
                }
                LivenessBenchmark.sleepMs(5100); // 12 a minute per home: stay well inside the limit
            }
            double heartbeatMs = beatNanos / 1e6 / beats;

            // 4. Item sizes: the home row, and what directives leave in the reply table.
            var homeRow = dynamo.getItem(b -> b.tableName(cloud.tables().name(Tables.HOMES))
                            .key(Attrs.key(Tables.HOMES.key(), home.instanceId())))
                    .item();
            int homeRowBytes = itemBytes(homeRow);
            var reportState = ControlRequests.endpoint(token, "Alexa", "ReportState", Conversation.BEDROOM);
            var search = AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer", "ARTIST", "Radiohead");
            int directives = 20;
            long readsBefore = cloud.relay().replyReads();
            long directiveNanos = 0;
            for (int i = 0; i < directives; i++) {
                long s = System.nanoTime();
                skill.send(i % 2 == 0 ? reportState : search);
                directiveNanos += System.nanoTime() - s;
            }
            double readsPerDirective = (cloud.relay().replyReads() - readsBefore) / (double) directives;
            double directiveMs = directiveNanos / 1e6 / directives;
            List<Map<String, AttributeValue>> replies =
                    dynamo.scanPaginator(b -> b.tableName(cloud.tables().name(Tables.REPLIES))).items().stream()
                            .filter(i -> Attrs.str(i, ReplyTable.KEY).startsWith(home.instanceId()))
                            .toList();
            double replyBytes =
                    replies.stream().mapToInt(CostModel::itemBytes).average().orElse(0);
            double replyWru = replies.stream()
                    .mapToInt(i -> (itemBytes(i) + 1023) / 1024)
                    .average()
                    .orElse(1);
            List<Map<String, AttributeValue>> states =
                    dynamo.scanPaginator(b -> b.tableName(cloud.tables().name(Tables.ENDPOINT_STATE))).items().stream()
                            .toList();
            double stateBytes =
                    states.stream().mapToInt(CostModel::itemBytes).average().orElse(0);

            out.printf("%nMeasured on the local stack (Java %s):%n", Runtime.version());
            out.printf(
                    "  idle long poll waits                  %8.1f s  → %.0f ReceiveMessage/hour%n",
                    pollWaitS, 3600 / pollWaitS);
            out.printf(
                    "  heartbeat interval given              %8.0f s  → %.1f heartbeats/hour (stale after %d s)%n",
                    heartbeatS,
                    3600 / heartbeatS,
                    cloud.config().heartbeatStaleAfter().toSeconds());
            out.printf(
                    "  credentials renewed every             %8.0f s  → %.1f calls/hour%n",
                    CREDENTIAL_RENEWAL_S, 3600 / CREDENTIAL_RENEWAL_S);
            out.printf("  relay API time per heartbeat          %8.1f ms (local emulators)%n", heartbeatMs);
            out.printf("  home row                              %8d bytes%n", homeRowBytes);
            out.printf(
                    "  reply row (receipt, then reply)       %8.0f bytes avg, %.1f WRU per write, %d rows%n",
                    replyBytes, replyWru, replies.size());
            out.printf("  endpoint_state row                    %8.0f bytes avg%n", stateBytes);
            out.printf("  reply-row reads per directive         %8.1f%n", readsPerDirective);
            out.printf("  directive end to end                  %8.1f ms (local)%n", directiveMs);

            // The model: per idle home per month.
            double receives = SECONDS_PER_MONTH / pollWaitS;
            double heartbeats = SECONDS_PER_MONTH / heartbeatS;
            double renewals = SECONDS_PER_MONTH / CREDENTIAL_RENEWAL_S;
            double apiCalls = heartbeats + renewals;
            int homeWru = (homeRowBytes + 1023) / 1024;
            // heartbeat: limiter check (read) + authenticate (consistent read) + limiter hit (write) + home row update
            double heartbeatDdb = heartbeats * (2 * DDB_PER_RRU + (1 + homeWru) * DDB_PER_WRU);
            double renewalDdb = renewals * (2 * DDB_PER_RRU + DDB_PER_WRU);
            double sweeps = SECONDS_PER_MONTH / 60;
            // a Scan reads item sizes summed in 4 KB units, eventually consistent (half a unit)
            double sweepDdb = sweeps * homeRowBytes / 4096.0 * 0.5 * DDB_PER_RRU;
            double lambdaS = heartbeatMs / 1000;
            Line[] idle = {
                new Line("SQS long polls", receives * SQS_PER_REQUEST),
                new Line("  their answers, data out", receives * EMPTY_RECEIVE_BYTES / 1e9 * TRANSFER_OUT_PER_GB),
                new Line("HTTP API (heartbeats, credentials)", apiCalls * HTTP_API_PER_REQUEST),
                new Line(
                        "Lambda requests + duration",
                        apiCalls * (LAMBDA_PER_REQUEST + lambdaS * RELAY_GB * LAMBDA_ARM_PER_GB_S)),
                new Line("DynamoDB (heartbeats, credentials)", heartbeatDdb + renewalDdb),
                new Line("CloudWatch Logs", apiCalls * (PLATFORM_LOG_BYTES + 300) / 1e9 * LOGS_PER_GB),
                new Line("health sweep (scan share)", sweepDdb),
                new Line(
                        "storage (home + 8 endpoint rows, snapshot 2 MB)",
                        (homeRowBytes + 8 * stateBytes) / 1e9 * DDB_PER_GB_MONTH + 0.002 * S3_PER_GB_MONTH),
            };
            double idleTotal = 0;
            out.printf("%nModel, us-east-1 list prices (docs/cost.md), per idle home per month:%n");
            for (Line l : idle) {
                out.printf("  %-48s $%.5f%n", l.what(), l.usd());
                idleTotal += l.usd();
            }
            out.printf("  %-48s $%.4f%n", "idle home", idleTotal);

            ActiveDay day = ActiveDay.TYPICAL;
            double perMonth = 30.4;
            double directivesMonth = (day.musicDirectives() + day.controlDirectives()) * perMonth;
            double perDirective = 3 * SQS_PER_REQUEST // send; the long poll it ends is replaced by a new one; delete
                    + 2 * replyWru * DDB_PER_WRU // receipt and reply
                    + readsPerDirective * DDB_PER_RRU * Math.max(1, Math.ceil(replyBytes / 4096))
                    + 3 * DDB_PER_RRU // token, link and home rows
                    + LAMBDA_PER_REQUEST
                    + directiveMs / 1000 * SKILL_GB * LAMBDA_ARM_PER_GB_S
                    + 800 / 1e9 * LOGS_PER_GB;
            double reportsMonth = day.stateReports() * perMonth;
            double perReport = HTTP_API_PER_REQUEST
                    + LAMBDA_PER_REQUEST
                    + 0.2 * RELAY_GB * LAMBDA_ARM_PER_GB_S
                    + 3 * DDB_PER_RRU
                    + 2 * DDB_PER_WRU
                    + 600 / 1e9 * LOGS_PER_GB;
            double active = directivesMonth * perDirective + reportsMonth * perReport;
            out.printf(
                    "%nActive on top (per day: %d music, %d control directives, %d state reports):%n",
                    day.musicDirectives(), day.controlDirectives(), day.stateReports());
            out.printf("  %-48s $%.7f%n", "per directive", perDirective);
            out.printf("  %-48s $%.7f%n", "per state report", perReport);
            out.printf("  %-48s $%.4f%n", "active home (idle + activity)", idleTotal + active);
            out.printf("%n%-24s %14s %14s%n", "homes (a month)", "all idle", "all active");
            for (int homes : new int[] {1_000, 100_000}) {
                out.printf(
                        "%-24s %14s %14s%n",
                        String.format("%,d", homes),
                        String.format("$%,.0f", homes * idleTotal),
                        String.format("$%,.0f", homes * (idleTotal + active)));
            }
            double before = receives * SQS_PER_REQUEST
                    + receives * EMPTY_RECEIVE_BYTES / 1e9 * TRANSFER_OUT_PER_GB
                    + (SECONDS_PER_MONTH / 30 + renewals)
                            * (HTTP_API_PER_REQUEST
                                    + LAMBDA_PER_REQUEST
                                    + lambdaS * RELAY_GB * LAMBDA_ARM_PER_GB_S
                                    + (PLATFORM_LOG_BYTES + 300) / 1e9 * LOGS_PER_GB
                                    + 2 * DDB_PER_RRU
                                    + (1 + homeWru) * DDB_PER_WRU);
            out.printf("%nThe same idle home with 30 s heartbeats (before issue 12): $%.4f a month%n", before);
            out.printf("Target: idle under $0.07 a month — %s%n", idleTotal < 0.07 ? "met" : "NOT met");
            return idleTotal < 0.07 ? 0 : 1;
        }
    }

    record Line(String what, double usd) {}

    /** DynamoDB's item size: attribute names plus values (strings and binaries by length, numbers about 1 byte per 2 digits). */
    static int itemBytes(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (var e : item.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue v = e.getValue();
            if (v.s() != null) {
                bytes += v.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (v.n() != null) {
                bytes += v.n().length() / 2 + 1;
            } else if (v.b() != null) {
                bytes += v.b().asByteArray().length;
            } else if (v.bool() != null) {
                bytes += 1;
            } else if (v.hasSs()) {
                bytes += v.ss().stream()
                        .mapToInt(x -> x.getBytes(StandardCharsets.UTF_8).length)
                        .sum();
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
