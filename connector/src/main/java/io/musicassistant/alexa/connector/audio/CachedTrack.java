package io.musicassistant.alexa.connector.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One track in the {@link AudioCache}: a file that grows while Music Assistant delivers it and is
 * complete afterwards. Any number of readers may follow a download as it arrives; each waits for
 * the bytes it needs. A reader pins the track, so eviction never pulls a file from under a listener.
 */
public final class CachedTrack {

    /** Where a track is in its life. */
    public enum State { DOWNLOADING, COMPLETE, FAILED }

    private final String uri;
    private final String key;
    private final Path file;
    private State state = State.DOWNLOADING;
    private String contentType;
    private long written;
    private long expectedLength = -1;
    private String failure;
    private int pins;
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

    static CachedTrack complete(String uri, String key, Path file, String contentType, long length, long createdMs,
                                long lastUsedMs) {
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

    public synchronized State state() {
        return state;
    }

    public synchronized long written() {
        return written;
    }

    public synchronized String failure() {
        return failure;
    }

    /** The whole length once known: on completion, or earlier when Music Assistant announced it. */
    public synchronized long length() {
        return state == State.COMPLETE ? written : expectedLength;
    }

    /** Null until the first bytes arrive. */
    public synchronized String contentType() {
        return contentType;
    }

    synchronized boolean pinned() {
        return pins > 0 || state == State.DOWNLOADING;
    }

    synchronized void pin() {
        pins++;
    }

    synchronized void unpin() {
        pins--;
    }

    // ---------------------------------------------------------------- the download side

    synchronized void begin(String type, long announcedLength) throws IOException {
        contentType = type;
        expectedLength = announcedLength;
        if (out != null) {
            out.close(); // a retried rendering starts the file again
        }
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    void append(ByteBuffer bytes) throws IOException {
        FileChannel channel;
        synchronized (this) {
            if (state != State.DOWNLOADING || out == null) {
                throw new IOException("track " + key + " is no longer downloading");
            }
            channel = out;
        }
        int n = 0;
        while (bytes.hasRemaining()) {
            n += channel.write(bytes);
        }
        synchronized (this) {
            written += n;
            notifyAll();
        }
    }

    synchronized void finish(State end, String reason) {
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
        notifyAll();
    }

    // ---------------------------------------------------------------- the reading side

    /**
     * Waits until byte {@code position} is on disk, the track is complete, or it failed; returns how
     * many bytes from {@code position} can be read now (0 at the end of a complete track).
     *
     * @throws IOException if the download failed or nothing arrived within {@code patience}
     */
    public long awaitAvailable(long position, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (this) {
            while (written <= position && state == State.DOWNLOADING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("no audio from Music Assistant for " + patience.toSeconds() + " s");
                }
                wait(Math.max(1, left / 1_000_000));
            }
            if (state == State.FAILED) {
                throw new IOException("the download failed: " + failure);
            }
            return Math.max(0, written - position);
        }
    }

    /** Waits for the end of the download; true if the track is complete. */
    public boolean awaitComplete(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (this) {
            while (state == State.DOWNLOADING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return state == State.COMPLETE;
        }
    }

    /** Opens the file for reading; the caller holds a pin while it reads. */
    public FileChannel openForReading() throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }
}
