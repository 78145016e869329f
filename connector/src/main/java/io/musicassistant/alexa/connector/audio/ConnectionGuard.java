package io.musicassistant.alexa.connector.audio;

import io.musicassistant.alexa.log.JsonLog;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The stream server's front door: caps the connections of each address and of all, and closes a
 * connection that has not delivered a complete request header in time (TLS handshake included).
 * Jetty's own idle timeout cannot do the latter: a header sent a byte at a time is never idle.
 *
 * <p>Only network connections count; the decrypted connection inside a TLS one is the same client.
 */
final class ConnectionGuard implements Connection.Listener {

    private static final JsonLog LOG = JsonLog.get(ConnectionGuard.class);

    private final StreamLimits limits;
    private final Scheduler scheduler;
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    // By endpoint to find it when it closes (a closed channel no longer knows its remote address),
    // by remote address to find it from a request.
    private final Map<EndPoint, Tracked> byEndPoint = new ConcurrentHashMap<>();
    private final Map<SocketAddress, Tracked> byRemote = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final LongAdder refusedPerAddress = new LongAdder();
    private final LongAdder refusedTotal = new LongAdder();
    private final LongAdder headerTimeouts = new LongAdder();

    ConnectionGuard(StreamLimits limits, Scheduler scheduler) {
        this.limits = limits;
        this.scheduler = scheduler;
    }

    /** One open network connection and the deadline for its next request header. */
    private final class Tracked {
        final EndPoint endPoint;
        final SocketAddress remote;
        final String address;
        final AtomicLong phase = new AtomicLong();
        volatile Scheduler.Task deadline;

        Tracked(EndPoint endPoint, SocketAddress remote, String address) {
            this.endPoint = endPoint;
            this.remote = remote;
            this.address = address;
        }

        void awaitHeader() {
            handling(); // drops the previous deadline
            long armed = phase.incrementAndGet();
            deadline = scheduler.schedule(
                    () -> {
                        if (phase.get() == armed && endPoint.isOpen()) {
                            headerTimeouts.increment();
                            endPoint.close();
                        }
                    },
                    limits.headerTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        void handling() {
            phase.incrementAndGet();
            Scheduler.Task task = deadline;
            if (task != null) {
                task.cancel();
            }
        }
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint endPoint = connection.getEndPoint();
        if (!(endPoint instanceof SocketChannelEndPoint)
                || !(endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote)) {
            return;
        }
        String address = key(remote.getAddress());
        Tracked tracked = new Tracked(endPoint, remote, address);
        byEndPoint.put(endPoint, tracked);
        byRemote.put(remote, tracked);
        int fromAddress =
                perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        int all = total.incrementAndGet();
        if (fromAddress > limits.maxConnectionsPerAddress()) {
            refusedPerAddress.increment();
            endPoint.close();
        } else if (all > limits.maxConnections()) {
            refusedTotal.increment();
            endPoint.close();
        } else {
            tracked.awaitHeader();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        Tracked tracked = byEndPoint.remove(connection.getEndPoint());
        if (tracked == null) {
            return;
        }
        byRemote.remove(tracked.remote, tracked);
        tracked.handling(); // cancels the deadline
        total.decrementAndGet();
        perAddress.computeIfPresent(tracked.address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** A request header arrived complete on the connection from {@code remote}: no deadline while it is answered. */
    void handling(SocketAddress remote) {
        Tracked tracked = byRemote.get(remote);
        if (tracked != null) {
            tracked.handling();
        }
    }

    /** The answer on that connection is complete: the next request header has {@link StreamLimits#headerTimeout()}. */
    void answered(SocketAddress remote) {
        Tracked tracked = byRemote.get(remote);
        if (tracked != null) {
            tracked.awaitHeader();
        }
    }

    /** Open connections from {@code address} (its /64 for IPv6). */
    int connectionsFrom(InetAddress address) {
        AtomicInteger count = perAddress.get(key(address));
        return count == null ? 0 : count.get();
    }

    int connections() {
        return total.get();
    }

    /** Logs what the guard refused since the last call, if anything: one line a minute, never one per connection. */
    void report() {
        long perAddressRefusals = refusedPerAddress.sumThenReset();
        long totalRefusals = refusedTotal.sumThenReset();
        long timeouts = headerTimeouts.sumThenReset();
        if (perAddressRefusals + totalRefusals + timeouts > 0) {
            LOG.warn(
                    "stream.connections_refused",
                    "over_address_cap",
                    perAddressRefusals,
                    "over_total_cap",
                    totalRefusals,
                    "header_timeouts",
                    timeouts,
                    "open",
                    total.get(),
                    "addresses",
                    perAddress.size());
        }
    }

    /** An IPv4 address, or the /64 of an IPv6 one: one household's prefix, as one IPv4 address is one household's NAT. */
    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
        }
        return address.getHostAddress();
    }
}
