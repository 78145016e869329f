package io.musicassistant.alexa.connector.relay;

import io.musicassistant.alexa.connector.ma.MaClient;
import io.musicassistant.alexa.connector.platform.ConnectorState;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatAck;
import io.musicassistant.alexa.relay.protocol.api.HeartbeatRequest;
import io.musicassistant.alexa.relay.protocol.api.PairingCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the cloud informed that this home is alive (heartbeats at the interval the cloud asks for,
 * minutes apart once paired; also right after Music Assistant connects or drops, and when the relay
 * worker was away) and, while no Amazon account is paired, shows a pairing code and renews it
 * before it expires. On shutdown it says "stopping" so Alexa hears "offline" at once.
 */
public final class HomeLink implements AutoCloseable {

    private static final JsonLog LOG = JsonLog.get(HomeLink.class);
    static final Duration RENEW_CODE_BEFORE = Duration.ofSeconds(60);
    static final Duration RETRY_FAILED_BEAT = Duration.ofSeconds(30);
    /** The longest interval the cloud may ask for; liveness comes from command receipts, not beats. */
    static final int MAX_INTERVAL_S = 3600;

    private final RelayApiClient api;
    private final String instanceId;
    private final String secret;
    private final String version;
    private final MaClient ma;
    private final String streamBase;
    private final ConnectorState state;
    private final ServerClock serverClock;
    private final Clock clock;
    private final Consumer<String> announce;
    private final Supplier<HeartbeatRequest.StreamStatus> streamStatus;
    private final RetentionWatch retention;

    private volatile boolean closed;
    private volatile Duration interval = Duration.ofSeconds(30);
    private volatile Boolean paired;
    private volatile PairingCode code;
    private volatile Integer linkedAccounts;
    private volatile long lastBeatAtMs;
    private volatile String lastBeatError;
    private Thread thread;
    private final Object wake = new Object();
    private boolean beatRequested;

    public HomeLink(
            RelayApiClient api,
            String instanceId,
            String secret,
            String version,
            MaClient ma,
            String streamBase,
            ConnectorState state,
            ServerClock serverClock,
            Clock clock,
            Consumer<String> announce,
            Supplier<HeartbeatRequest.StreamStatus> streamStatus) {
        this.streamStatus = streamStatus;
        this.api = api;
        this.instanceId = instanceId;
        this.secret = secret;
        this.version = version;
        this.ma = ma;
        this.streamBase = streamBase;
        this.state = state;
        this.serverClock = serverClock;
        this.clock = clock;
        this.announce = announce;
        this.retention = new RetentionWatch(clock);
    }

    public synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("home-link").start(this::loop);
        }
    }

    /** Sends a heartbeat now instead of at the next interval (Music Assistant came or went). */
    public void beatSoon() {
        synchronized (wake) {
            beatRequested = true; // remembered even while a beat is on its way, so no request is lost
            wake.notifyAll();
        }
    }

    /** The heartbeat interval the cloud asked for in its last answer. */
    public Duration interval() {
        return interval;
    }

    public boolean paired() {
        return Boolean.TRUE.equals(paired);
    }

    /** The code being shown, if the home is not paired yet. */
    public PairingCode currentCode() {
        return code;
    }

    /**
     * What the status page shows of the link.
     *
     * @param paired null until the cloud first answered
     * @param code the code being shown while unpaired
     * @param linkedAccounts null until answered, or from an older cloud
     * @param lastBeatAtMs when the last heartbeat was answered or failed (0: none yet)
     * @param lastBeatError null when the last heartbeat was answered, else the relay's error code
     *     or the kind of failure
     */
    public record Status(
            Boolean paired, PairingCode code, Integer linkedAccounts, long lastBeatAtMs, String lastBeatError) {}

    public Status status() {
        return new Status(paired, code, linkedAccounts, lastBeatAtMs, lastBeatError);
    }

    private void loop() {
        while (!closed) {
            Duration wait = interval;
            try {
                beat(HeartbeatRequest.ONLINE);
                wait = interval;
                if (!paired()) {
                    ensureCode();
                } else if (code != null) {
                    code = null;
                    state.clearPairingCode();
                }
            } catch (RelayApiException e) {
                failedBeat(e.error() == null ? "http_" + e.status() : e.error());
                LOG.warn("relay.heartbeat_failed", "status", e.status(), "error", e.error());
                retention.unreachable();
                // Rate-limited: the cloud says when its window ends, often sooner than the fixed retry; a
                // heartbeat is how Music Assistant's return reaches the cloud, so it should not wait longer.
                wait = e.status() == 429 && e.retryAfterSeconds() > 0
                        ? Duration.ofSeconds(Math.min(
                                e.retryAfterSeconds(), retryAfterFailure().toSeconds()))
                        : retryAfterFailure();
            } catch (RuntimeException e) {
                failedBeat(e.getClass().getSimpleName());
                LOG.warn("relay.heartbeat_failed", e);
                retention.unreachable();
                wait = retryAfterFailure();
            }
            synchronized (wake) {
                try {
                    if (!beatRequested && !closed) {
                        wake.wait(wait.toMillis());
                    }
                    beatRequested = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void failedBeat(String error) {
        lastBeatError = error;
        lastBeatAtMs = clock.millis();
    }

    /** Beats are rare (minutes apart): a failed one is tried again soon, not a whole interval later. */
    private Duration retryAfterFailure() {
        return interval.compareTo(RETRY_FAILED_BEAT) < 0 ? interval : RETRY_FAILED_BEAT;
    }

    private void beat(String status) {
        var maInfo = ma.serverInfo();
        HeartbeatRequest.MaStatus maStatus = new HeartbeatRequest.MaStatus(
                ma.connected(),
                maInfo.map(i -> i.serverId()).orElse(null),
                maInfo.map(i -> i.serverVersion()).orElse(null),
                maInfo.map(i -> i.schemaVersion()).orElse(null));
        long sent = clock.millis();
        HeartbeatAck ack = api.heartbeat(
                instanceId,
                secret,
                new HeartbeatRequest(status, version, maStatus, streamBase, streamStatus.get(), true));
        serverClock.observe(sent, clock.millis(), ack.serverTimeMs());
        retention.observe(ack.retention(), ack.serverTimeMs());
        interval = Duration.ofSeconds(Math.max(5, Math.min(MAX_INTERVAL_S, ack.intervalSeconds())));
        linkedAccounts = ack.linkedAccounts();
        lastBeatError = null;
        lastBeatAtMs = clock.millis();
        if (!Boolean.valueOf(ack.paired()).equals(paired)) {
            paired = ack.paired();
            LOG.info(ack.paired() ? "home.paired" : "home.unpaired", "instance_id", instanceId);
            if (ack.paired()) {
                announce.accept(
                        "This home is paired with an Amazon account. Ask Alexa to play something from Music Assistant.");
            }
        }
    }

    private void ensureCode() {
        PairingCode current = code;
        if (current != null && current.expiresAtMs() - clock.millis() > RENEW_CODE_BEFORE.toMillis()) {
            return;
        }
        PairingCode fresh = api.pairingCode(instanceId, secret);
        code = fresh;
        String pretty = fresh.code().substring(0, 4) + " " + fresh.code().substring(4);
        String until = DateTimeFormatter.ofPattern("HH:mm")
                .withZone(ZoneId.systemDefault())
                .format(Instant.ofEpochMilli(fresh.expiresAtMs()));
        String text = "Pairing code for this home: " + pretty + " (valid until " + until + ")\n"
                + "Link it to your Amazon account: enable and link the Music Assistant Control skill, then say\n"
                + "\"Alexa, ask Music Assistant to link my home with code " + pretty
                + "\". A new code appears here when this one expires.\n";
        state.showPairingCode(text);
        announce.accept(text.strip());
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                // An "online" beat still on its way must not land after "stopping".
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            beat(HeartbeatRequest.STOPPING);
        } catch (RuntimeException e) {
            LOG.warn("relay.stopping_heartbeat_failed", e);
        }
    }
}
