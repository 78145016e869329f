package io.musicassistant.alexa.masim.slimproto;

import io.musicassistant.alexa.masim.player.PlayerConfigEntry;
import io.musicassistant.alexa.masim.player.PlayerHub;
import io.musicassistant.alexa.masim.player.PlayerOutput;
import io.musicassistant.alexa.masim.player.QueueStream;
import io.musicassistant.alexa.masim.stream.StreamServer;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One slimproto connection: aioslimproto's {@code SlimClient} (client.py
 * @02f6fc2a641552599a3e846e82392425d138393e, the "new lib") together with the part of MA's
 * {@code SqueezelitePlayer} that reacts to it.
 *
 * <p>Threads: a reader parses frames and hands each to this connection's serial executor, where
 * all client state lives (like aioslimproto's single event loop); the hub's commands arrive on
 * other threads and are queued there too, so the hub's monitor is never held while waiting for
 * this connection. A heartbeat thread only writes {@code strm t}.
 */
final class SlimClient implements PlayerOutput {

    /** aioslimproto {@code PlayerState}. */
    enum State {
        PLAYING,
        STOPPED,
        PAUSED,
        BUFFERING,
        BUFFER_READY
    }

    /** aioslimproto {@code MediaDetails}, plus the queue stream it was made for. */
    private record Media(String url, String mimeType, QueueStream stream) {}

    private static final int MAX_PAYLOAD = 1 << 20;
    private static final String HTTP_REQUEST = "GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\nAccept: */*\r\n"
            + "Cache-Control: no-cache\r\nUser-Agent: VLC/3.0.9 LibVLC/3.0.9\r\nRange: bytes=0-\r\n\r\n";

    private final SlimprotoServer server;
    private final PlayerHub hub;
    private final Socket socket;
    private final Duration heartbeat;
    private final ExecutorService actor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("masim-slimproto-client").factory());
    private final AtomicLong lastHeartbeat = new AtomicLong();
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile String playerId = "";

    // ---- state confined to the actor thread
    private Helo helo;
    private boolean registered;
    private String deviceName = "";
    private boolean powered;
    private State state = State.STOPPED;
    private int volume = 50;
    private long jiffies;
    private long jiffiesAtMillis;
    private long elapsedMillis;
    private boolean awaitingStreamStart;
    private boolean awaitingStmc;
    private boolean stmcSeen;
    private boolean decoderReady;
    private boolean autoPlay;
    private Media current;
    private Media buffering;
    private Media next;

    SlimClient(SlimprotoServer server, PlayerHub hub, Socket socket, Duration heartbeat) {
        this.server = server;
        this.hub = hub;
        this.socket = socket;
        this.heartbeat = heartbeat;
    }

    String playerId() {
        return playerId;
    }

    boolean connected() {
        return connected && !closed;
    }

    // ---------------------------------------------------------------- reading

    /** Runs on the reader thread until the connection ends. */
    void readLoop() {
        try {
            socket.setTcpNoDelay(true);
            // aioslimproto: timeout(HEARTBEAT_INTERVAL * 2) around every read
            socket.setSoTimeout((int) Math.max(1, heartbeat.toMillis() * 2));
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            while (true) {
                byte[] head = new byte[8];
                in.readFully(head);
                int length = ByteBuffer.wrap(head, 4, 4).getInt();
                if (length < 0 || length > MAX_PAYLOAD) {
                    server.log(playerId, "dropped: packet length " + Integer.toUnsignedString(length));
                    break;
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                // aioslimproto: operation.strip(b"!").strip().decode().lower()
                String operation = new String(head, 0, 4, StandardCharsets.ISO_8859_1)
                        .replaceAll("^!+|!+$", "")
                        .strip()
                        .toLowerCase(Locale.ROOT);
                if (operation.equals("bye")) {
                    server.log(playerId, "BYE!");
                    break;
                }
                post(() -> handle(operation, payload));
            }
        } catch (java.net.SocketTimeoutException e) {
            server.log(
                    playerId,
                    "dropped: nothing received for " + heartbeat.multipliedBy(2).toMillis() + " ms");
        } catch (IOException e) {
            // EOF or reset: the player is gone
        } finally {
            post(this::disconnected);
        }
    }

    private void handle(String operation, byte[] payload) {
        if (closed) {
            return;
        }
        if (!operation.equals("helo") && helo == null) {
            server.log(playerId, operation.toUpperCase(Locale.ROOT) + " before HELO (ignored)");
            return;
        }
        switch (operation) {
            case "helo" -> onHelo(payload);
            case "stat" -> onStat(payload);
            case "resp" -> onResp(payload);
            case "setd" -> onSetd(payload);
            case "dsco" -> server.log(playerId, "DSCO");
            default -> server.log(playerId, operation.toUpperCase(Locale.ROOT) + " (no handler)");
        }
    }

    // ---------------------------------------------------------------- HELO, SETD

    private void onHelo(byte[] payload) {
        if (helo != null) {
            // aioslimproto would treat this as a duplicate of itself and drop the connection
            server.log(playerId, "HELO again on the same connection: dropped");
            closeSocket();
            return;
        }
        Helo parsed = Helo.parse(payload).orElse(null);
        if (parsed == null) {
            server.log(playerId, "HELO too short: dropped");
            closeSocket();
            return;
        }
        helo = parsed;
        playerId = parsed.playerId();
        server.log(playerId, "HELO device " + parsed.deviceId() + " (" + parsed.deviceType() + ")");
        send("vers", "7.9".getBytes(StandardCharsets.US_ASCII));
        send("setd", new byte[] {(byte) 0xFE});
        send("setd", new byte[] {0});
        sendPower(powered);
        sendGain();
        connected = true;
        Thread.ofPlatform().daemon().name("masim-slimproto-heartbeat").start(this::heartbeatLoop);
        if (!server.claim(playerId, this)) {
            // server.py: "Duplicate connection detected" — the new connection is the one dropped
            server.log(playerId, "duplicate connection: dropped");
            closeSocket();
            return;
        }
        registered = true;
        // SqueezelitePlayer.setup(): restore power and volume, stop, then register_or_update
        SlimprotoServer.Remembered remembered = server.remembered(playerId);
        clientPower(remembered != null && remembered.powered());
        clientStop();
        clientVolume(remembered != null ? remembered.volume() : SqueezelitePlayers.DEFAULT_VOLUME);
        hub.players()
                .register(
                        SqueezelitePlayers.state(
                                parsed,
                                name(),
                                powered,
                                volume,
                                socket.getInetAddress().getHostAddress(),
                                System.currentTimeMillis() / 1000.0),
                        this);
    }

    private void onSetd(byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        int id = payload[0] & 0xff;
        server.log(playerId, "SETD " + id);
        if (id == 0) {
            // _process_setd: data[1:-1], so the client's trailing NUL is required
            deviceName = payload.length < 2 ? "" : new String(payload, 1, payload.length - 2, StandardCharsets.UTF_8);
            if (registered) {
                hub.players().providerNameChanged(playerId, name());
            }
        }
    }

    private String name() {
        return deviceName.isEmpty() ? helo.fallbackName() : deviceName;
    }

    // ---------------------------------------------------------------- STAT, RESP

    private void onStat(byte[] payload) {
        Stat stat = Stat.parse(payload);
        server.log(playerId, "STAT " + stat.event());
        if (!registered) {
            return;
        }
        switch (stat.event()) {
            case "STMc" -> {
                stmcSeen = true;
                awaitingStmc = false;
                state = State.BUFFERING;
            }
            case "STMd" -> onDecoderReady();
            case "STMo" -> {
                if (state != State.BUFFERING) {
                    state = State.BUFFERING;
                    if (autoPlay) {
                        clientPlay();
                    }
                }
            }
            case "STMp" -> state = State.PAUSED;
            case "STMr" -> state = State.PLAYING;
            case "STMs" -> onTrackStarted();
            case "STMt" -> onHeartbeat(stat);
            case "STMu" -> onPlaybackEnded();
            case "STMl" -> onBufferReady();
            default -> {
                // STMf, STMn, AUDe, AUDg, informational zero events: logged only
            }
        }
    }

    /** STMd: MA has enqueued the queue's next item by now; the library starts it at once. */
    private void onDecoderReady() {
        if (next == null) {
            next = hub.playback().nextStream(playerId).map(this::media).orElse(null);
        }
        if (next != null) {
            promoteNext();
            return;
        }
        // nothing enqueued: a track enqueued later starts immediately (not after a stop)
        if (state != State.STOPPED) {
            decoderReady = true;
        }
    }

    private void onTrackStarted() {
        state = State.PLAYING;
        elapsedMillis = 0;
        awaitingStreamStart = false;
        if (buffering != null) {
            current = buffering;
            buffering = null;
            hub.playback()
                    .streamStarted(
                            playerId,
                            current.stream().item().queueItemId(),
                            current.stream().seekPosition());
        }
    }

    private void onHeartbeat(Stat stat) {
        if (!stat.complete()) {
            // struct.unpack fails on a short STMt in aioslimproto; nothing is updated
            server.log(playerId, "STMt shorter than " + Stat.MIN_BYTES + " bytes: ignored");
            return;
        }
        jiffies = stat.jiffies();
        jiffiesAtMillis = System.currentTimeMillis();
        elapsedMillis = awaitingStreamStart ? 0 : stat.elapsedMillis();
        if (state == State.STOPPED) {
            return; // SqueezelitePlayer ignores heartbeats while stopped
        }
        Media media = awaitingStreamStart ? buffering : current;
        int seek = media == null ? 0 : media.stream().seekPosition();
        hub.playback().playerElapsed(playerId, seek + elapsedMillis / 1000.0);
    }

    private void onPlaybackEnded() {
        if (next != null) {
            promoteNext();
            return;
        }
        state = State.STOPPED;
        current = null;
        buffering = null;
        next = null;
        hub.playback().playbackEnded(playerId);
    }

    /** STMl → MA's {@code _handle_buffer_ready}: {@code unpause_at(client.jiffies)}. */
    private void onBufferReady() {
        state = State.BUFFER_READY;
        // client.jiffies is _jiffies + ms since it was reported; before any STMt that is ms since
        // 1970, which struct.pack("L") rejects, so MA sends nothing
        long now = System.currentTimeMillis();
        long at = jiffies + (now - jiffiesAtMillis);
        if (at < 0 || at > 0xffffffffL) {
            server.log(playerId, "unpause_at not sent: jiffies " + at + " out of range (no STMt yet?)");
            return;
        }
        send(Strm.of('u').withReplayGain(at));
    }

    private void onResp(byte[] payload) {
        server.log(playerId, "RESP");
        if (!registered) {
            return;
        }
        if (awaitingStmc) {
            server.log(playerId, "RESP before STMc ignored (a previous stream's)");
            return;
        }
        Resp resp = Resp.parse(payload);
        if (resp.status() > 300) {
            server.log(playerId, "stream answered " + resp.status() + ": stopped");
            state = State.STOPPED;
            current = null;
            buffering = null;
            next = null;
            hub.playback().playbackEnded(playerId);
            sendCont();
            return;
        }
        String contentType = resp.headers().get("content-type");
        if (contentType != null) {
            send("codc", Codc.details(contentType).getBytes(StandardCharsets.US_ASCII));
        }
        sendCont();
    }

    private void sendCont() {
        // pack("!IBH", 0, 0, 0): metaint 0, loop 0, no guids
        send("cont", new byte[7]);
    }

    // ---------------------------------------------------------------- commands from MA (PlayerOutput)

    @Override
    public void playMedia(QueueStream stream) {
        post(() -> {
            Media media = media(stream);
            playUrl(media, false, false, true);
        });
    }

    @Override
    public void stop() {
        post(this::clientStop);
    }

    @Override
    public void pause() {
        post(this::clientPause);
    }

    @Override
    public void play() {
        post(this::clientPlay);
    }

    @Override
    public void power(boolean value) {
        post(() -> {
            clientPower(value);
            server.remember(playerId, value, volume);
        });
    }

    @Override
    public void volumeSet(int level) {
        post(() -> {
            clientVolume(level);
            server.remember(playerId, powered, level);
        });
    }

    @Override
    public void queueChanged() {
        post(() -> {
            if (decoderReady && state != State.STOPPED && next == null) {
                hub.playback()
                        .nextStream(playerId)
                        .map(this::media)
                        .ifPresent(media -> playUrl(media, true, true, false));
            }
        });
    }

    // ---------------------------------------------------------------- aioslimproto client commands

    private void clientStop() {
        next = null;
        decoderReady = false;
        if (state == State.STOPPED) {
            return;
        }
        send(Strm.of('q').withFlags(0));
        state = State.STOPPED;
    }

    private void clientPlay() {
        if (state != State.PAUSED) {
            return;
        }
        send(Strm.of('u').withFlags(0));
        state = State.PLAYING;
    }

    private void clientPause() {
        if (state != State.PLAYING && state != State.BUFFERING) {
            return;
        }
        send(Strm.of('p'));
        state = State.PAUSED;
    }

    private void clientPower(boolean value) {
        if (powered == value) {
            return;
        }
        if (!value) {
            clientStop();
        }
        sendPower(value);
        powered = value;
    }

    private void clientVolume(int level) {
        if (level == volume) {
            return;
        }
        volume = level;
        sendGain();
    }

    private void promoteNext() {
        Media media = next;
        next = null;
        playUrl(media, false, true, false);
    }

    /** aioslimproto {@code play_url} (new lib): flush, enqueue or start a stream. */
    private void playUrl(Media media, boolean enqueue, boolean autostart, boolean flush) {
        if (flush) {
            send(Strm.of('f').withAutostart('0'));
            send(Strm.of('q').withFlags(0));
            next = null;
            elapsedMillis = 0;
            awaitingStreamStart = true;
        }
        if (enqueue && !decoderReady) {
            next = media;
            return;
        }
        decoderReady = false;
        buffering = media;
        if (!powered) {
            clientPower(true);
        }
        state = State.BUFFERING;
        URI uri = URI.create(media.url());
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String host = port == 80 || port == 443 ? uri.getHost() : uri.getHost() + ":" + port;
        autoPlay = autostart;
        awaitingStmc = stmcSeen;
        long ip = server.explicitServerIp() ? 0x7F000001L : 0;
        // the player holds the body back until cont, so the codc sent on its RESP lands first
        send(Strm.of('s')
                .withAutostart(autostart ? '3' : '2')
                .withFlags(0)
                .withStream(Codc.details(media.mimeType()), port, ip, HTTP_REQUEST.formatted(path, host)));
    }

    /** MA's {@code resolve_stream_url} and {@code _handle_play_url_for_slimplayer}'s mime type. */
    private Media media(QueueStream stream) {
        Object codec = hub.configs().value(playerId, PlayerConfigEntry.OUTPUT_CODEC);
        String fmt = codec == null ? "flac" : codec.toString();
        String url = server.streamBaseUrl()
                + StreamServer.singlePath(
                        stream.sessionId(), stream.queueId(), stream.item().queueItemId(), playerId, fmt);
        String extension = url.substring(url.lastIndexOf('.') + 1).split("\\?")[0];
        return new Media(url, "audio/" + extension, stream);
    }

    // ---------------------------------------------------------------- writing

    private void heartbeatLoop() {
        while (connected()) {
            // strm t carries the heartbeat id in replay_gain; the client echoes it in its STMt
            send(Strm.of('t').withAutostart('0').withFlags(0).withReplayGain(lastHeartbeat.incrementAndGet()));
            try {
                Thread.sleep(heartbeat);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sendPower(boolean value) {
        send("aude", new byte[] {(byte) (value ? 1 : 0), 1});
    }

    private void sendGain() {
        long oldGain = SlimVolume.oldGain(volume);
        long newGain = SlimVolume.newGain(volume);
        ByteBuffer b = ByteBuffer.allocate(18);
        b.putInt((int) oldGain).putInt((int) oldGain).put((byte) 1).put((byte) 255);
        b.putInt((int) newGain).putInt((int) newGain);
        send("audg", b.array());
    }

    private void send(Strm strm) {
        send("strm", strm.payload());
    }

    /** One frame per write: {@code len_be16(4 + payload) op[4] payload}. */
    private void send(String operation, byte[] payload) {
        byte[] frame = ByteBuffer.allocate(6 + payload.length)
                .putShort((short) (4 + payload.length))
                .put(operation.getBytes(StandardCharsets.US_ASCII))
                .put(payload)
                .array();
        try {
            OutputStream out = socket.getOutputStream();
            synchronized (this) {
                out.write(frame);
                out.flush();
            }
        } catch (IOException e) {
            closeSocket(); // the reader then sees the end and cleans up
        }
    }

    // ---------------------------------------------------------------- lifecycle

    private void post(Runnable task) {
        try {
            actor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    server.log(playerId, "error: " + e);
                }
            });
        } catch (RejectedExecutionException e) {
            // the connection is gone; late commands are dropped like writes to a closed socket
        }
    }

    /** Closes the socket with a reset, as when MA drops a player or the network dies. */
    void dropAbruptly() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closing anyway
        }
        closeSocket();
    }

    void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** PLAYER_DISCONNECTED → MA's {@code players.unregister}. */
    private void disconnected() {
        boolean wasConnected = connected;
        connected = false;
        closed = true;
        closeSocket();
        if (registered) {
            server.release(playerId, this);
            hub.players().unregister(playerId, this);
        }
        if (wasConnected || helo != null) {
            server.log(playerId, "disconnected");
        }
        actor.shutdown();
    }
}
