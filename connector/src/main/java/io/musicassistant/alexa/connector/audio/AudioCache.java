package io.musicassistant.alexa.connector.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final Path dir;
    private final long maxBytes;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, CachedTrack> tracks = new LinkedHashMap<>();

    /** What {@link #claim} found: a track to read, and whether the caller must now download it. */
    public record Claim(CachedTrack track, boolean mustDownload) {
    }

    public AudioCache(Path dir, long maxBytes, Duration ttl, Clock clock) {
        if (maxBytes < 1024 * 1024) {
            throw new IllegalArgumentException("the audio cache needs at least 1 MiB");
        }
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.ttl = ttl;
        this.clock = clock;
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
        if (track == null || track.state() == CachedTrack.State.FAILED || expired(track)) {
            return Optional.empty();
        }
        track.touch(clock.millis());
        return Optional.of(track);
    }

    /**
     * The track for this uri; a new, empty one (which the caller must download) unless one is
     * complete or already downloading. Only one download per uri runs at a time.
     */
    public synchronized Claim claim(String uri) {
        Optional<CachedTrack> existing = find(uri);
        if (existing.isPresent()) {
            return new Claim(existing.get(), false);
        }
        CachedTrack old = tracks.remove(uri);
        if (old != null && !old.pinned()) {
            delete(old);
        }
        String key = key(uri);
        CachedTrack fresh = new CachedTrack(uri, key, dir.resolve(key + (old != null && old.pinned() ? "-" + clock.millis() : "") + AUDIO),
                clock.millis());
        tracks.put(uri, fresh);
        return new Claim(fresh, true);
    }

    /** Starts the file of a claimed track; {@code length} is −1 when Music Assistant did not announce one. */
    public void begin(CachedTrack track, String contentType, long length) throws IOException {
        track.begin(contentType, length);
    }

    /** Marks a download complete, writes its sidecar and makes room. */
    public void complete(CachedTrack track) {
        track.finish(CachedTrack.State.COMPLETE, null);
        if (track.state() == CachedTrack.State.COMPLETE) {
            writeMeta(track);
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
        track.pin();
    }

    public void unpin(CachedTrack track) {
        track.unpin();
        synchronized (this) {
            if (tracks.get(track.uri()) != track && !track.pinned()) {
                delete(track); // replaced or failed while it was read
            }
        }
    }

    /** Drops a track now, unless someone is reading it (then it goes when they finish). */
    public synchronized void remove(String uri) {
        CachedTrack track = tracks.remove(uri);
        if (track != null && !track.pinned()) {
            delete(track);
        }
    }

    public synchronized long bytesUsed() {
        return tracks.values().stream().mapToLong(CachedTrack::written).sum();
    }

    public synchronized int size() {
        return tracks.size();
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
            LOG.warn("audio.cache_meta_failed", "key", track.key(), "error", e.getClass().getSimpleName());
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
            LOG.warn("audio.cache_delete_failed", "key", track.key(), "error", e.getClass().getSimpleName());
        }
    }

    private static String metaFile(Path meta) {
        try {
            return RelayJson.mapper().readTree(Files.readString(meta)).path("file").asText();
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
            tracks.put(uri, CachedTrack.complete(uri, key(uri), audio, meta.path("content_type").asText("audio/mpeg"),
                    length, created, created));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
        }
    }

    static String key(String uri) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
