package io.musicassistant.alexa.catalog;

import io.musicassistant.alexa.log.JsonLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The merge on Amazon Athena over the Glue table {@code snapshots} (the catalog bucket's
 * {@code snapshots/} prefix, JSON lines): stage 1 scans every home's snapshot once, in parallel,
 * into a Parquet table of its own under the query-results bucket (CTAS; Trino does not keep a WITH
 * query, so stage 2's several references would otherwise scan every snapshot several times);
 * stage 2 ranks and caps from it; the table is dropped after (its files expire with the bucket's
 * lifecycle). The workgroup caps what one query may scan. The result is read straight from its CSV
 * file in the query-results bucket (paging through GetQueryResults would take minutes for two
 * million rows).
 */
public final class AthenaMerge implements MergeEngine {

    private static final JsonLog LOG = JsonLog.get(AthenaMerge.class);
    /** The home comes from the object's key, never from its content. */
    static final String HOME_FROM_PATH =
            "regexp_extract(\"$path\", 'snapshots/(home-[0-9a-hjkmnp-tv-z]{26})/library\\.ndjson\\.gz$', 1)";

    /** Where stage 1's Parquet goes: under the prefix the workgroup writes its results to. */
    static final String PER_HOME_PREFIX = "athena/per-home/";

    private final AthenaClient athena;
    private final S3Client s3;
    private final String workgroup;
    private final String database;
    private final String resultsBucket;
    private final Duration timeout;

    public AthenaMerge(
            AthenaClient athena,
            S3Client s3,
            String workgroup,
            String database,
            String resultsBucket,
            Duration timeout) {
        this.athena = athena;
        this.s3 = s3;
        this.workgroup = workgroup;
        this.database = database;
        this.resultsBucket = resultsBucket;
        this.timeout = timeout;
    }

    /** Stage 1 as a CTAS: the per-home rows as Parquet in a table of this run's own. */
    static String perHomeTable(String database, String resultsBucket, String run, String snapshotRows) {
        return "CREATE TABLE \"" + database + "\".\"per_home_" + run
                + "\" WITH (format = 'PARQUET', write_compression = 'SNAPPY', "
                + "external_location = 's3://" + resultsBucket + "/" + PER_HOME_PREFIX + run + "/') AS "
                + MergeQuery.homesSql(snapshotRows);
    }

    /** Athena's source rows: Trino's {@code array_join} turns the alternates into one string. */
    static String snapshotRows(String database) {
        return "SELECT " + HOME_FROM_PATH + " AS home, kind, id, name, array_join(alt_names, chr(31)) AS alt_names, "
                + "artist_id, album_id, favorite, plays, last_played_days FROM \"" + database + "\".\"snapshots\"";
    }

    @Override
    public long merge(MergeQuery query, Consumer<MergedEntity> rows) {
        String run = java.util.UUID.randomUUID().toString().replace("-", "");
        String table = "\"" + database + "\".\"per_home_" + run + "\"";
        QueryExecution homes = await(start(perHomeTable(database, resultsBucket, run, snapshotRows(database))));
        LOG.info(
                "catalog.merge_homes_done",
                "scanned_bytes",
                homes.statistics().dataScannedInBytes(),
                "engine_ms",
                homes.statistics().engineExecutionTimeInMillis());
        try {
            return rank(query, table, rows);
        } finally {
            try {
                await(start("DROP TABLE IF EXISTS " + table.replace('"', '`')));
            } catch (RuntimeException e) {
                LOG.warn("catalog.per_home_not_dropped", "table", table, "reason", e.getMessage());
            }
        }
    }

    private String start(String sql) {
        return athena.startQueryExecution(
                        b -> b.workGroup(workgroup).queryString(sql).queryExecutionContext(c -> c.database(database)))
                .queryExecutionId();
    }

    private long rank(MergeQuery query, String table, Consumer<MergedEntity> rows) {
        String id = start(query.sql(table));
        QueryExecution execution = await(id);
        URI result = URI.create(execution.resultConfiguration().outputLocation());
        LOG.info(
                "catalog.merge_done",
                "query_execution_id",
                id,
                "scanned_bytes",
                execution.statistics().dataScannedInBytes(),
                "engine_ms",
                execution.statistics().engineExecutionTimeInMillis());
        String bucket = result.getHost();
        String key = result.getPath().substring(1);
        long count = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(s3.getObject(b -> b.bucket(bucket).key(key)), StandardCharsets.UTF_8))) {
            ResultCsv csv = new ResultCsv(reader);
            List<String> header = csv.next();
            if (header == null || !header.equals(MergeQuery.RESULT_COLUMNS)) {
                throw new IllegalStateException("unexpected merge result columns " + header);
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                rows.accept(MergeRows.entity(row));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    private QueryExecution await(String id) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            QueryExecution execution =
                    athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            switch (state) {
                case SUCCEEDED -> {
                    return execution;
                }
                case FAILED, CANCELLED ->
                    throw new IllegalStateException("the catalog merge query " + state + ": "
                            + execution.status().stateChangeReason());
                default -> {
                    if (System.nanoTime() > deadline) {
                        athena.stopQueryExecution(b -> b.queryExecutionId(id));
                        throw new IllegalStateException(
                                "the catalog merge query took longer than " + timeout.toMinutes() + " min");
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while the merge ran");
                    }
                }
            }
        }
    }
}
