package io.musicassistant.alexa.local.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.catalog.MergeQuery;
import io.musicassistant.alexa.catalog.MergedEntity;
import io.musicassistant.alexa.relay.protocol.ContentId;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge SQL on DuckDB over real snapshot files: ranking, names by vote, caps, references, hostile lines. */
class CatalogMergeTest {

    static final String A = "home-aaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String B = "home-bbbbbbbbbbbbbbbbbbbbbbbbbb";
    static final String C = "home-cccccccccccccccccccccccccc";

    static SnapshotEntity artist(String name, boolean favorite) {
        return new SnapshotEntity(
                ContentKind.ARTIST,
                ContentId.of(ContentKind.ARTIST, name, null).encode(),
                name,
                List.of(),
                null,
                null,
                null,
                null,
                favorite,
                0,
                null);
    }

    static SnapshotEntity album(String name, String artist) {
        return new SnapshotEntity(
                ContentKind.ALBUM,
                ContentId.of(ContentKind.ALBUM, name, artist).encode(),
                name,
                List.of(),
                ContentId.of(ContentKind.ARTIST, artist, null).encode(),
                artist,
                null,
                null,
                false,
                0,
                null);
    }

    static SnapshotEntity track(String name, String artist, String album, int plays, Integer lastPlayedDays) {
        return new SnapshotEntity(
                ContentKind.TRACK,
                ContentId.of(ContentKind.TRACK, name, artist).encode(),
                name,
                List.of(),
                ContentId.of(ContentKind.ARTIST, artist, null).encode(),
                artist,
                album == null
                        ? null
                        : ContentId.of(ContentKind.ALBUM, album, artist).encode(),
                album,
                false,
                plays,
                lastPlayedDays);
    }

    static Map<String, MergedEntity> merge(Path root, MergeQuery query) {
        Map<String, MergedEntity> out = new LinkedHashMap<>();
        new DuckDbMerge(root, "512MB").merge(query, e -> out.put(e.id(), e));
        return out;
    }

    static SnapshotEntity named(ContentKind kind, String id, String name, boolean favorite, int plays) {
        return new SnapshotEntity(kind, id, name, List.of(), null, null, null, null, favorite, plays, 1);
    }

    static SnapshotEntity echo(String name) {
        return named(
                ContentKind.ECHO, ContentId.of(ContentKind.ECHO, name, null).encode(), name, false, 0);
    }

    @Test
    void echoPlayersArePlaylistsNamedAfterTheEchoThatRankFirstAndNoHomeFloods(@TempDir Path root) {
        SnapshotFiles.write(
                root,
                A,
                List.of(
                        echo("Kitchen Echo"),
                        named(ContentKind.PLAYLIST, "ma1:playlist:road-trip", "Road Trip", true, 500),
                        // Kind and id must agree: neither line is an Echo player nor a playlist.
                        named(ContentKind.PLAYLIST, "ma1:echo:hall-echo", "Hall Echo", false, 0),
                        named(ContentKind.ECHO, "ma1:playlist:attic", "Attic", false, 0)));
        SnapshotFiles.write(root, B, List.of(echo("Kitchen Echo"), echo("Bedroom Echo")));
        List<SnapshotEntity> flood = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            flood.add(echo("Fake Echo " + i));
        }
        SnapshotFiles.write(root, C, flood);

        Map<String, MergedEntity> merged = merge(root, MergeQuery.withDefaultCaps());
        MergedEntity kitchen = merged.get("ma1:echo:kitchen-echo");
        assertEquals(ContentKind.PLAYLIST, kitchen.kind(), "an Echo is a playlist to Amazon");
        assertEquals("Kitchen Echo", kitchen.name());
        assertEquals(2, kitchen.homes());
        assertEquals(1, kitchen.rank());
        assertNull(kitchen.artistId());
        assertTrue(merged.containsKey("ma1:echo:bedroom-echo"));
        assertFalse(merged.containsKey("ma1:echo:hall-echo"));
        assertFalse(merged.containsKey("ma1:playlist:attic"));
        assertEquals(
                20,
                merged.keySet().stream()
                        .filter(id -> id.startsWith("ma1:echo:fake-echo"))
                        .count(),
                "at most 20 Echo players per home");
        MergedEntity roadTrip = merged.get("ma1:playlist:road-trip");
        assertEquals(23, roadTrip.rank(), "after every Echo player, however popular");

        Map<String, MergedEntity> capped = merge(root, new MergeQuery(Map.of(ContentKind.PLAYLIST, 2)));
        assertTrue(capped.containsKey("ma1:echo:kitchen-echo"));
        assertFalse(capped.containsKey("ma1:playlist:road-trip"), "a playlist falls to the cap before an Echo");
    }

    @Test
    void entitiesMoreHomesHoldRankFirstAndEachHomeCountsOnce(@TempDir Path root) {
        SnapshotFiles.write(
                root,
                A,
                List.of(
                        artist("Radiohead", false),
                        artist("Björk", false),
                        album("OK Computer", "Radiohead"),
                        album("OK Computer", "Radiohead")));
        SnapshotFiles.write(root, B, List.of(artist("Radiohead", false), album("OK Computer", "Radiohead")));
        SnapshotFiles.write(root, C, List.of(artist("Radiohead", true), artist("Björk", true)));
        Map<String, MergedEntity> merged = merge(root, MergeQuery.withDefaultCaps());
        MergedEntity radiohead = merged.get("ma1:artist:radiohead");
        assertEquals(3, radiohead.homes());
        assertEquals(1, radiohead.favorites());
        assertEquals(1, radiohead.rank());
        assertEquals(2, merged.get("ma1:artist:bjork").rank());
        assertEquals(
                2, merged.get("ma1:album:ok-computer:radiohead").homes(), "a home listing an album twice counts once");
        // Artists come before albums: the order the build uploads in.
        List<ContentKind> kinds =
                merged.values().stream().map(MergedEntity::kind).toList();
        assertEquals(List.of(ContentKind.ARTIST, ContentKind.ARTIST, ContentKind.ALBUM), kinds);
    }

    @Test
    void theNameMostHomesUseWinsAndTiesAreReproducible(@TempDir Path root) {
        SnapshotFiles.write(root, A, List.of(artist("AC/DC", false)));
        SnapshotFiles.write(root, B, List.of(artist("AC/DC", false)));
        SnapshotFiles.write(
                root,
                C,
                List.of(new SnapshotEntity(
                        ContentKind.ARTIST,
                        "ma1:artist:ac-dc",
                        "Ac/Dc",
                        List.of("a c d c"),
                        null,
                        null,
                        null,
                        null,
                        false,
                        0,
                        null)));
        assertEquals(
                "AC/DC",
                merge(root, MergeQuery.withDefaultCaps())
                        .get("ma1:artist:ac-dc")
                        .name());
        Path tie = root.resolve("tie");
        SnapshotFiles.write(
                tie,
                A,
                List.of(new SnapshotEntity(
                        ContentKind.GENRE,
                        "ma1:genre:hip-hop",
                        "Hip Hop",
                        List.of("hiphop"),
                        null,
                        null,
                        null,
                        null,
                        false,
                        0,
                        null)));
        SnapshotFiles.write(
                tie,
                B,
                List.of(new SnapshotEntity(
                        ContentKind.GENRE,
                        "ma1:genre:hip-hop",
                        "Hip-Hop",
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        false,
                        0,
                        null)));
        MergedEntity genre = merge(tie, MergeQuery.withDefaultCaps()).get("ma1:genre:hip-hop");
        assertEquals("Hip Hop", genre.name(), "alphabetically first on a tie");
        assertEquals(List.of("hiphop"), genre.altNames(), "the alternates of a home that uses the chosen name");
    }

    @Test
    void capsKeepTheBestRankedAndReferencesPointOnlyAtKeptEntities(@TempDir Path root) {
        List<SnapshotEntity> a = new ArrayList<>(List.of(
                artist("Radiohead", true),
                artist("Obscure Band", false),
                album("OK Computer", "Radiohead"),
                album("Demo Tape", "Obscure Band"),
                track("Karma Police", "Radiohead", "OK Computer", 10, 3),
                track("Hiss", "Obscure Band", "Demo Tape", 0, null)));
        SnapshotFiles.write(root, A, a);
        SnapshotFiles.write(
                root,
                B,
                List.of(
                        artist("Radiohead", false),
                        album("OK Computer", "Radiohead"),
                        track("Karma Police", "Radiohead", "OK Computer", 1, null)));
        Map<String, MergedEntity> merged =
                merge(root, new MergeQuery(Map.of(ContentKind.ARTIST, 1, ContentKind.ALBUM, 2, ContentKind.TRACK, 2)));
        assertTrue(merged.containsKey("ma1:artist:radiohead"));
        assertFalse(merged.containsKey("ma1:artist:obscure-band"), "over the artist cap");
        MergedEntity demo = merged.get("ma1:album:demo-tape:obscure-band");
        assertNull(demo.artistId(), "no reference to an artist the catalogs do not keep");
        MergedEntity hiss = merged.get("ma1:track:hiss:obscure-band");
        assertEquals("ma1:album:demo-tape:obscure-band", hiss.albumId());
        MergedEntity karma = merged.get("ma1:track:karma-police:radiohead");
        assertEquals("ma1:artist:radiohead", karma.artistId());
        assertEquals("Radiohead", karma.artist());
        assertEquals("OK Computer", karma.album());
        assertEquals(11, karma.plays());
        assertEquals(1, karma.recent(), "played in the last 30 days in one home");
        assertEquals(1, karma.rank());
    }

    @Test
    void malformedLinesForeignFilesAndBadIdsAreIgnored(@TempDir Path root) throws IOException {
        SnapshotFiles.write(root, A, List.of(artist("Radiohead", false)));
        Path b = SnapshotFiles.path(root, B);
        Files.createDirectories(b.getParent());
        try (var out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(b)), StandardCharsets.UTF_8)) {
            out.write("not json at all\n");
            out.write("{\"kind\":\"podcast\",\"id\":\"ma1:podcast:x\",\"name\":\"X\"}\n");
            out.write("{\"kind\":\"artist\",\"id\":\"spotify:artist:1\",\"name\":\"Elsewhere\"}\n");
            out.write("{\"kind\":\"artist\",\"id\":\"ma1:artist:long\",\"name\":\"" + "x".repeat(600) + "\"}\n");
            out.write(
                    "{\"kind\":\"artist\",\"id\":\"ma1:artist:radiohead\",\"name\":\"Radiohead\",\"plays\":\"many\"}\n");
            out.write(
                    "{\"kind\":\"artist\",\"id\":\"ma1:artist:sigur-ros\",\"name\":\"Sigur Rós\",\"favorite\":true}\n");
        }
        // Not a home's snapshot: wrong folder name.
        SnapshotFiles.write(
                root.resolve("elsewhere"), "home-cccccccccccccccccccccccccc", List.of(artist("Muse", false)));
        Files.createDirectories(root.resolve("snapshots/not-a-home"));
        Files.copy(b, root.resolve("snapshots/not-a-home/library.ndjson.gz"));
        Map<String, MergedEntity> merged = merge(root, MergeQuery.withDefaultCaps());
        assertEquals(java.util.Set.of("ma1:artist:sigur-ros", "ma1:artist:radiohead"), merged.keySet());
        // A line whose play count is not a number still says the home holds the artist.
        assertEquals(2, merged.get("ma1:artist:radiohead").homes());
        assertEquals(0, merged.get("ma1:artist:radiohead").plays());
    }

    @Test
    void noSnapshotsMergeToNothing(@TempDir Path root) {
        assertEquals(Map.of(), merge(root, MergeQuery.withDefaultCaps()));
    }
}
