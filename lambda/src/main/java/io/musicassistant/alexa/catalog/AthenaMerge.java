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
 * {@code snapshots/} prefix, JSON lines): Athena scans every home's snapshot in parallel, the
 * workgroup caps what one query may scan, and the result — already ranked and capped — is read
 * straight from its CSV file in the query-results bucket (paging through GetQueryResults would take
 * minutes for two million rows).
 */
public final class AthenaMerge implements MergeEngine {

    private static final JsonLog LOG = JsonLog.get(AthenaMerge.class);
    /** The home comes from the object's key, never from its content. */
    static final String HOME_FROM_PATH = "regexp_extract(\"$path\", 'snapshots/(home-[0-9a-hjkmnp-tv-z]{26})/library\\.ndjson\\.gz$', 1)";

    private final AthenaClient athena;
    private final S3Client s3;
    private final String workgroup;
    private final String database;
    private final Duration timeout;

    public AthenaMerge(AthenaClient athena, S3Client s3, String workgroup, String database, Duration timeout) {
        this.athena = athena;
        this.s3 = s3;
        this.workgroup = workgroup;
        this.database = database;
        this.timeout = timeout;
    }

    /** Athena's source rows: Trino's {@code array_join} turns the alternates into one string. */
    static String snapshotRows(String database) {
        return "SELECT " + HOME_FROM_PATH + " AS home, kind, id, name, array_join(alt_names, chr(31)) AS alt_names, "
                + "artist_id, album_id, favorite, plays, last_played_days FROM \"" + database + "\".\"snapshots\"";
    }

    @Override
    public long merge(MergeQuery query, Consumer<MergedEntity> rows) {
        String id = athena.startQueryExecution(b -> b.workGroup(workgroup).queryString(query.sql(snapshotRows(database)))
                .queryExecutionContext(c -> c.database(database))).queryExecutionId();
        QueryExecution execution = await(id);
        URI result = URI.create(execution.resultConfiguration().outputLocation());
        LOG.info("catalog.merge_done", "query_execution_id", id,
                "scanned_bytes", execution.statistics().dataScannedInBytes(), "engine_ms", execution.statistics().engineExecutionTimeInMillis());
        String bucket = result.getHost();
        String key = result.getPath().substring(1);
        long count = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(s3.getObject(b -> b.bucket(bucket).key(key)),
                StandardCharsets.UTF_8))) {
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
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            switch (state) {
                case SUCCEEDED -> {
                    return execution;
                }
                case FAILED, CANCELLED -> throw new IllegalStateException("the catalog merge query " + state + ": "
                        + execution.status().stateChangeReason());
                default -> {
                    if (System.nanoTime() > deadline) {
                        athena.stopQueryExecution(b -> b.queryExecutionId(id));
                        throw new IllegalStateException("the catalog merge query took longer than " + timeout.toMinutes() + " min");
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
