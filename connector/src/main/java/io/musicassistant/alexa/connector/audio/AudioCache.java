package io.musicassistant.alexa.connector.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.connector.platform.Digests;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Whole tracks on the connector's disk, bounded by size (least recently used go first) and by age
 * since last use. A track is a file named by a hash of its Music Assistant uri plus a small JSON
 * sidecar written only when the download is complete, so a crash mid-download leaves nothing that
 * looks whole; on start the directory is scanned and half files are removed.
 */
public final class AudioCache {

    private static final JsonLog LOG = JsonLog.get(AudioCache.class);
    private static final String AUDIO = ".audio";
    private static final String META = ".json";
    /** The only names the cache ever writes; anything else in its directory is not its to touch. */
    private static final Pattern OWN_FILE = Pattern.compile("[0-9a-f]{32}(-[0-9a-z]+\\.audio|\\.json(\\.tmp)?)");

    private final Path dir;
    private final long maxBytes;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, CachedTrack> tracks = new LinkedHashMap<>();
    /** Every download gets a file of its own, so a replaced track's file is never reused under a reader. */
    private final AtomicLong files;

    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** What {@link #claim} found: a track to read, and whether the caller must now download it. */
    public record Claim(CachedTrack track, boolean mustDownload) {}

    public AudioCache(Path dir, long maxBytes, Duration ttl, Clock clock) {
        if (maxBytes < 1024 * 1024) {
            throw new IllegalArgumentException("the audio cache needs at least 1 MiB");
        }
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.ttl = ttl;
        this.clock = clock;
        this.files = new AtomicLong(clock.millis());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audio cache directory " + dir, e);
        }
        load();
        evict();
    }

    /** The track if it is complete or downloading; counts as a use. */
    public synchronized Optional<CachedTrack> find(String uri) {
        CachedTrack track = tracks.get(uri);
        if (track == null || track.state() == CachedTrack.State.FAILED || expired(track) && !track.pinned()) {
            return Optional.empty();
        }
        track.touch(clock.millis());
        return Optional.of(track);
    }

    /**
     * The track for this uri; a new, empty one (which the caller must download) unless one is
     * complete or already downloading. Only one download per uri runs at a time. A listener claims
     * as a reader: the track is pinned before anything else can evict it, until {@link #unpin}.
     */
    public synchronized Claim claim(String uri, boolean reader) {
        Optional<CachedTrack> existing = find(uri);
        CachedTrack track;
        boolean fresh = existing.isEmpty();
        if (fresh) {
            CachedTrack old = tracks.remove(uri);
            if (old != null && !old.pinned()) {
                delete(old);
            }
            String key = key(uri);
            track = new CachedTrack(
                    uri,
                    key,
                    dir.resolve(key + "-" + Long.toString(files.incrementAndGet(), 36) + AUDIO),
                    clock.millis());
            tracks.put(uri, track);
        } else {
            track = existing.get();
        }
        if (reader) {
            track.addReader(1);
            (fresh ? misses : hits).incrementAndGet();
        }
        return new Claim(track, fresh);
    }

    public Claim claim(String uri) {
        return claim(uri, false);
    }

    /** Starts the file of a claimed track; {@code length} is −1 when Music Assistant did not announce one. */
    public void begin(CachedTrack track, String contentType, long length) throws IOException {
        track.begin(contentType, length);
    }

    /** Marks a download complete, writes its sidecar (if the track is still the current one) and makes room. */
    public void complete(CachedTrack track) {
        track.finish(CachedTrack.State.COMPLETE, null);
        synchronized (this) {
            if (track.state() == CachedTrack.State.COMPLETE && tracks.get(track.uri()) == track) {
                writeMeta(track);
            }
        }
        evict();
    }

    /** Marks a download failed; readers waiting for it get an error, and the next request starts over. */
    public synchronized void fail(CachedTrack track, String reason) {
        track.finish(CachedTrack.State.FAILED, reason);
        if (tracks.get(track.uri()) == track) {
            tracks.remove(track.uri());
        }
        if (!track.pinned()) {
            delete(track);
        }
    }

    /** Pins a track while someone reads it. */
    public void pin(CachedTrack track) {
        track.addReader(1);
    }

    /** A reader is done; a track replaced or failed meanwhile loses its file with its last reader. */
    public void unpin(CachedTrack track) {
        track.addReader(-1);
        synchronized (this) {
            if (tracks.get(track.uri()) != track && !track.pinned()) {
                delete(track); // replaced or failed while it was read
            }
        }
    }

    public synchronized long bytesUsed() {
        return tracks.values().stream().mapToLong(CachedTrack::written).sum();
    }

    /**
     * The cache's figures for the status page. Hits and misses count listeners (an Echo asking for a
     * track), not prefetches, since the connector started.
     */
    public record Figures(int entries, long bytesUsed, long maxBytes, long hits, long misses) {}

    public synchronized Figures figures() {
        return new Figures(tracks.size(), bytesUsed(), maxBytes, hits.get(), misses.get());
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Removes what is too old, then the least recently used until the cache fits its size. */
    public synchronized void evict() {
        List<CachedTrack> candidates = new ArrayList<>(tracks.values());
        candidates.sort(Comparator.comparingLong(CachedTrack::lastUsedMs));
        long used = bytesUsed();
        for (CachedTrack track : candidates) {
            boolean tooOld = expired(track);
            if ((tooOld || used > maxBytes) && !track.pinned()) {
                tracks.remove(track.uri());
                used -= track.written();
                delete(track);
                LOG.debug("audio.cache_evicted", "key", track.key(), "reason", tooOld ? "ttl" : "size");
            }
        }
    }

    private boolean expired(CachedTrack track) {
        return clock.millis() - track.lastUsedMs() > ttl.toMillis();
    }

    private void writeMeta(CachedTrack track) {
        ObjectNode meta = RelayJson.mapper().createObjectNode();
        meta.put("uri", track.uri());
        meta.put("content_type", track.contentType());
        meta.put("length", track.length());
        meta.put("created_ms", track.createdMs());
        meta.put("file", track.file().getFileName().toString());
        Path target = dir.resolve(track.key() + META);
        Path temp = dir.resolve(track.key() + META + ".tmp");
        try {
            Files.writeString(temp, meta.toString());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn(
                    "audio.cache_meta_failed",
                    "key",
                    track.key(),
                    "error",
                    e.getClass().getSimpleName());
        }
    }

    private void delete(CachedTrack track) {
        try {
            Files.deleteIfExists(track.file());
            Path meta = dir.resolve(track.key() + META);
            if (Files.exists(meta) && track.file().getFileName().toString().equals(metaFile(meta))) {
                Files.deleteIfExists(meta);
            }
        } catch (IOException e) {
            LOG.warn(
                    "audio.cache_delete_failed",
                    "key",
                    track.key(),
                    "error",
                    e.getClass().getSimpleName());
        }
    }

    private static String metaFile(Path meta) {
        try {
            return RelayJson.mapper()
                    .readTree(Files.readString(meta))
                    .path("file")
                    .asText();
        } catch (IOException e) {
            return "";
        }
    }

    /** Rebuilds the index from the sidecars; files without one are half downloads and go. */
    private synchronized void load() {
        List<Path> audio = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!OWN_FILE.matcher(name).matches()) {
                    continue;
                }
                if (name.endsWith(META)) {
                    loadMeta(file);
                } else if (name.endsWith(AUDIO)) {
                    audio.add(file);
                } else if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                }
            }
            for (Path file : audio) {
                boolean known = tracks.values().stream().anyMatch(t -> t.file().equals(file));
                if (!known) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audio cache directory " + dir, e);
        }
        if (!tracks.isEmpty()) {
            LOG.info("audio.cache_loaded", "tracks", tracks.size(), "bytes", bytesUsed());
        }
    }

    private void loadMeta(Path file) throws IOException {
        try {
            JsonNode meta = RelayJson.mapper().readTree(Files.readString(file));
            Path audio = dir.resolve(meta.path("file").asText("-"));
            String uri = meta.path("uri").asText(null);
            long length = meta.path("length").asLong(-1);
            if (uri == null || !audio.getParent().equals(dir) || !Files.exists(audio) || Files.size(audio) != length) {
                Files.deleteIfExists(file);
                return;
            }
            // Uses are not written down (that would be a disk write per request); after a restart a
            // track counts as last used when it was completed.
            long created = meta.path("created_ms").asLong(clock.millis());
            tracks.put(
                    uri,
                    CachedTrack.complete(
                            uri,
                            key(uri),
                            audio,
                            meta.path("content_type").asText("audio/mpeg"),
                            length,
                            created,
                            created));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
        }
    }

    static String key(String uri) {
        return HexFormat.of().formatHex(Digests.sha256(uri), 0, 16);
    }
}
