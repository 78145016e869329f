package io.musicassistant.alexa.connector.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One track in the {@link AudioCache}: a file that grows while Music Assistant delivers it and is
 * complete afterwards. Any number of readers may follow a download as it arrives; each waits for
 * the bytes it needs. A reader pins the track, so eviction never pulls a file from under a listener.
 *
 * <p>A lock and condition rather than {@code synchronized}/{@code wait}: readers are virtual threads,
 * and on JDK 21 a virtual thread waiting in a monitor holds on to its carrier.
 */
public final class CachedTrack {

    /** Where a track is in its life. */
    public enum State {
        DOWNLOADING,
        COMPLETE,
        FAILED
    }

    private final String uri;
    private final String key;
    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private State state = State.DOWNLOADING;
    private String contentType;
    private long written;
    private long expectedLength = -1;
    private String failure;
    private int readers;
    private volatile long lastUsedMs;
    private final long createdMs;
    private FileChannel out;

    CachedTrack(String uri, String key, Path file, long nowMs) {
        this.uri = uri;
        this.key = key;
        this.file = file;
        this.createdMs = nowMs;
        this.lastUsedMs = nowMs;
    }

    static CachedTrack complete(
            String uri, String key, Path file, String contentType, long length, long createdMs, long lastUsedMs) {
        CachedTrack track = new CachedTrack(uri, key, file, createdMs);
        track.state = State.COMPLETE;
        track.contentType = contentType;
        track.written = length;
        track.expectedLength = length;
        track.lastUsedMs = lastUsedMs;
        return track;
    }

    public String uri() {
        return uri;
    }

    String key() {
        return key;
    }

    Path file() {
        return file;
    }

    long createdMs() {
        return createdMs;
    }

    long lastUsedMs() {
        return lastUsedMs;
    }

    void touch(long nowMs) {
        lastUsedMs = nowMs;
    }

    public State state() {
        return locked(() -> state);
    }

    public long written() {
        return locked(() -> written);
    }

    /** The whole length once known: on completion, or earlier when Music Assistant announced it. */
    public long length() {
        return locked(() -> state == State.COMPLETE ? written : expectedLength);
    }

    /** Null until the first bytes arrive. */
    public String contentType() {
        return locked(() -> contentType);
    }

    /** How many listeners read it now; a download nobody reads may give way to one somebody waits for. */
    int readers() {
        return locked(() -> readers);
    }

    /** Whether eviction must leave it alone: someone reads it, or it is still arriving. */
    boolean pinned() {
        return locked(() -> readers > 0 || state == State.DOWNLOADING);
    }

    private <T> T locked(Supplier<T> value) {
        lock.lock();
        try {
            return value.get();
        } finally {
            lock.unlock();
        }
    }

    void addReader(int delta) {
        lock.lock();
        try {
            readers += delta;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- the download side

    void begin(String type, long announcedLength) throws IOException {
        lock.lock();
        try {
            contentType = type;
            expectedLength = announcedLength;
            if (out != null) {
                out.close(); // a retried rendering starts the file again
            }
            out = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } finally {
            lock.unlock();
        }
    }

    void append(ByteBuffer bytes) throws IOException {
        FileChannel channel;
        lock.lock();
        try {
            if (state != State.DOWNLOADING || out == null) {
                throw new IOException("track " + key + " is no longer downloading");
            }
            channel = out;
        } finally {
            lock.unlock();
        }
        int n = 0;
        while (bytes.hasRemaining()) {
            n += channel.write(bytes);
        }
        lock.lock();
        try {
            written += n;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void finish(State end, String reason) {
        lock.lock();
        try {
            if (state != State.DOWNLOADING) {
                return;
            }
            state = end;
            failure = reason;
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException e) {
                if (end == State.COMPLETE) {
                    state = State.FAILED;
                    failure = "cannot close the cache file: " + e.getMessage();
                }
            }
            out = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- the reading side

    /**
     * Waits until byte {@code position} is on disk, the track is complete, or it failed; returns how
     * many bytes from {@code position} can be read now (0 at the end of a complete track).
     *
     * @throws IOException if the download failed or nothing arrived within {@code patience}
     */
    public long awaitAvailable(long position, Duration patience) throws IOException, InterruptedException {
        long left = patience.toNanos();
        lock.lock();
        try {
            while (written <= position && state == State.DOWNLOADING) {
                if (left <= 0) {
                    throw new IOException("no audio from Music Assistant for " + patience.toSeconds() + " s");
                }
                left = changed.awaitNanos(left);
            }
            if (state == State.FAILED) {
                throw new IOException("the download failed: " + failure);
            }
            return Math.max(0, written - position);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the end of the download; true if the track is complete. */
    public boolean awaitComplete(Duration patience) throws InterruptedException {
        long left = patience.toNanos();
        lock.lock();
        try {
            while (state == State.DOWNLOADING) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return state == State.COMPLETE;
        } finally {
            lock.unlock();
        }
    }

    /** Opens the file for reading; the caller holds a pin while it reads. */
    public FileChannel openForReading() throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }
}
