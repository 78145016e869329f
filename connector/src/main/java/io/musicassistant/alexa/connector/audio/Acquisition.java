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
    public record Stats(long hits, long joined, long misses, long prefetched, long downloads, long failures) {
        /** Share of listener requests that found the track complete or on its way. */
        public double hitRate() {
            long all = hits + joined + misses;
            return all == 0 ? 0 : (double) (hits + joined) / all;
        }
    }

    private enum Priority { LISTENER, PREFETCH }

    private record Job(CachedTrack track, String provider) {
    }

    private final AudioCache cache;
    private final Renderer renderer;
    private final int perProvider;
    private final LinkedHashMap<String, Job> listenerJobs = new LinkedHashMap<>();
    private final LinkedHashMap<String, Job> prefetchJobs = new LinkedHashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
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
        for (int i = 0; i < renderer.capacity(); i++) {
            workers.add(Thread.ofVirtual().name("audio-acquire-" + i).start(this::work));
        }
    }

    /** A listener wants this track: from the cache, joining its download, or downloading it next. */
    public CachedTrack track(String uri) {
        AudioCache.Claim claim = cache.claim(uri);
        CachedTrack track = claim.track();
        if (claim.mustDownload()) {
            misses.incrementAndGet();
            schedule(track, Priority.LISTENER);
        } else if (track.state() == CachedTrack.State.COMPLETE) {
            hits.incrementAndGet();
        } else {
            joined.incrementAndGet();
            promote(uri);
        }
        return track;
    }

    /** Downloads these tracks when players are free, for a queue that will want them soon. */
    public void prefetch(Collection<String> uris) {
        for (String uri : uris) {
            if (cache.find(uri).isPresent()) {
                continue;
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
        renderer.render(uri, sink);
    }

    public Stats stats() {
        return new Stats(hits.get(), joined.get(), misses.get(), prefetched.get(), downloads.get(), failures.get());
    }

    private synchronized void schedule(CachedTrack track, Priority priority) {
        Job job = new Job(track, provider(track.uri()));
        (priority == Priority.LISTENER ? listenerJobs : prefetchJobs).put(track.uri(), job);
        notifyAll();
    }

    private synchronized void promote(String uri) {
        Job job = prefetchJobs.remove(uri);
        if (job != null) {
            listenerJobs.put(uri, job);
        }
    }

    /** The next job whose provider has a free stream: listeners first, each line in order. */
    private synchronized Job next() throws InterruptedException {
        while (!closed) {
            Job job = takeStartable(listenerJobs);
            if (job == null) {
                job = takeStartable(prefetchJobs);
            }
            if (job != null) {
                running.merge(job.provider(), 1, Integer::sum);
                return job;
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
        notifyAll();
    }

    private void work() {
        while (!closed) {
            Job job;
            try {
                job = next();
            } catch (InterruptedException e) {
                return;
            }
            try {
                download(job.track());
            } finally {
                done(job);
            }
        }
    }

    private void download(CachedTrack track) {
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
                        track.append(bytes);
                        return true;
                    }
                });
                if (track.contentType() == null || track.written() == 0) {
                    throw new IOException("Music Assistant delivered no audio");
                }
                cache.complete(track);
                downloads.incrementAndGet();
                LOG.info("audio.downloaded", "key", AudioCache.key(track.uri()), "bytes", track.written(),
                        "ms", (System.nanoTime() - started) / 1_000_000);
                return;
            } catch (IOException | RuntimeException e) {
                // A retry is only safe before anyone has read a byte: a second rendering need not be identical.
                if (attempt < 2 && track.written() == 0 && !closed) {
                    LOG.warn("audio.download_retry", "key", AudioCache.key(track.uri()), "error", e.getMessage());
                    continue;
                }
                failures.incrementAndGet();
                LOG.warn("audio.download_failed", "key", AudioCache.key(track.uri()), "error", String.valueOf(e.getMessage()));
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
