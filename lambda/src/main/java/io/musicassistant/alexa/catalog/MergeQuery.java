package io.musicassistant.alexa.catalog;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The merge SQL, in two stages, filled in for one engine: {@code merge-homes.sql} reads every
 * snapshot once into one row per home and entity, which the engine keeps as a table;
 * {@code merge.sql} ranks and caps from that table. The engine supplies where the rows come from
 * and the kept table's name, the build supplies how many entities of each kind to keep; everything
 * else is the same text on Athena and DuckDB.
 */
public final class MergeQuery {

    /** Amazon counts 500,000 entities per catalog, cumulatively; live entities stay well below (docs/catalogs.md). */
    public static final int DEFAULT_CAP = 400_000;
    /** Separates alternate names in the one string each row carries (no name contains it). */
    public static final char ALT_SEPARATOR = '\u001f';
    /** The columns every engine's {@code snapshot_rows} must produce, in this order. */
    public static final List<String> SOURCE_COLUMNS = List.of(
            "home",
            "kind",
            "id",
            "name",
            "alt_names",
            "artist_id",
            "album_id",
            "favorite",
            "plays",
            "last_played_days");
    /** The result's columns, in order. */
    public static final List<String> RESULT_COLUMNS = List.of(
            "kind",
            "id",
            "name",
            "alt_names",
            "artist_id",
            "artist",
            "album_id",
            "album",
            "homes",
            "favorites",
            "plays",
            "recent",
            "score",
            "rank");

    private static final String HOMES_TEMPLATE = load("merge-homes.sql");
    private static final String TEMPLATE = load("merge.sql");

    private final Map<ContentKind, Integer> caps;

    public MergeQuery(Map<ContentKind, Integer> caps) {
        Map<ContentKind, Integer> all = new EnumMap<>(ContentKind.class);
        for (CatalogType type : CatalogType.values()) {
            int cap = caps.getOrDefault(type.kind(), DEFAULT_CAP);
            if (cap < 0 || cap > 500_000) {
                throw new IllegalArgumentException("cap for " + type + " must be 0..500000");
            }
            all.put(type.kind(), cap);
        }
        this.caps = Map.copyOf(all);
    }

    public static MergeQuery withDefaultCaps() {
        return new MergeQuery(Map.of());
    }

    public int cap(ContentKind kind) {
        return caps.get(kind);
    }

    /** Stage 1, with {@code snapshotRows} (a SELECT producing {@link #SOURCE_COLUMNS}) as its source. */
    public static String homesSql(String snapshotRows) {
        return filled(HOMES_TEMPLATE.replace("${snapshot_rows}", snapshotRows));
    }

    /** Stage 2, reading stage 1's kept table {@code perHomeTable}. */
    public String sql(String perHomeTable) {
        String sql = TEMPLATE.replace("${per_home}", perHomeTable);
        for (CatalogType type : CatalogType.values()) {
            sql = sql.replace("${cap_" + type.kind().wireName() + "}", Integer.toString(caps.get(type.kind())));
        }
        return filled(sql);
    }

    private static String filled(String sql) {
        if (sql.contains("${")) {
            throw new IllegalStateException("the merge SQL has a placeholder nobody fills");
        }
        return sql;
    }

    /** Splits the result's alternate-names string. */
    public static List<String> altNames(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(Arrays.asList(joined.split(String.valueOf(ALT_SEPARATOR))));
        names.removeIf(String::isBlank);
        return names;
    }

    private static String load(String name) {
        try (InputStream in = MergeQuery.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
