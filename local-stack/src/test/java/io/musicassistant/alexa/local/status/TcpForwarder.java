package io.musicassistant.alexa.local.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Bytes from a loopback port to another, both ways, unread: a stream base that can be switched on
 * after the connector found it unreachable (TLS passes through to the connector's own server).
 */
final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final int target;

    private TcpForwarder(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
    }

    static TcpForwarder open(int port, int target) {
        try {
            ServerSocket server = new ServerSocket(port, 16, InetAddress.getLoopbackAddress());
            TcpForwarder forwarder = new TcpForwarder(server, target);
            Thread.ofVirtual().name("tcp-forwarder").start(forwarder::accept);
            return forwarder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket in;
            try {
                in = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                Thread.ofVirtual().start(() -> pump(in, out));
                Thread.ofVirtual().start(() -> pump(out, in));
            } catch (IOException e) {
                closeQuietly(in); // the target refused: so does the forwarder
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side went away; closing both ends the other pump too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
