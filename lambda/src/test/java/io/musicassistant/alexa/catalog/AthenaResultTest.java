package io.musicassistant.alexa.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.relay.protocol.ContentKind;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Athena cannot run here, so its side is checked where it is ours: the CSV it writes results as
 * (every value quoted, NULL an empty unquoted field), and the query it is given.
 */
class AthenaResultTest {

    @Test
    void athenasCsvComesBackCellForCell() throws Exception {
        String csv = String.join(
                        "\n",
                        "\"kind\",\"id\",\"name\"",
                        "\"album\",\"ma1:album:x\",\"Say \"\"Hi\"\", Bye\"",
                        "\"track\",,\"two\nlines\"",
                        "\"genre\",\"\",\"x\"")
                + "\n";
        ResultCsv reader = new ResultCsv(new StringReader(csv));
        assertEquals(List.of("kind", "id", "name"), reader.next());
        assertEquals(List.of("album", "ma1:album:x", "Say \"Hi\", Bye"), reader.next());
        List<String> nulls = reader.next();
        assertNull(nulls.get(1), "an empty unquoted field is NULL");
        assertEquals("two\nlines", nulls.get(2));
        assertEquals("", reader.next().get(1), "a quoted empty value is an empty string");
        assertNull(reader.next());
    }

    @Test
    void aResultRowBecomesAnEntity() {
        MergedEntity e = MergeRows.entity(Arrays.asList(
                "track",
                "ma1:track:creep:radiohead",
                "Creep",
                "creep\u001fthe creep",
                "ma1:artist:radiohead",
                "Radiohead",
                null,
                null,
                "3",
                "1",
                "12",
                "0",
                "310.5",
                "7"));
        assertEquals(ContentKind.TRACK, e.kind());
        assertEquals(List.of("creep", "the creep"), e.altNames());
        assertNull(e.albumId());
        assertEquals(3, e.homes());
        assertEquals(310.5, e.score());
        assertEquals(7, e.rank());
    }

    @Test
    void athenaGetsTheSameMergeTextAsDuckDbWithItsOwnSource() {
        String homes = AthenaMerge.perHomeTable(
                "ma_alexa_catalog", "results-bucket", "r1", AthenaMerge.snapshotRows("ma_alexa_catalog"));
        assertTrue(
                homes.startsWith("CREATE TABLE \"ma_alexa_catalog\".\"per_home_r1\" WITH (format = 'PARQUET'"), homes);
        assertTrue(homes.contains("external_location = 's3://results-bucket/athena/per-home/r1/'"), homes);
        assertTrue(homes.contains("FROM \"ma_alexa_catalog\".\"snapshots\""), homes);
        assertTrue(homes.contains(
                "regexp_extract(\"$path\", 'snapshots/(home-[0-9a-hjkmnp-tv-z]{26})/library\\.ndjson\\.gz$', 1)"));
        assertTrue(homes.contains("array_join(alt_names, chr(31))"));
        assertTrue(
                homes.endsWith(MergeQuery.homesSql(AthenaMerge.snapshotRows("ma_alexa_catalog"))),
                "stage 1's text, unchanged");
        String sql = MergeQuery.withDefaultCaps().sql("\"ma_alexa_catalog\".\"per_home_r1\"");
        assertTrue(sql.contains("FROM \"ma_alexa_catalog\".\"per_home_r1\""), sql);
        assertTrue(sql.contains("WHEN 'track' THEN 400000"), "caps filled in");
        for (String column : MergeQuery.SOURCE_COLUMNS) {
            assertTrue(AthenaMerge.snapshotRows("db").contains(column), column);
        }
    }
}
