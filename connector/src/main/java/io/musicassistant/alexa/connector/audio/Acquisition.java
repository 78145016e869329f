package io.musicassistant.alexa.connector.audio;

import io.musicassistant.alexa.log.JsonLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gets tracks' audio out of Music Assistant into the {@link AudioCache}: one download per track at a
 * time, listeners before prefetches, and never more streams from one music provider at once than
 * it allows. The audio itself comes from a {@link Renderer} (Music Assistant playing to one of the
 * connector's virtual players).
 */
public final class Acquisition implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(Acquisition.class);
    /** Prefetches beyond this many waiting are dropped: they are hints, and the queue moves on. */
    static final int MAX_WAITING_PREFETCHES = 16;
    /** A track Music Assistant just failed to deliver at all is not asked for again for this long. */
    static final long FAILURE_MEMORY_MS = 30_000;

    /** Has Music Assistant render one item and hands over its audio as it arrives. */
    public interface Renderer {
        /** How many items can render at once (the number of virtual players). */
        int capacity();

        /**
         * Renders {@code uri} into {@code sink}; returns when the item ended (or the sink declined
         * more), throws when Music Assistant could not deliver it.
         */
        void render(String uri, Sink sink) throws IOException, InterruptedException;
    }

    /** Where rendered audio goes. */
    public interface Sink {
        /** The response started: its type, and its length or −1. */
        void begin(String contentType, long length) throws IOException;

        /** More audio; false to stop (a live listener went away). */
        boolean accept(ByteBuffer bytes) throws IOException;
    }

    /** Counters since start, for logs and the benchmark. */
    public record Stats(long hits, long joined, long misses, long prefetched, long downloads, long failures) {}

    private enum Priority {
        LISTENER,
        PREFETCH
    }

    private record Job(CachedTrack track, String provider) {}

    /** A download under way; {@code cancelled} makes it give way to a listener. */
    private static final class Running {
        final Job job;
        volatile boolean cancelled;

        Running(Job job) {
            this.job = job;
        }
    }

    private final AudioCache cache;
    private final Renderer renderer;
    private final int perProvider;
    private final LinkedHashMap<String, Job> listenerJobs = new LinkedHashMap<>();
    private final LinkedHashMap<String, Job> prefetchJobs = new LinkedHashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<CachedTrack, Running> active = new HashMap<>();
    private final Map<String, Long> failedAt = new HashMap<>();
    /** Live streams may use this many players at once: never the last one, so tracks stay possible. */
    private final int liveLimit;

    private int liveRunning;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong joined = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong prefetched = new AtomicLong();
    private final AtomicLong downloads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param perProvider how many items of one music provider may stream at once; streaming services
     *     refuse or throttle parallel streams of one account, so the default is 1
     */
    public Acquisition(AudioCache cache, Renderer renderer, int perProvider) {
        if (perProvider < 1) {
            throw new IllegalArgumentException("perProvider must be at least 1");
        }
        this.cache = cache;
        this.renderer = renderer;
        this.perProvider = perProvider;
        this.liveLimit = Math.max(1, renderer.capacity() - 1);
        for (int i = 0; i < renderer.capacity(); i++) {
            workers.add(Thread.ofVirtual().name("audio-acquire-" + i).start(this::work));
        }
    }

    /**
     * A listener wants this track: from the cache, joining its download, or downloading it next
     * (a download nobody is listening to gives way if it holds the player or the provider's stream).
     * The track comes pinned; hand it back with {@link #release}.
     */
    public CachedTrack track(String uri) {
        AudioCache.Claim claim = cache.claim(uri, true);
        CachedTrack track = claim.track();
        if (claim.mustDownload()) {
            misses.incrementAndGet();
            if (failedRecently(uri)) {
                cache.fail(track, "Music Assistant could not deliver it moments ago");
                return track;
            }
            schedule(track, Priority.LISTENER);
        } else if (track.state() == CachedTrack.State.COMPLETE) {
            hits.incrementAndGet();
        } else {
            joined.incrementAndGet();
            promote(uri);
        }
        return track;
    }

    /** The listener is done with a track from {@link #track}. */
    public void release(CachedTrack track) {
        cache.unpin(track);
    }

    /** Downloads these tracks when players are free, for a queue that will want them soon. */
    public void prefetch(Collection<String> uris) {
        for (String uri : uris) {
            if (cache.find(uri).isPresent() || failedRecently(uri)) {
                continue; // a track MA just failed to deliver is not tried again for every hint naming it
            }
            synchronized (this) {
                if (prefetchJobs.size() >= MAX_WAITING_PREFETCHES) {
                    LOG.debug("audio.prefetch_dropped", "waiting", prefetchJobs.size());
                    return;
                }
            }
            AudioCache.Claim claim = cache.claim(uri);
            if (claim.mustDownload()) {
                prefetched.incrementAndGet();
                schedule(claim.track(), Priority.PREFETCH);
            }
        }
    }

    /** Plays a live stream (radio) straight to a listener; nothing is cached. */
    public void live(String uri, Sink sink) throws IOException, InterruptedException {
        synchronized (this) {
            if (liveRunning >= liveLimit) {
                throw new IOException("every player available for live streams is in use");
            }
            liveRunning++; // counted with the downloads, so that none starts without a free player
        }
        try {
            renderer.render(uri, sink);
        } finally {
            synchronized (this) {
                liveRunning--;
                notifyAll();
            }
        }
    }

    /** Live radio: streamed to its listener as it comes, never cached or prefetched. */
    public static boolean isLive(String uri) {
        return uri.contains("://radio/");
    }

    public Stats stats() {
        return new Stats(hits.get(), joined.get(), misses.get(), prefetched.get(), downloads.get(), failures.get());
    }

    private synchronized void schedule(CachedTrack track, Priority priority) {
        Job job = new Job(track, provider(track.uri()));
        (priority == Priority.LISTENER ? listenerJobs : prefetchJobs).put(track.uri(), job);
        if (priority == Priority.LISTENER) {
            makeRoomFor(job);
        }
        notifyAll();
    }

    private synchronized void promote(String uri) {
        Job job = prefetchJobs.remove(uri);
        if (job != null) {
            listenerJobs.put(uri, job);
            makeRoomFor(job);
        }
    }

    /**
     * A listener waits: if its provider's streams or all players are taken, the first download that
     * nobody is reading stops (a prefetch, or a track the listener skipped) and is fetched again later.
     */
    private void makeRoomFor(Job job) {
        boolean providerFull = running.getOrDefault(job.provider(), 0) >= perProvider;
        boolean playersFull = playersInUse() >= renderer.capacity();
        if (!providerFull && !playersFull) {
            return;
        }
        for (Running r : active.values()) {
            if (!r.cancelled
                    && r.job.track().readers() == 0
                    && (!providerFull || r.job.provider().equals(job.provider()))) {
                r.cancelled = true;
                LOG.info("audio.download_gives_way", "key", r.job.track().key());
                return;
            }
        }
    }

    private synchronized boolean failedRecently(String uri) {
        long now = System.currentTimeMillis();
        failedAt.values().removeIf(at -> now - at > FAILURE_MEMORY_MS);
        return failedAt.containsKey(uri);
    }

    private synchronized void rememberFailure(String uri) {
        failedAt.put(uri, System.currentTimeMillis());
    }

    private int playersInUse() {
        return active.size() + liveRunning;
    }

    /** The next job with a free player and a free stream of its provider: listeners first, each line in order. */
    private synchronized Running next() throws InterruptedException {
        while (!closed) {
            Job job = playersInUse() >= renderer.capacity() ? null : takeStartable(listenerJobs);
            if (job == null && playersInUse() < renderer.capacity()) {
                job = takeStartable(prefetchJobs);
            }
            if (job != null) {
                running.merge(job.provider(), 1, Integer::sum);
                Running started = new Running(job);
                active.put(job.track(), started);
                return started;
            }
            wait();
        }
        throw new InterruptedException("closed");
    }

    private Job takeStartable(LinkedHashMap<String, Job> line) {
        for (var it = line.values().iterator(); it.hasNext(); ) {
            Job job = it.next();
            if (running.getOrDefault(job.provider(), 0) < perProvider) {
                it.remove();
                return job;
            }
        }
        return null;
    }

    private synchronized void done(Job job) {
        running.merge(job.provider(), -1, Integer::sum);
        active.remove(job.track());
        notifyAll();
    }

    private void work() {
        while (!closed) {
            Running started;
            try {
                started = next();
            } catch (InterruptedException e) {
                return;
            }
            try {
                download(started);
            } finally {
                done(started.job);
            }
        }
    }

    private void download(Running self) {
        CachedTrack track = self.job.track();
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                renderer.render(track.uri(), new Sink() {
                    @Override
                    public void begin(String contentType, long length) throws IOException {
                        cache.begin(track, contentType, length);
                    }

                    @Override
                    public boolean accept(ByteBuffer bytes) throws IOException {
                        if (self.cancelled) {
                            return false;
                        }
                        track.append(bytes);
                        return true;
                    }
                });
                if (self.cancelled) {
                    cache.fail(track, "gave way to a listener");
                    return;
                }
                if (track.contentType() == null || track.written() == 0) {
                    throw new IOException("Music Assistant delivered no audio");
                }
                cache.complete(track);
                downloads.incrementAndGet();
                LOG.info(
                        "audio.downloaded",
                        "key",
                        track.key(),
                        "bytes",
                        track.written(),
                        "ms",
                        (System.nanoTime() - started) / 1_000_000);
                return;
            } catch (IOException | RuntimeException e) {
                // A retry is only safe before anyone has read a byte: a second rendering need not be identical.
                if (attempt < 2 && track.written() == 0 && !closed) {
                    LOG.warn("audio.download_retry", "key", track.key(), "error", e.getMessage());
                    continue;
                }
                failures.incrementAndGet();
                if (track.written() == 0) {
                    rememberFailure(
                            track.uri()); // MA could not deliver it at all; a cut stream may well work next time
                }
                LOG.warn("audio.download_failed", "key", track.key(), "error", String.valueOf(e.getMessage()));
                cache.fail(track, String.valueOf(e.getMessage()));
                return;
            } catch (InterruptedException e) {
                cache.fail(track, "stopped");
                return;
            }
        }
    }

    /** The music provider of a Music Assistant uri ({@code spotify://track/…} → {@code spotify}). */
    static String provider(String uri) {
        int end = uri.indexOf("://");
        return end < 0 ? uri : uri.substring(0, end);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        workers.forEach(Thread::interrupt);
    }
}
