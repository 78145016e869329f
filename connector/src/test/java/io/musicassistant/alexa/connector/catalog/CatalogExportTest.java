package io.musicassistant.alexa.connector.catalog;

import static io.musicassistant.alexa.connector.SimulatorSupport.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.connector.Connector;
import io.musicassistant.alexa.connector.ConnectorConfig;
import io.musicassistant.alexa.connector.SimulatorSupport;
import io.musicassistant.alexa.connector.content.ContentResolver;
import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.connector.stream.StreamSigner;
import io.musicassistant.alexa.masim.MaSimulator;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.profile.Profile;
import io.musicassistant.alexa.relay.protocol.ContentId;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.ContentQuery;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.catalog.CatalogSnapshot;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library export against the Music Assistant simulator (both server generations: full items and
 * the newest servers' summaries) and the real relay API, whose presigned URLs land snapshots in Moto's
 * S3: every library item once, with the ids the resolver gives, the settings' kinds, spoken
 * alternates, and uploads only when the library changed.
 */
class CatalogExportTest {

    /** A day the simulator's plays are a few weeks old on. */
    static final Clock NOW = Clock.fixed(Instant.parse("2026-08-20T12:00:00Z"), ZoneOffset.UTC);

    static MaSimulator stable;
    static MaSimulator newest;
    static MaClient stableMa;
    static MaClient newestMa;
    static RelayCloud cloud;

    @TempDir
    Path state;

    @BeforeAll
    static void start() {
        stable = MaSimulator.start(MaSimulator.Options.defaults());
        newest = MaSimulator.start(MaSimulator.Options.defaults().withProfile(Profile.NEWEST));
        stableMa = SimulatorSupport.connectedClient(stable);
        newestMa = SimulatorSupport.connectedClient(newest);
        cloud = new RelayCloud();
    }

    @AfterAll
    static void stop() {
        stableMa.close();
        newestMa.close();
        stable.close();
        newest.close();
        cloud.close();
    }

    static HomeRegistration register() {
        return new RelayApiClient(cloud.uri()).register("test-1", "Catalog home");
    }

    CatalogExport export(MaClient ma, CatalogSettings settings, HomeRegistration home, Clock clock) {
        return new CatalogExport(
                ma,
                settings,
                state,
                home.instanceId(),
                new SnapshotUploader(new RelayApiClient(cloud.uri()), home.instanceId(), home.instanceSecret()),
                clock);
    }

    CatalogExport export(MaClient ma, CatalogSettings settings) {
        return new CatalogExport(
                ma,
                settings,
                state,
                "home-test",
                (file, request) -> {
                    throw new AssertionError("no upload expected");
                },
                NOW);
    }

    static List<SnapshotEntity> lines(byte[] gzip) throws IOException {
        List<SnapshotEntity> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(gzip)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(RelayJson.read(line, SnapshotEntity.class));
            }
        }
        return lines;
    }

    static List<SnapshotEntity> lines(Path file) throws IOException {
        return lines(Files.readAllBytes(file));
    }

    static String firstArtist(Library library, List<String> artistIds) {
        return artistIds.isEmpty()
                ? null
                : library.artistsOf(artistIds).getFirst().name();
    }

    /** Every library item's id, computed from the simulator's own data with {@code ContentId.of}. */
    static Map<String, ContentKind> expectedIds(Library library, boolean playlists, boolean radios) {
        Map<String, ContentKind> ids = new HashMap<>();
        library.artists()
                .forEach(a ->
                        ids.put(ContentId.of(ContentKind.ARTIST, a.name(), null).encode(), ContentKind.ARTIST));
        library.albums()
                .forEach(a -> ids.put(
                        ContentId.of(ContentKind.ALBUM, a.name(), firstArtist(library, a.artistIds()))
                                .encode(),
                        ContentKind.ALBUM));
        library.tracks()
                .forEach(t -> ids.put(
                        ContentId.of(ContentKind.TRACK, t.name(), firstArtist(library, t.artistIds()))
                                .encode(),
                        ContentKind.TRACK));
        if (playlists) {
            library.playlists()
                    .forEach(p -> ids.put(
                            ContentId.of(ContentKind.PLAYLIST, p.name(), null).encode(), ContentKind.PLAYLIST));
        }
        if (radios) {
            library.radios()
                    .forEach(r -> ids.put(
                            ContentId.of(ContentKind.RADIO, r.name(), null).encode(), ContentKind.RADIO));
        }
        // library_items hides genres without music by default (hide_empty), and so does the snapshot
        library.genres().stream()
                .filter(library::genreHasMedia)
                .forEach(g ->
                        ids.put(ContentId.of(ContentKind.GENRE, g.name(), null).encode(), ContentKind.GENRE));
        return ids;
    }

    static void assertEveryItemOnceWithItsId(List<SnapshotEntity> lines, Map<String, ContentKind> expected) {
        Map<String, SnapshotEntity> byId = new HashMap<>();
        for (SnapshotEntity e : lines) {
            assertNull(byId.put(e.id(), e), "one line per id: " + e.id());
            assertEquals(ContentId.of(e.kind(), e.name(), e.artist()).encode(), e.id(), "the id ContentId.of gives");
            assertTrue(CatalogSnapshot.KINDS.contains(e.kind()));
        }
        assertEquals(expected.keySet(), byId.keySet());
        expected.forEach((id, kind) -> assertEquals(kind, byId.get(id).kind(), id));
        for (SnapshotEntity e : lines) {
            if (e.kind() == ContentKind.TRACK || e.kind() == ContentKind.ALBUM) {
                assertNotNull(e.artistId(), e.id());
                assertEquals(
                        ContentKind.ARTIST, byId.get(e.artistId()).kind(), "references an exported artist: " + e.id());
            }
            if (e.kind() == ContentKind.TRACK && e.albumId() != null) {
                assertEquals(
                        ContentKind.ALBUM, byId.get(e.albumId()).kind(), "references an exported album: " + e.id());
                assertEquals(byId.get(e.albumId()).name(), e.album());
            }
        }
    }

    @Test
    void theSnapshotHoldsEveryLibraryItemOnceWithTheIdsContentIdGives() throws Exception {
        for (MaClient ma : List.of(stableMa, newestMa)) {
            Library library = (ma == stableMa ? stable : newest).library();
            SnapshotWriter.Written written =
                    export(ma, CatalogSettings.defaults()).write();
            List<SnapshotEntity> lines = lines(written.file());
            Map<String, ContentKind> expected = expectedIds(library, false, true);
            assertEveryItemOnceWithItsId(lines, expected);
            assertTrue(
                    lines.stream().noneMatch(e -> e.kind() == ContentKind.PLAYLIST), "playlists stay home by default");
            assertEquals(expected.size(), written.entities());
            int items = library.artists().size()
                    + library.albums().size()
                    + library.tracks().size()
                    + library.radios().size()
                    + (int) library.genres().stream()
                            .filter(library::genreHasMedia)
                            .count();
            assertEquals(items, written.entities() + written.merged() + written.dropped(), "every item was read");
            assertTrue(written.merged() > 0, "two artists called Nirvana are one entity");
            assertEquals(0, written.dropped(), "items sharing an id arrive together");
        }
    }

    @Test
    void everyEchoPlayerIsAnEntityNamedAfterItsEchoWhateverTheSettings() throws Exception {
        CatalogSettings nothingOptional = new CatalogSettings(
                true, false, false, CatalogSettings.defaults().debounce());
        CatalogExport export = new CatalogExport(
                stableMa,
                nothingOptional,
                state,
                "home-test",
                (file, request) -> {
                    throw new AssertionError("no upload expected");
                },
                NOW,
                () -> List.of("Kitchen Echo", "Küche"));
        List<SnapshotEntity> echoes = lines(export.write().file()).stream()
                .filter(e -> e.kind() == ContentKind.ECHO)
                .toList();
        assertEquals(
                List.of("Kitchen Echo", "Küche"),
                echoes.stream().map(SnapshotEntity::name).toList());
        // the id's key is what echo.queue finds the Echo player by
        assertEquals("ma1:echo:kitchen-echo", echoes.getFirst().id());
        assertEquals(
                ContentId.of(ContentKind.ECHO, "Küche", null).encode(),
                echoes.get(1).id());
        assertNull(echoes.getFirst().artistId());
        // without Echo players, none
        assertTrue(lines(export(stableMa, nothingOptional).write().file()).stream()
                .noneMatch(e -> e.kind() == ContentKind.ECHO));
    }

    @Test
    void entitiesCarryFavouritesPlaysAndSpokenAlternates() throws Exception {
        Map<String, SnapshotEntity> byName = new HashMap<>();
        for (SnapshotEntity e :
                lines(export(stableMa, CatalogSettings.defaults()).write().file())) {
            byName.putIfAbsent(e.kind().wireName() + ":" + e.name(), e);
        }
        SnapshotEntity beatles = byName.get("artist:The Beatles");
        assertTrue(beatles.favorite());
        assertTrue(beatles.altNames().contains("Beatles"), beatles.altNames().toString());
        assertNull(beatles.artistId());
        assertEquals(List.of("AC DC"), byName.get("artist:AC/DC").altNames());
        assertTrue(byName.get("artist:Simon & Garfunkel").altNames().contains("Simon and Garfunkel"));
        assertFalse(byName.get("artist:Daft Punk").favorite());
        assertEquals(
                List.of("hip-hop", "rap"), byName.get("genre:Hip Hop").altNames(), "Music Assistant's genre aliases");
        assertEquals(
                List.of("r&b", "rhythm and blues"), byName.get("genre:Soul").altNames());
        Library library = stable.library();
        var played = library.tracks().stream()
                .filter(t -> t.info().lastPlayed() > 0)
                .findFirst()
                .orElseThrow();
        SnapshotEntity track = byName.get("track:" + played.name());
        long days = (NOW.instant().getEpochSecond() - played.info().lastPlayed()) / 86_400;
        assertEquals((int) days, track.lastPlayedDays(), "whole days since MA's last_played");
        assertEquals(0, track.plays(), "MA's models carry no play count");
        assertNotNull(track.albumId());
        var unplayed = library.tracks().stream()
                .filter(t -> t.info().lastPlayed() == 0)
                .findFirst()
                .orElseThrow();
        assertNull(byName.get("track:" + unplayed.name()).lastPlayedDays());
        assertTrue(
                byName.values().stream()
                        .filter(e -> e.kind() == ContentKind.ALBUM)
                        .allMatch(e -> e.lastPlayedDays() == null),
                "only tracks carry last_played");
    }

    @Test
    void playlistsAreSentOnlyWhenEnabledAndRadiosCanBeLeftOut() throws Exception {
        CatalogSettings both = new CatalogSettings(true, true, false, Duration.ofSeconds(60));
        List<SnapshotEntity> lines = lines(export(stableMa, both).write().file());
        assertEveryItemOnceWithItsId(lines, expectedIds(stable.library(), true, false));
        Set<String> playlists = new HashSet<>();
        lines.stream().filter(e -> e.kind() == ContentKind.PLAYLIST).forEach(e -> playlists.add(e.name()));
        Set<String> expected = new HashSet<>();
        stable.library().playlists().forEach(p -> expected.add(p.name()));
        assertEquals(expected, playlists);
        assertTrue(lines.stream().noneMatch(e -> e.kind() == ContentKind.RADIO));
    }

    /** What makes a catalog entity play the right thing: its id resolves back to the same item in this home. */
    @Test
    void everyEntityIdResolvesBackInTheHome() throws Exception {
        ContentResolver resolver = new ContentResolver(
                stableMa,
                new StreamSigner(new byte[32], "https://music.home.example/", Duration.ofHours(24), Clock.systemUTC()));
        List<SnapshotEntity> lines =
                lines(export(stableMa, new CatalogSettings(true, true, true, Duration.ofSeconds(60)))
                        .write()
                        .file());
        int tracks = 0;
        for (SnapshotEntity e : lines) {
            if (e.kind() == ContentKind.TRACK && tracks++ >= 40) {
                continue; // a sample of tracks is enough; every other kind is checked whole
            }
            ContentId id = ContentId.parse(e.id()).orElseThrow();
            // What the resolver would play (content.resolve and player.play pick the item alike), by name:
            // some simulator playlists hold nothing playable, which is not the naming's concern.
            var found = resolver.playable(
                    new ContentQuery(id.kind(), id.name(), id.artist().isEmpty() ? null : id.artist(), true, 5, true));
            assertEquals(
                    e.id(),
                    ContentId.of(found.kind(), found.name(), found.artist()).encode(),
                    "resolves to itself: " + e.name());
        }
    }

    @Test
    void aSnapshotIsUploadedOnlyWhenTheLibraryChanged() throws Exception {
        HomeRegistration home = register();
        String key = CatalogSnapshot.key(home.instanceId());
        CatalogExport first = export(stableMa, CatalogSettings.defaults(), home, NOW);

        CatalogExport.Outcome outcome = first.run();
        assertTrue(outcome.uploaded());
        assertEquals(new Fingerprints.Diff(outcome.entities(), 0, 0), outcome.diff());
        byte[] stored = cloud.snapshot(key);
        assertArrayEquals(Files.readAllBytes(first.lastUploaded()), stored, "the cloud holds what the home kept");
        assertEquals(outcome.entities(), lines(stored).size());
        assertEquals(1, cloud.calls(home, "catalog-snapshot").size());

        CatalogExport.Outcome again = first.run();
        assertFalse(again.uploaded(), "nothing changed");
        assertTrue(again.diff().none());
        assertEquals(1, cloud.calls(home, "catalog-snapshot").size(), "not even asked for a URL");
        assertFalse(Files.exists(state.resolve(CatalogExport.DIR).resolve(CatalogExport.NEW_FILE)));

        // A day later only day counts moved: a track counts as changed only when its last play crossed a
        // bucket (a week, a month, a quarter, a year ago), so a few of the played tracks at most.
        long played = stable.library().tracks().stream()
                .filter(t -> t.info().lastPlayed() > 0)
                .count();
        int urls = 1;
        CatalogExport.Outcome nextDay = export(
                        stableMa, CatalogSettings.defaults(), home, Clock.offset(NOW, Duration.ofDays(1)))
                .run();
        assertEquals(0, nextDay.diff().added() + nextDay.diff().removed());
        assertTrue(nextDay.diff().changed() < played / 10, nextDay.diff() + " of " + played + " played tracks");
        urls += nextDay.uploaded() ? 1 : 0;

        // A year later every played track's last play is months older: those entities changed.
        CatalogExport.Outcome later = export(
                        stableMa, CatalogSettings.defaults(), home, Clock.offset(NOW, Duration.ofDays(400)))
                .run();
        assertTrue(later.uploaded());
        assertEquals(0, later.diff().added());
        assertEquals(0, later.diff().removed());
        assertTrue(
                later.diff().changed() > played / 2 && later.diff().changed() <= played,
                later.diff().toString());
        assertEquals(++urls, cloud.calls(home, "catalog-snapshot").size());
        assertEquals(later.entities(), lines(cloud.snapshot(key)).size());

        // Playlists switched on: added; radios switched off: removed.
        CatalogExport.Outcome playlists = export(
                        stableMa,
                        new CatalogSettings(true, true, false, Duration.ofSeconds(60)),
                        home,
                        Clock.offset(NOW, Duration.ofDays(400)))
                .run();
        assertTrue(playlists.uploaded());
        assertEquals(stable.library().playlists().size(), playlists.diff().added());
        assertEquals(stable.library().radios().size(), playlists.diff().removed());
        assertEquals(0, playlists.diff().changed());
        assertEquals(++urls, cloud.calls(home, "catalog-snapshot").size());
        assertTrue(cloud.calls(home, "catalog-snapshot").stream().allMatch(c -> c.status() == 200));
    }

    @Test
    void anotherHomeInTheSameStateDirectoryUploadsAgain() {
        HomeRegistration first = register();
        assertTrue(
                export(stableMa, CatalogSettings.defaults(), first, NOW).run().uploaded());
        HomeRegistration second = register(); // the cloud forgot the first one; the connector registered anew
        assertTrue(
                export(stableMa, CatalogSettings.defaults(), second, NOW).run().uploaded(),
                "the last upload was the other home's");
        assertNotNull(cloud.snapshot(CatalogSnapshot.key(second.instanceId())));
    }

    @Test
    void theConnectorExportsOnceMusicAssistantConnects() throws Exception {
        Path connectorState = state.resolve("connector");
        ConnectorConfig config = new ConnectorConfig(
                URI.create(stable.wsUrl()),
                stable.userToken(),
                cloud.uri(),
                connectorState,
                "https://music.home.example",
                Duration.ofHours(24),
                "Catalog home",
                1);
        try (Connector connector = Connector.start(config, message -> {})) {
            assertTrue(connector.catalog().isPresent(), "on by default");
            String key = CatalogSnapshot.key(connector.instanceId());
            await("the snapshot in the catalog bucket", Duration.ofSeconds(30), () -> cloud.snapshot(key) != null);
            List<SnapshotEntity> lines = lines(cloud.snapshot(key));
            assertEveryItemOnceWithItsId(lines, expectedIds(stable.library(), false, true));
            assertArrayEquals(
                    cloud.snapshot(key),
                    Files.readAllBytes(connectorState.resolve(CatalogExport.DIR).resolve(CatalogSnapshot.FILE_NAME)));
        }
    }
}
