-- Stage 1 of the catalog merge (docs/catalogs.md): one row per home and entity, read once from every
-- home's snapshot. The same text runs on Athena (Trino) in AWS and on DuckDB locally; the engine
-- supplies its own `snapshot_rows` source (filled in below) and keeps the result as a table
-- (Athena: CTAS to Parquet; DuckDB: a temporary table), because stage 2 reads it several times and
-- Trino would otherwise scan every snapshot again for each reference.
WITH snapshot_rows AS (
    ${snapshot_rows}
),
-- An Echo player (kind 'echo', issue 16) is a playlist to Amazon, named after the Echo: its id
-- (ma1:echo:<key>) says what it is. A home has a few Echos: more than 20 rows are not real ones.
valid AS (
    SELECT home, CASE WHEN kind = 'echo' THEN 'playlist' ELSE kind END AS kind, id, name, alt_names,
           CASE WHEN kind = 'echo' THEN NULL ELSE artist_id END AS artist_id,
           CASE WHEN kind = 'echo' THEN NULL ELSE album_id END AS album_id,
           CASE WHEN favorite THEN 1 ELSE 0 END AS favorite,
           CASE WHEN plays IS NULL OR plays < 0 THEN 0 WHEN plays > 1000000 THEN 1000000 ELSE plays END AS plays,
           CASE WHEN last_played_days BETWEEN 0 AND 30 THEN 1 ELSE 0 END AS recent,
           CASE WHEN kind = 'echo'
                THEN row_number() OVER (PARTITION BY home, kind = 'echo' ORDER BY id) ELSE 0 END AS echo_rank
    FROM snapshot_rows
    WHERE home IS NOT NULL AND home <> ''
      AND kind IN ('artist', 'album', 'track', 'playlist', 'genre', 'radio', 'echo')
      AND id LIKE 'ma1:%' AND length(id) <= 256
      AND (kind = 'echo') = (id LIKE 'ma1:echo:%')
      AND name IS NOT NULL AND length(name) BETWEEN 1 AND 512
)
-- A home counts once per entity, however often its snapshot lists it.
SELECT kind, id, home, min(name) AS name, min_by(alt_names, name) AS alt_names, max(artist_id) AS artist_id,
       max(album_id) AS album_id, max(favorite) AS favorite, max(plays) AS plays, max(recent) AS recent
FROM valid
WHERE echo_rank <= 20
GROUP BY kind, id, home
