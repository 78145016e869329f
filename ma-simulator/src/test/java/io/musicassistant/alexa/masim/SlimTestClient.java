package io.musicassistant.alexa.masim;

import io.musicassistant.alexa.masim.slimproto.Strm;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw-socket Slimproto client for the tests, written from the wire layouts (slimproto.h): it
 * frames its messages itself, keeps every server frame, and like squeezelite answers each
 * {@code strm t} with an STMt (unless told to stay silent).
 */
final class SlimTestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    /** A server frame: {@code len_be16 op[4] payload}. */
    record Frame(String op, byte[] payload) {

        Strm strm() {
            return Strm.parse(payload);
        }

        boolean isStrm(char command) {
            return op.equals("strm") && payload.length > 0 && payload[0] == command;
        }

        @Override
        public String toString() {
            return op.equals("strm") ? "strm " + (char) payload[0] : op;
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final Inbox<Frame> inbox = new Inbox<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean answerHeartbeats = true;
    private final long startedNanos = System.nanoTime();

    SlimTestClient(int port) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("slim-test-reader").start(this::readLoop);
    }

    /** Connects and says HELO with squeezelite's capability string. */
    static SlimTestClient hello(MaSimulator ma, int deviceId, String mac) {
        SlimTestClient client = new SlimTestClient(ma.slimprotoPort());
        client.helo(
                deviceId,
                mac,
                "Model=squeezelite,AccuratePlayPoints=1,ModelName=AlexaBridge,"
                        + "MaxSampleRate=48000,Firmware=v1.0,flc,mp3,pcm");
        return client;
    }

    void setAnswerHeartbeats(boolean value) {
        answerHeartbeats = value;
    }

    // ---------------------------------------------------------------- sending

    void helo(int deviceId, String mac, String capabilities) {
        byte[] caps = capabilities.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(36 + caps.length);
        b.put((byte) deviceId).put((byte) 0);
        for (String part : mac.split(":")) {
            b.put((byte) Integer.parseInt(part, 16));
        }
        b.put(new byte[16]).putShort((short) 0).putLong(0).putShort((short) 0).put(caps);
        send("HELO", b.array());
    }

    /** The reply squeezelite gives to {@code setd [0]}: {@code 0x00 + name + 0x00}. */
    void sendName(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(bytes.length + 2);
        b.put((byte) 0).put(bytes).put((byte) 0);
        send("SETD", b.array());
    }

    /** A 53-byte STAT with this event. */
    void stat(String event, long elapsedMillis, long serverTimestamp) {
        ByteBuffer b = ByteBuffer.allocate(53);
        b.put(event.getBytes(StandardCharsets.US_ASCII));
        b.position(25);
        // jiffies: a millisecond clock; kept small so that MA's u32 arithmetic on it never overflows
        b.putInt((int) (1000 + (System.nanoTime() - startedNanos) / 1_000_000));
        b.position(37);
        b.putInt((int) (elapsedMillis / 1000));
        b.position(43);
        b.putInt((int) elapsedMillis);
        b.putInt((int) serverTimestamp);
        send("STAT", b.array());
    }

    void stat(String event) {
        stat(event, 0, 0);
    }

    void resp(String headers) {
        send("RESP", headers.getBytes(StandardCharsets.ISO_8859_1));
    }

    synchronized void send(String op, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.put(op.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length).put(payload);
        try {
            out.write(b.array());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- receiving

    Frame await(String what, Predicate<Frame> match) {
        return await(what, match, WAIT);
    }

    Frame await(String what, Predicate<Frame> match, Duration timeout) {
        return inbox.await(what, match, timeout);
    }

    Frame awaitOp(String op) {
        return await(op, f -> f.op().equals(op));
    }

    Frame awaitStrm(char command) {
        return await("strm " + command, f -> f.isStrm(command));
    }

    /** Waits for {@code strm s} and forgets what came before it (the flush, power-on…). */
    Strm awaitStart() {
        Frame start = awaitStrm('s');
        inbox.forgetKept();
        return start.strm();
    }

    /** The next frame that is not a heartbeat, in arrival order. */
    Frame next() {
        return await("a frame", f -> !f.isStrm('t'));
    }

    /** Frames received and not consumed, heartbeats left out. */
    List<Frame> pending() {
        List<Frame> frames = inbox.drain();
        frames.removeIf(f -> f.isStrm('t'));
        return frames;
    }

    boolean awaitClosed(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void readLoop() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                int length = in.readUnsignedShort();
                byte[] op = new byte[4];
                in.readFully(op);
                byte[] payload = new byte[length - 4];
                in.readFully(payload);
                Frame frame = new Frame(new String(op, StandardCharsets.US_ASCII), payload);
                if (frame.isStrm('t') && answerHeartbeats) {
                    // echo the heartbeat id, as squeezelite does with server_timestamp
                    stat("STMt", 0, frame.strm().replayGain());
                }
                inbox.add(frame);
            }
        } catch (IOException | UncheckedIOException e) {
            closed.complete(null);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
