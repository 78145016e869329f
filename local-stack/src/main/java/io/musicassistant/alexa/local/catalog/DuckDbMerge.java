package io.musicassistant.alexa.local.catalog;

import io.musicassistant.alexa.catalog.MergeEngine;
import io.musicassistant.alexa.catalog.MergeQuery;
import io.musicassistant.alexa.catalog.MergedEntity;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The merge on DuckDB, locally: the same {@link MergeQuery} text as Athena runs, over snapshot files
 * laid out as in the bucket ({@code <root>/snapshots/<home>/library.ndjson.gz}). DuckDB reads the
 * gzip JSON lines itself, in parallel, spilling to disk when memory runs short; stage 1 is kept as a
 * temporary table.
 */
public final class DuckDbMerge implements MergeEngine {

    private final Path root;
    private final String memoryLimit;

    /** @param memoryLimit DuckDB's {@code memory_limit}, e.g. {@code 1GB}; null for its default (80 % of RAM) */
    public DuckDbMerge(Path root, String memoryLimit) {
        this.root = root.toAbsolutePath();
        this.memoryLimit = memoryLimit;
    }

    /** DuckDB's source rows: its {@code array_to_string} is Trino's {@code array_join}; the home comes from the file name. */
    static String snapshotRows(Path root) {
        String files = root.resolve(CatalogSnapshot.SNAPSHOTS_PREFIX)
                .resolve("*")
                .resolve(CatalogSnapshot.FILE_NAME)
                .toString();
        return "SELECT regexp_extract(filename, 'snapshots/(home-[0-9a-hjkmnp-tv-z]{26})/library\\.ndjson\\.gz$', 1) AS home, "
                + "kind, id, name, array_to_string(alt_names, chr(31)) AS alt_names, artist_id, album_id, favorite, plays, "
                + "last_played_days FROM read_json('" + files.replace("'", "''") + "', format = 'newline_delimited', "
                + "compression = 'gzip', filename = true, ignore_errors = true, columns = {kind: 'VARCHAR', id: 'VARCHAR', "
                + "name: 'VARCHAR', alt_names: 'VARCHAR[]', artist_id: 'VARCHAR', artist: 'VARCHAR', album_id: 'VARCHAR', "
                + "album: 'VARCHAR', favorite: 'BOOLEAN', plays: 'INTEGER', last_played_days: 'INTEGER'})";
    }

    @Override
    public long merge(MergeQuery query, Consumer<MergedEntity> rows) {
        if (!anySnapshot()) {
            return 0; // DuckDB refuses a glob that matches nothing
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            if (memoryLimit != null) {
                statement.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
            }
            statement.execute("SET temp_directory = '"
                    + Files.createTempDirectory("duckdb-spill").toString().replace("'", "''") + "'");
            statement.execute("CREATE TEMP TABLE per_home AS " + MergeQuery.homesSql(snapshotRows(root)));
            long count = 0;
            try (ResultSet result = statement.executeQuery(query.sql("per_home"))) {
                while (result.next()) {
                    rows.accept(new MergedEntity(
                            ContentKind.fromWire(result.getString("kind")),
                            result.getString("id"),
                            result.getString("name"),
                            MergeQuery.altNames(result.getString("alt_names")),
                            result.getString("artist_id"),
                            result.getString("artist"),
                            result.getString("album_id"),
                            result.getString("album"),
                            result.getLong("homes"),
                            result.getLong("favorites"),
                            result.getLong("plays"),
                            result.getLong("recent"),
                            result.getDouble("score"),
                            result.getLong("rank")));
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the catalog merge failed on DuckDB: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean anySnapshot() {
        Path snapshots = root.resolve(CatalogSnapshot.SNAPSHOTS_PREFIX);
        if (!Files.isDirectory(snapshots)) {
            return false;
        }
        try (Stream<Path> homes = Files.list(snapshots)) {
            return homes.anyMatch(home -> Files.isRegularFile(home.resolve(CatalogSnapshot.FILE_NAME)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
