package io.musicassistant.alexa.connector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.relay.protocol.ContentId;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.catalog.SnapshotEntity;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-entity fingerprints of uploads, and the snapshot writer that makes them. */
class FingerprintsTest {

    @TempDir
    Path dir;

    static SnapshotEntity track(String name, String artist, boolean favorite, int plays, Integer days) {
        return new SnapshotEntity(
                ContentKind.TRACK,
                ContentId.of(ContentKind.TRACK, name, artist).encode(),
                name,
                AltNames.of(name),
                ContentId.of(ContentKind.ARTIST, artist, null).encode(),
                artist,
                null,
                null,
                favorite,
                plays,
                days);
    }

    static Fingerprints fingerprints(SnapshotEntity... entities) {
        Fingerprints.Builder builder = new Fingerprints.Builder();
        for (SnapshotEntity e : entities) {
            builder.add(e.id(), Fingerprints.of(e));
        }
        return builder.build("home-x");
    }

    @Test
    void theDiffCountsAddedChangedAndRemovedEntities() {
        SnapshotEntity creep = track("Creep", "Radiohead", false, 0, null);
        SnapshotEntity karma = track("Karma Police", "Radiohead", false, 0, null);
        SnapshotEntity airbag = track("Airbag", "Radiohead", false, 0, null);
        Fingerprints before = fingerprints(creep, karma, airbag);
        assertTrue(fingerprints(airbag, creep, karma).diff(before).none(), "order does not matter");
        SnapshotEntity loved = track("Creep", "Radiohead", true, 0, null);
        SnapshotEntity lucky = track("Lucky", "Radiohead", false, 0, null);
        Fingerprints after = fingerprints(loved, karma, lucky);
        assertEquals(new Fingerprints.Diff(1, 1, 1), after.diff(before));
        assertEquals(new Fingerprints.Diff(3, 0, 0), before.diff(Fingerprints.none()));
        assertEquals(new Fingerprints.Diff(0, 0, 3), Fingerprints.none().diff(before));
    }

    @Test
    void playsAndLastPlayedDaysCountOnlyWhenTheyCrossABucket() {
        long base = Fingerprints.of(track("Creep", "Radiohead", false, 4, 12));
        assertEquals(base, Fingerprints.of(track("Creep", "Radiohead", false, 5, 13)), "a day older, one more play");
        assertEquals(base, Fingerprints.of(track("Creep", "Radiohead", false, 9, 30)));
        assertNotEquals(
                base, Fingerprints.of(track("Creep", "Radiohead", false, 10, 12)), "ten plays is another bucket");
        assertNotEquals(base, Fingerprints.of(track("Creep", "Radiohead", false, 4, 31)), "a month ago");
        assertNotEquals(base, Fingerprints.of(track("Creep", "Radiohead", false, 4, null)));
        assertEquals(0, Fingerprints.playsBucket(0));
        assertEquals(-1, Fingerprints.recencyBucket(null));
        assertEquals(4, Fingerprints.recencyBucket(3650));
    }

    @Test
    void fingerprintsSurviveTheirFileAndADamagedFileMeansNothingWasUploaded() throws Exception {
        Fingerprints written =
                fingerprints(track("Creep", "Radiohead", false, 0, null), track("Lucky", "Radiohead", true, 3, 2));
        Path file = dir.resolve("fingerprints.bin");
        written.write(file);
        Fingerprints read = Fingerprints.read(file);
        assertEquals("home-x", read.instanceId());
        assertEquals(2, read.size());
        assertTrue(read.diff(written).none());
        assertEquals(
                16 * 2 + 4 + 4 + 2 + "home-x".length() + 4, Files.size(file), "16 bytes an entity and a small header");
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(0, Fingerprints.read(file).size());
        assertEquals(0, Fingerprints.read(dir.resolve("missing.bin")).size());
    }

    @Test
    void theBuilderKnowsEveryIdOnceAndGrows() {
        Fingerprints.Builder builder = new Fingerprints.Builder();
        for (int i = 0; i < 5000; i++) {
            assertTrue(builder.add("ma1:track:t" + i, i));
        }
        assertFalse(builder.add("ma1:track:t42", 7), "an id is there once");
        assertTrue(builder.contains("ma1:track:t4999"));
        assertFalse(builder.contains("ma1:track:t5000"));
        assertEquals(5000, builder.build("h").size());
    }

    @Test
    void theWriterStreamsOneLinePerIdMergingNeighboursWithTheSameId() throws Exception {
        Path file = dir.resolve("snapshot.ndjson.gz");
        SnapshotWriter.Written written;
        try (SnapshotWriter writer = new SnapshotWriter(file)) {
            writer.add(track("Creep", "Radiohead", false, 2, 40));
            writer.add(track("Creep", "Radiohead", true, 3, 5)); // the same song on a compilation
            for (int i = 0; i < SnapshotWriter.WINDOW + 10; i++) {
                writer.add(track("Song " + i, "Someone", false, 0, null));
            }
            writer.add(track("Creep", "Radiohead", false, 1, 1)); // long after: already written, left out
            written = writer.finish("home-x");
        }
        assertEquals(SnapshotWriter.WINDOW + 11, written.entities());
        assertEquals(1, written.merged());
        assertEquals(1, written.dropped());
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(bytes.length, written.bytes());
        assertEquals(
                Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)),
                written.sha256());
        List<SnapshotEntity> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(RelayJson.read(line, SnapshotEntity.class));
            }
        }
        assertEquals(written.entities(), lines.size());
        SnapshotEntity creep = lines.getFirst();
        assertEquals("ma1:track:creep:radiohead", creep.id());
        assertTrue(creep.favorite(), "a favourite on either copy");
        assertEquals(5, creep.plays());
        assertEquals(5, creep.lastPlayedDays(), "the latest play");
        assertEquals(written.entities(), written.fingerprints().size());
    }

    @Test
    void anAbortedSnapshotLeavesNoFile() {
        Path file = dir.resolve("aborted.ndjson.gz");
        try (SnapshotWriter writer = new SnapshotWriter(file)) {
            writer.add(track("Creep", "Radiohead", false, 0, null));
        }
        assertFalse(Files.exists(file));
    }
}
