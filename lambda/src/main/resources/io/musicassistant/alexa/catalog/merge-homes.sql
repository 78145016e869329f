-- Stage 1 of the catalog merge (docs/catalogs.md): one row per home and entity, read once from every
-- home's snapshot. The same text runs on Athena (Trino) in AWS and on DuckDB locally; the engine
-- supplies its own `snapshot_rows` source (filled in below) and keeps the result as a table
-- (Athena: CTAS to Parquet; DuckDB: a temporary table), because stage 2 reads it several times and
-- Trino would otherwise scan every snapshot again for each reference.
WITH snapshot_rows AS (
    ${snapshot_rows}
),
valid AS (
    SELECT home, kind, id, name, alt_names, artist_id, album_id,
           CASE WHEN favorite THEN 1 ELSE 0 END AS favorite,
           CASE WHEN plays IS NULL OR plays < 0 THEN 0 WHEN plays > 1000000 THEN 1000000 ELSE plays END AS plays,
           CASE WHEN last_played_days BETWEEN 0 AND 30 THEN 1 ELSE 0 END AS recent
    FROM snapshot_rows
    WHERE home IS NOT NULL AND home <> ''
      AND kind IN ('artist', 'album', 'track', 'playlist', 'genre', 'radio')
      AND id LIKE 'ma1:%' AND length(id) <= 256
      AND name IS NOT NULL AND length(name) BETWEEN 1 AND 512
)
-- A home counts once per entity, however often its snapshot lists it.
SELECT kind, id, home, min(name) AS name, min_by(alt_names, name) AS alt_names, max(artist_id) AS artist_id,
       max(album_id) AS album_id, max(favorite) AS favorite, max(plays) AS plays, max(recent) AS recent
FROM valid
GROUP BY kind, id, home
