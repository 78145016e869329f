package io.musicassistant.alexa.connector.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk cache on a real directory. */
class AudioCacheTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) seed);
        return b;
    }

    private static void download(AudioCache cache, CachedTrack track, byte[] body) throws IOException {
        cache.begin(track, "audio/mpeg", -1);
        track.append(ByteBuffer.wrap(body));
        cache.complete(track);
    }

    @Test
    void oneDownloadPerTrackAndReadersFollowItAsItGrows() throws Exception {
        AudioCache cache = new AudioCache(dir, 16 * MIB, Duration.ofHours(1), clock);
        AudioCache.Claim first = cache.claim("library://track/1");
        AudioCache.Claim second = cache.claim("library://track/1");
        assertTrue(first.mustDownload());
        assertFalse(second.mustDownload(), "the second listener joins the running download");
        assertSame(first.track(), second.track());

        CachedTrack track = first.track();
        cache.begin(track, "audio/mpeg", -1);
        track.append(ByteBuffer.wrap(bytes(1000, 1)));
        assertEquals(1000, track.awaitAvailable(0, Duration.ofSeconds(1)));
        assertEquals(-1, track.length(), "the length is unknown until the end");
        Thread finisher = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50);
                track.append(ByteBuffer.wrap(bytes(500, 2)));
                cache.complete(track);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(500, track.awaitAvailable(1000, Duration.ofSeconds(10)), "a reader at the edge waits for more");
        finisher.join();
        assertEquals(CachedTrack.State.COMPLETE, track.state());
        assertEquals(1500, track.length());
        assertEquals(0, track.awaitAvailable(1500, Duration.ofSeconds(1)), "the end of a complete track");
    }

    @Test
    void completeTracksSurviveARestartAndHalfDownloadsDoNot() throws Exception {
        AudioCache cache = new AudioCache(dir, 16 * MIB, Duration.ofHours(1), clock);
        download(cache, cache.claim("library://track/1").track(), bytes(2000, 7));
        CachedTrack half = cache.claim("library://track/2").track();
        cache.begin(half, "audio/mpeg", -1);
        half.append(ByteBuffer.wrap(bytes(300, 9)));

        AudioCache reopened = new AudioCache(dir, 16 * MIB, Duration.ofHours(1), clock);
        CachedTrack kept = reopened.find("library://track/1").orElseThrow();
        assertEquals(CachedTrack.State.COMPLETE, kept.state());
        assertArrayEquals(bytes(2000, 7), Files.readAllBytes(kept.file()));
        assertTrue(reopened.find("library://track/2").isEmpty(), "a download without its sidecar is not a track");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "the half file is gone; one audio file and its sidecar remain");
        }
    }

    @Test
    void filesTheCacheDidNotWriteAreLeftAlone() throws Exception {
        for (String foreign : new String[] {"home.json", "options.json", "notes.tmp", "music.audio"}) {
            Files.writeString(dir.resolve(foreign), "not the cache's");
        }
        new AudioCache(dir, 16 * MIB, Duration.ofHours(1), clock);
        for (String foreign : new String[] {"home.json", "options.json", "notes.tmp", "music.audio"}) {
            assertTrue(Files.exists(dir.resolve(foreign)), foreign + " survives the cache's start");
        }
    }

    @Test
    void evictsTheLeastRecentlyUsedButNeverATrackBeingRead() throws Exception {
        AudioCache cache = new AudioCache(dir, 2 * MIB, Duration.ofHours(1), clock);
        CachedTrack a = cache.claim("library://track/a").track();
        download(cache, a, bytes((int) MIB - 10, 1));
        now.set(now.get().plusSeconds(1));
        CachedTrack b = cache.claim("library://track/b").track();
        download(cache, b, bytes((int) MIB - 10, 2));
        now.set(now.get().plusSeconds(1));
        cache.find("library://track/a"); // a is used again: b is now the oldest
        now.set(now.get().plusSeconds(1));
        cache.pin(b);
        download(cache, cache.claim("library://track/c").track(), bytes((int) MIB - 10, 3));
        assertTrue(cache.find("library://track/b").isPresent(), "b is being read, so it stays");
        assertTrue(cache.find("library://track/a").isEmpty(), "a went instead");
        assertFalse(Files.exists(a.file()));

        cache.unpin(b);
        now.set(now.get().plusSeconds(1));
        download(cache, cache.claim("library://track/d").track(), bytes((int) MIB - 10, 4));
        assertTrue(cache.find("library://track/b").isEmpty(), "unpinned, b is the oldest and goes");
        assertTrue(cache.bytesUsed() <= 2 * MIB);
    }

    @Test
    void tracksUnusedForLongerThanTheTtlGo() throws Exception {
        AudioCache cache = new AudioCache(dir, 16 * MIB, Duration.ofHours(1), clock);
        CachedTrack a = cache.claim("library://track/a").track();
        download(cache, a, bytes(100, 1));
        now.set(now.get().plus(Duration.ofMinutes(61)));
        assertTrue(cache.find("library://track/a").isEmpty());
        cache.evict();
        assertFalse(Files.exists(a.file()));
        assertTrue(cache.claim("library://track/a").mustDownload(), "an expired track is fetched again");
    }

    @Test
    void aFailedDownloadWakesItsReadersWithAnErrorAndIsFetchedAgainNextTime() throws Exception {
        AudioCache cache = new AudioCache(dir, 16 * MIB, Duration.ofHours(1), clock);
        CachedTrack track = cache.claim("library://track/1").track();
        cache.begin(track, "audio/mpeg", -1);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                return;
            }
            cache.fail(track, "player dropped");
        });
        IOException e = assertThrows(IOException.class, () -> track.awaitAvailable(0, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("player dropped"), e.getMessage());
        assertTrue(cache.claim("library://track/1").mustDownload());
    }
}
