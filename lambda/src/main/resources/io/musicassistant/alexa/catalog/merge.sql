-- Merges every home's library snapshot into one ranked list per catalog type (docs/catalogs.md).
-- The same text runs on Athena (Trino) in AWS and on DuckDB locally: only functions both engines
-- have, and the source rows come from the engine's own `snapshot_rows` definition (filled in below),
-- which also turns each line's alternate names into one string, separated by the unit separator.
-- The cap_<kind> placeholders are whole numbers: how many entities of each kind the catalogs keep.
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
),
-- A home counts once per entity, however often its snapshot lists it.
per_home AS (
    SELECT kind, id, home, min(name) AS name, max(artist_id) AS artist_id, max(album_id) AS album_id,
           max(favorite) AS favorite, max(plays) AS plays, max(recent) AS recent
    FROM valid
    GROUP BY kind, id, home
),
stats AS (
    SELECT kind, id, count(*) AS homes, sum(favorite) AS favorites, sum(plays) AS plays, sum(recent) AS recent,
           max(artist_id) AS artist_id
    FROM per_home
    GROUP BY kind, id
),
-- The name most homes use; ties go to the alphabetically first, so that a build is reproducible.
name_votes AS (
    SELECT kind, id, name, count(*) AS votes FROM per_home GROUP BY kind, id, name
),
best_name AS (
    SELECT kind, id, name FROM (
        SELECT kind, id, name, row_number() OVER (PARTITION BY kind, id ORDER BY votes DESC, name) AS pick
        FROM name_votes
    ) t WHERE pick = 1
),
-- Homes derive alternates from the name alike: take those of the first home that uses the chosen name.
alternates AS (
    SELECT kind, id, alt_names FROM (
        SELECT v.kind, v.id, v.alt_names, row_number() OVER (PARTITION BY v.kind, v.id ORDER BY v.home) AS pick
        FROM valid v JOIN best_name b ON v.kind = b.kind AND v.id = b.id AND v.name = b.name
    ) t WHERE pick = 1
),
-- The same track can sit on different albums in different homes: the album most of them have.
album_votes AS (
    SELECT id, album_id, count(*) AS votes FROM per_home
    WHERE kind = 'track' AND album_id IS NOT NULL
    GROUP BY id, album_id
),
best_album AS (
    SELECT id, album_id FROM (
        SELECT id, album_id, row_number() OVER (PARTITION BY id ORDER BY votes DESC, album_id) AS pick FROM album_votes
    ) t WHERE pick = 1
),
-- Rank: how many homes hold it above all, then favourites, recent plays and plays.
ranked AS (
    SELECT s.kind, s.id, b.name, a.alt_names, s.artist_id, ba.album_id, s.homes, s.favorites, s.plays, s.recent,
           s.homes * 100.0 + s.favorites * 30.0 + s.recent * 10.0 + ln(1 + s.plays) AS score,
           row_number() OVER (PARTITION BY s.kind
               ORDER BY s.homes * 100.0 + s.favorites * 30.0 + s.recent * 10.0 + ln(1 + s.plays) DESC, s.id) AS rank
    FROM stats s
    JOIN best_name b ON b.kind = s.kind AND b.id = s.id
    LEFT JOIN alternates a ON a.kind = s.kind AND a.id = s.id
    LEFT JOIN best_album ba ON s.kind = 'track' AND ba.id = s.id
),
kept AS (
    SELECT * FROM ranked
    WHERE rank <= CASE kind WHEN 'artist' THEN ${cap_artist} WHEN 'album' THEN ${cap_album} WHEN 'track' THEN ${cap_track}
                            WHEN 'playlist' THEN ${cap_playlist} WHEN 'genre' THEN ${cap_genre} ELSE ${cap_radio} END
)
-- References point only at entities the catalogs keep (Amazon resolves them within the skill's catalogs).
SELECT k.kind, k.id, k.name, k.alt_names,
       ar.id AS artist_id, ar.name AS artist, al.id AS album_id, al.name AS album,
       k.homes, k.favorites, k.plays, k.recent, k.score, k.rank
FROM kept k
LEFT JOIN kept ar ON ar.kind = 'artist' AND k.kind IN ('album', 'track') AND ar.id = k.artist_id
LEFT JOIN kept al ON al.kind = 'album' AND k.kind = 'track' AND al.id = k.album_id
ORDER BY CASE k.kind WHEN 'artist' THEN 1 WHEN 'album' THEN 2 WHEN 'track' THEN 3 WHEN 'playlist' THEN 4
                     WHEN 'genre' THEN 5 ELSE 6 END, k.rank
