package io.musicassistant.alexa.connector.echo;

import io.musicassistant.alexa.connector.slimproto.KeptPlayer;
import io.musicassistant.alexa.connector.slimproto.SlimprotoClient;
import io.musicassistant.alexa.connector.slimproto.StreamStart;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One Echo device's player in Music Assistant: a Slimproto player that never fetches audio (the
 * Echo gets it through the music skill) but tells MA what the Echo plays. It learns what the Echo
 * plays from the {@code echo.queue} steps ({@link #beginStep}): an item starts at its step's time at
 * its offset and ends after its duration; the heartbeats carry that position.
 *
 * <p>A stream MA starts that no step of the connector asked for is the user's doing in MA (play,
 * next, jump); {@code userStarted} decides whether it is a new play that triggers the routine.
 */
final class EchoPlayer implements SlimprotoClient.Playback {

    /** How long a step's own {@code strm s} is expected; later it is taken for the user's. */
    static final Duration OWN_STREAM_PATIENCE = Duration.ofSeconds(10);

    /** What the Echo plays, as the last step said. */
    record Step(String queueItemId, long atNanos, long offsetMs, Long durationMs) {
        long positionMs(long nowNanos) {
            long position = offsetMs + Math.max(0, (nowNanos - atNanos) / 1_000_000);
            return durationMs == null ? position : Math.min(position, durationMs);
        }

        /** When the item runs out (System.nanoTime()), or never for live radio. */
        long endNanos() {
            return durationMs == null
                    ? Long.MAX_VALUE
                    : atNanos
                            + Duration.ofMillis(Math.max(0, durationMs - offsetMs))
                                    .toNanos();
        }
    }

    private record OwnStream(long deadlineNanos, long seekMs) {}

    private final String name;
    private final String key;
    private final KeptPlayer kept;
    private final Consumer<EchoPlayer> userStarted;

    private final Map<String, OwnStream> ownStreams = new LinkedHashMap<>();
    private Step step;
    private String streamItemId;
    private long streamSeekMs;
    private long marks;
    private long lastStart;
    private long lastStop;
    /** A trigger sent and no step yet: since when (System.nanoTime()), else 0. */
    private long awaitingEchoSince;

    private boolean reportedEnd = true;

    /** @param player makes the kept Slimproto player that reports to this one */
    EchoPlayer(String name, Function<SlimprotoClient.Playback, KeptPlayer> player, Consumer<EchoPlayer> userStarted) {
        this.name = name;
        this.key = EchoSettings.key(name);
        this.kept = player.apply(this);
        this.userStarted = userStarted;
    }

    String name() {
        return name;
    }

    String key() {
        return key;
    }

    KeptPlayer kept() {
        return kept;
    }

    /** The player as the cloud hears of it in its trigger events. */
    PlayerInfo info(String playbackState) {
        return new PlayerInfo(
                kept.maId() != null ? kept.maId() : kept.client().mac(),
                name,
                PlayerInfo.TYPE_ECHO,
                kept.client().connected(),
                true,
                null,
                null,
                playbackState,
                List.of(),
                List.of(),
                null);
    }

    // ---------------------------------------------------------------- what Music Assistant says (reader thread)

    @Override
    public void started(StreamStart start) {
        String itemId = queueItemId(start.path());
        boolean own;
        synchronized (this) {
            lastStart = ++marks;
            streamItemId = itemId;
            // a path of another shape (a newer MA): the oldest stream a step still waits for is this one
            String waited = itemId != null
                    ? itemId
                    : ownStreams.keySet().stream().findFirst().orElse(null);
            OwnStream expected = waited == null ? null : ownStreams.remove(waited);
            own = expected != null && expected.deadlineNanos() > System.nanoTime();
            streamSeekMs = own ? expected.seekMs() : 0;
        }
        if (!own) {
            userStarted.accept(this);
        }
    }

    @Override
    public synchronized void stopped() {
        lastStop = ++marks;
    }

    @Override
    public synchronized void resumed() {
        lastStart = ++marks;
    }

    @Override
    public synchronized long elapsedMs() {
        if (step == null || !step.queueItemId().equals(streamItemId)) {
            return 0; // the Echo has not started what MA streams now: MA keeps the position it started at
        }
        return Math.max(0, step.positionMs(System.nanoTime()) - streamSeekMs);
    }

    // ---------------------------------------------------------------- what the Echo does (echo.queue)

    /**
     * The Echo starts this item now at {@code offsetMs}; the connector then has MA play it from
     * {@code seekMs} (whole seconds: MA's seek), and that stream is the connector's own, not a play.
     */
    synchronized void beginStep(String queueItemId, long offsetMs, Long durationMs, long seekMs) {
        long now = System.nanoTime();
        step = new Step(queueItemId, now, offsetMs, durationMs);
        ownStreams.values().removeIf(o -> o.deadlineNanos() < now);
        ownStreams.put(queueItemId, new OwnStream(now + OWN_STREAM_PATIENCE.toNanos(), seekMs));
        awaitingEchoSince = 0;
        reportedEnd = false;
    }

    /** The step's stream did not come (MA refused the play): the next one from MA is the user's again. */
    synchronized void ownStreamFailed(String queueItemId) {
        ownStreams.remove(queueItemId);
    }

    /** The item the Echo plays now, or null when it plays nothing (never started, or its item ran out). */
    synchronized Step playing(long nowNanos) {
        return step != null && nowNanos < step.endNanos() ? step : null;
    }

    /** For the status page: {@code requested} (a trigger awaits the Echo), {@code playing} or {@code idle}. */
    synchronized String state(long nowNanos) {
        return awaitingEchoSince != 0 ? "requested" : playing(nowNanos) != null ? "playing" : "idle";
    }

    /** Whether MA stopped or paused this player after it last started or resumed it: the Echo stops after its track. */
    synchronized boolean stoppedInMa() {
        return lastStop > lastStart;
    }

    /**
     * Claims the trigger for a play MA started: true, and the player awaits the Echo from now,
     * unless a trigger went out less than {@code quiet} ago and the Echo has not answered it yet.
     * One press in MA can reach the player as more than one stream start (a replace, then the
     * play), and the routine the trigger opens plays MA's current item anyway: a second trigger
     * would only make Alexa run the routine twice.
     */
    synchronized boolean claimTrigger(long nowNanos, Duration quiet) {
        if (awaitingEchoSince != 0 && nowNanos - awaitingEchoSince < quiet.toNanos()) {
            return false;
        }
        awaitingEchoSince = nowNanos;
        return true;
    }

    /**
     * Whether MA should now hear that playback ended: the Echo's item ran out {@code grace} ago with
     * no next step, or a trigger found no routine to answer it within {@code noRoutine}. Says so once.
     */
    synchronized boolean endDue(long nowNanos, Duration grace, Duration noRoutine) {
        if (awaitingEchoSince != 0) {
            if (nowNanos - awaitingEchoSince < noRoutine.toNanos()) {
                return false;
            }
            awaitingEchoSince = 0;
            step = null;
            return true;
        }
        if (reportedEnd || step == null || step.endNanos() == Long.MAX_VALUE) {
            return false;
        }
        if (nowNanos - step.endNanos() < grace.toNanos()) {
            return false;
        }
        reportedEnd = true;
        return true;
    }

    /** MA's queue item id in a {@code /single/<session>/<queue>/<queue item>/<player>.<fmt>} stream path. */
    static String queueItemId(String path) {
        String[] parts = path.split("\\?")[0].split("/");
        if (parts.length == 6 && "single".equals(parts[1]) && !parts[4].isEmpty()) {
            return parts[4];
        }
        return null;
    }
}
