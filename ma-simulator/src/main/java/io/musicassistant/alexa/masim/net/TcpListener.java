package io.musicassistant.alexa.masim.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP port of the simulator (Slimproto, streams): each connection is served on a
 * platform thread of its own, and closing closes the port and every open connection. Platform,
 * not virtual, threads: an unpaced stream to a fast reader never blocks, and on a virtual thread it
 * would hold a carrier that the WebSocket handlers need.
 */
public final class TcpListener implements AutoCloseable {

    /** Serves one accepted connection; the socket is closed when it returns or throws. */
    @FunctionalInterface
    public interface Handler {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private TcpListener(ServerSocket server) {
        this.server = server;
    }

    /**
     * Binds {@code port} on loopback (0: any free port) and starts accepting.
     *
     * @param name thread names and the error message ("slimproto", "stream")
     */
    public static TcpListener start(String name, int port, int backlog, Handler handler) {
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            // a fixed port (3483, 8097) must be reusable right after a restart
            socket.setReuseAddress(port != 0);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the simulator's " + name + " port " + port, e);
        }
        TcpListener listener = new TcpListener(socket);
        Thread.ofPlatform().daemon().name("masim-" + name + "-accept").start(() -> listener.acceptLoop(name, handler));
        return listener;
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private void acceptLoop(String name, Handler handler) {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(socket);
            Thread.ofPlatform().daemon().name("masim-" + name).start(() -> {
                try (socket) {
                    handler.serve(socket);
                } catch (IOException e) {
                    // the peer went away, as players do on skip, stop or a dropped connection
                } finally {
                    open.remove(socket);
                }
            });
        }
    }
}
