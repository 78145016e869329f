-- Stage 2 of the catalog merge (docs/catalogs.md): from stage 1's one row per home and entity
-- (`per_home`, filled in below with the table the engine kept), one ranked list per catalog type.
-- The same text runs on Athena (Trino) in AWS and on DuckDB locally: only functions both engines have.
-- The cap_<kind> placeholders are whole numbers: how many entities of each kind the catalogs keep.
WITH per_home AS (
    SELECT kind, id, home, name, alt_names, artist_id, album_id, favorite, plays, recent FROM ${per_home}
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
        SELECT p.kind, p.id, p.alt_names, row_number() OVER (PARTITION BY p.kind, p.id ORDER BY p.home) AS pick
        FROM per_home p JOIN best_name b ON p.kind = b.kind AND p.id = b.id AND p.name = b.name
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
-- Rank: how many homes hold it above all, then favourites, recent plays and plays. Echo players rank
-- first among the playlists: a routine's phrase must never fall to the cap (at most 20 per home).
ranked AS (
    SELECT s.kind, s.id, b.name, a.alt_names, s.artist_id, ba.album_id, s.homes, s.favorites, s.plays, s.recent,
           s.homes * 100.0 + s.favorites * 30.0 + s.recent * 10.0 + ln(1 + s.plays) AS score,
           row_number() OVER (PARTITION BY s.kind
               ORDER BY CASE WHEN s.id LIKE 'ma1:echo:%' THEN 0 ELSE 1 END,
                        s.homes * 100.0 + s.favorites * 30.0 + s.recent * 10.0 + ln(1 + s.plays) DESC, s.id) AS rank
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
