package io.musicassistant.alexa.connector.slimproto;

import io.musicassistant.alexa.log.JsonLog;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Slimproto player connection to Music Assistant's squeezelite provider (aioslimproto on TCP
 * 3483): HELO, heartbeats, the player's name, and the events around one stream at a time. The
 * audio itself is fetched by the caller over HTTP ({@link StreamStart}); this class reports what a
 * player would (STMc, RESP, STMl, STMs, STMd, STMu) so Music Assistant's queue moves as it should.
 *
 * <p>Client frames are {@code op[4] len_be32 payload}; server frames {@code len_be16 op[4] payload}.
 * Every message goes in its own write, because aioslimproto handles one packet per read.
 */
public final class SlimprotoClient implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(SlimprotoClient.class);
    /** Squeezebox Receiver: a headless hardware type, so MA keeps it a player of its own (research: docs/audio-path.md). */
    static final int DEVICE_ID = 7;

    private static final int STAT_BYTES = 53;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private final int port;
    private final byte[] mac;
    private final String macText;
    private final String name;
    private final long startedNanos = System.nanoTime();
    private final Object writeLock = new Object();

    private volatile Socket socket;
    private volatile boolean closed;
    private volatile CompletableFuture<StreamStart> nextStart;
    private volatile Runnable onStop = () -> {};
    private volatile long generation;
    private final Playback playback;
    /** Whether the last {@code strm} was a flush (reader thread only). */
    private boolean flushed;

    private Thread reader;

    /**
     * What a player that plays elsewhere (an Echo player) tells Music Assistant: it takes every
     * stream as started without fetching it, and reports its own position. Without one, the client
     * is a stream receiver of the virtual players' pool.
     */
    public interface Playback {
        /** {@code strm s}: Music Assistant started a stream on this player. Called on the reader thread: return at once. */
        void started(StreamStart start);

        /** {@code strm q} or {@code strm p}: Music Assistant stopped or paused this player. */
        void stopped();

        /** {@code strm u}: Music Assistant resumed this player. */
        void resumed();

        /** The position in the stream Music Assistant last started, for the heartbeat (STMt). */
        long elapsedMs();
    }

    public SlimprotoClient(String host, int port, String mac, String name) {
        this(host, port, mac, name, null);
    }

    public SlimprotoClient(String host, int port, String mac, String name, Playback playback) {
        this.host = host;
        this.port = port;
        this.macText = mac;
        this.mac = parseMac(mac);
        this.name = name;
        this.playback = playback;
    }

    public String mac() {
        return macText;
    }

    public String host() {
        return host;
    }

    public boolean connected() {
        Socket s = socket;
        return s != null && !s.isClosed();
    }

    /** Counts connections; a stream that began under an older one was cut when it dropped. */
    public long generation() {
        return generation;
    }

    /** Connects and says HELO; the reader runs until the connection drops. */
    public synchronized void connect(boolean reconnect) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
        socket = s;
        generation++;
        send(s, "HELO", helo(reconnect));
        // A status right away, as squeezelite's first heartbeat: MA reads jiffies from the last STMt
        // when it answers a later STMl, and fails without one.
        send(s, "STAT", statPayload("STMt", 0, 0, 0));
        reader = Thread.ofVirtual().name("slimproto-" + macText).start(() -> read(s));
    }

    /** Arms for the next {@code strm s}; the future completes when Music Assistant sends it. */
    public CompletableFuture<StreamStart> expectStream(Runnable stopped) {
        CompletableFuture<StreamStart> future = new CompletableFuture<>();
        nextStart = future;
        onStop = stopped;
        return future;
    }

    /** Gives up waiting for the stream {@code future} stands for, so that a late {@code strm s} is not taken for another. */
    public void disarm(CompletableFuture<StreamStart> future) {
        if (nextStart == future) {
            nextStart = null;
        }
        future.cancel(false);
    }

    public StreamStart awaitStream(CompletableFuture<StreamStart> future, Duration patience)
            throws IOException, InterruptedException {
        try {
            return future.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(
                    "Music Assistant did not start a stream on " + macText + " within " + patience.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("player " + macText + ": " + e.getCause().getMessage());
        }
    }

    /** Reports a player event (STMc, STMl, STMs, STMd, STMu, STMf, …). */
    public void stat(String event, long bytesReceived) {
        Socket s = socket;
        if (s == null) {
            return;
        }
        try {
            send(s, "STAT", statPayload(event, bytesReceived, 0, 0));
        } catch (IOException e) {
            LOG.debug("slimproto.write_failed", "mac", macText, "error", e.getMessage());
        }
    }

    /** Hands Music Assistant the stream's response headers (after STMc, as squeezelite does). */
    public void responseHeaders(String headers) {
        Socket s = socket;
        if (s != null) {
            try {
                send(s, "RESP", headers.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                LOG.debug("slimproto.write_failed", "mac", macText, "error", e.getMessage());
            }
        }
    }

    private void read(Socket s) {
        try {
            DataInputStream in = new DataInputStream(s.getInputStream());
            while (!closed) {
                int length = in.readUnsignedShort();
                if (length < 4) {
                    throw new IOException("bad frame length " + length);
                }
                byte[] op = new byte[4];
                in.readFully(op);
                byte[] payload = new byte[length - 4];
                in.readFully(payload);
                handle(s, new String(op, StandardCharsets.US_ASCII), ByteBuffer.wrap(payload));
            }
        } catch (EOFException e) {
            LOG.info("slimproto.closed_by_server", "mac", macText);
        } catch (IOException e) {
            if (!closed) {
                LOG.info("slimproto.dropped", "mac", macText, "error", e.getMessage());
            }
        } finally {
            closeQuietly(s);
            if (socket == s) {
                socket = null;
            }
            CompletableFuture<StreamStart> waiting = nextStart;
            if (waiting != null) {
                waiting.completeExceptionally(new IOException("Music Assistant dropped the player"));
            }
            onStop.run();
        }
    }

    private void handle(Socket s, String op, ByteBuffer payload) throws IOException {
        switch (op) {
            case "strm" -> strm(s, payload);
            case "setd" -> {
                if (payload.limit() == 1 && payload.get(0) == 0) {
                    byte[] text = name.getBytes(StandardCharsets.UTF_8);
                    ByteBuffer reply = ByteBuffer.allocate(text.length + 2);
                    reply.put((byte) 0).put(text).put((byte) 0);
                    send(s, "SETD", reply.array());
                }
            }
            case "aude" -> {
                if (payload.limit() >= 1 && payload.get(0) == 0) {
                    onStop.run(); // powered off: whatever played has stopped
                }
            }
            // vers, audg, codc, cont, serv, grf*, visu, vfdc: nothing a virtual player needs to do
            default -> LOG.debug("slimproto.ignored", "op", op);
        }
    }

    private void strm(Socket s, ByteBuffer payload) throws IOException {
        if (payload.limit() < StreamStart.HEADER_BYTES) {
            return;
        }
        char command = (char) payload.get(0);
        if (playback != null) {
            playbackStrm(s, command, payload);
            return;
        }
        switch (command) {
            case 't' -> send(s, "STAT", statPayload("STMt", 0, payload.getInt(14), 0));
            case 's' -> {
                send(s, "STAT", statPayload("STMf", 0, 0));
                CompletableFuture<StreamStart> waiting = nextStart;
                nextStart = null;
                StreamStart start = StreamStart.parse(payload);
                if (waiting == null || !waiting.complete(start)) {
                    // Not asked for (MA moved on to a queue's next item by itself): say the stream ended at once.
                    LOG.info("slimproto.unrequested_stream", "mac", macText, "path", start.path());
                    send(s, "STAT", statPayload("STMu", 0, 0));
                }
            }
            case 'u' -> {
                send(s, "STAT", statPayload("STMr", 0, 0));
                send(s, "STAT", statPayload("STMs", 0, 0));
            }
            case 'p' -> send(s, "STAT", statPayload("STMp", 0, 0));
            case 'q', 'f' -> {
                send(s, "STAT", statPayload("STMf", 0, 0));
                onStop.run();
            }
            default -> LOG.debug("slimproto.strm_ignored", "command", String.valueOf(command));
        }
    }

    /**
     * A player that plays elsewhere: a stream is "connected" and "started" at once (STMc, STMs, as
     * squeezelite reports them), so Music Assistant makes its item current; heartbeats carry the
     * position the playback reports. Pause and stop are confirmed as squeezelite would.
     */
    private void playbackStrm(Socket s, char command, ByteBuffer payload) throws IOException {
        // aioslimproto's play_url flushes with "strm f" then "strm q" before a new stream: that q is no stop
        boolean afterFlush = flushed;
        flushed = command == 'f';
        switch (command) {
            case 't' -> send(s, "STAT", statPayload("STMt", 0, payload.getInt(14), playback.elapsedMs()));
            case 's' -> {
                send(s, "STAT", statPayload("STMc", 0, 0, 0));
                send(s, "STAT", statPayload("STMs", 0, 0, 0));
                playback.started(StreamStart.parse(payload));
            }
            case 'p' -> {
                send(s, "STAT", statPayload("STMp", 0, 0, playback.elapsedMs()));
                playback.stopped();
            }
            case 'u' -> {
                send(s, "STAT", statPayload("STMr", 0, 0, playback.elapsedMs()));
                playback.resumed();
            }
            case 'q' -> {
                send(s, "STAT", statPayload("STMf", 0, 0, 0));
                if (!afterFlush) {
                    playback.stopped();
                }
            }
            case 'f' -> send(s, "STAT", statPayload("STMf", 0, 0, 0));
            default -> LOG.debug("slimproto.strm_ignored", "command", String.valueOf(command));
        }
    }

    private byte[] helo(boolean reconnect) {
        byte[] caps = ("Model=squeezelite,ModelName=Music Assistant for Alexa,MaxSampleRate=48000,Firmware="
                        + "ma-alexa,mp3,aac")
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(36 + caps.length);
        b.put((byte) DEVICE_ID).put((byte) 0).put(mac).put(new byte[16]);
        b.putShort((short) (reconnect ? 0x4000 : 0));
        b.putLong(0);
        b.put(new byte[2]);
        b.put(caps);
        return b.array();
    }

    private byte[] statPayload(String event, long bytesReceived, int serverTimestamp) {
        return statPayload(event, bytesReceived, serverTimestamp, 0);
    }

    private byte[] statPayload(String event, long bytesReceived, int serverTimestamp, long elapsedMs) {
        int jiffies = (int) ((System.nanoTime() - startedNanos) / 1_000_000);
        ByteBuffer b = ByteBuffer.allocate(STAT_BYTES);
        b.put(event.getBytes(StandardCharsets.US_ASCII));
        b.put((byte) 0).put((byte) 0).put((byte) 0);
        b.putInt(0).putInt(0);
        b.putLong(bytesReceived);
        b.putShort((short) 0xffff);
        b.putInt(jiffies);
        b.putInt(0).putInt(0);
        b.putInt((int) (elapsedMs / 1000));
        b.putShort((short) 0);
        b.putInt((int) elapsedMs);
        b.putInt(serverTimestamp);
        b.putShort((short) 0);
        return b.array();
    }

    private void send(Socket s, String op, byte[] payload) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
        frame.put(op.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length).put(payload);
        synchronized (writeLock) {
            OutputStream out = s.getOutputStream();
            out.write(frame.array());
            out.flush();
        }
    }

    static byte[] parseMac(String mac) {
        String[] parts = mac.split(":");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + mac);
        }
        byte[] bytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Says goodbye so that Music Assistant frees the MAC at once (it refuses a duplicate while the old socket lives). */
    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            try {
                send(s, "BYE!", new byte[] {0});
            } catch (IOException ignored) {
                // the connection is going anyway
            }
            closeQuietly(s);
        }
        Thread t = reader;
        if (t != null) {
            t.interrupt();
        }
    }
}
