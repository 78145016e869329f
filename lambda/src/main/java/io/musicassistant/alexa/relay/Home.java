package io.musicassistant.alexa.relay;

import java.time.Duration;
import java.time.Instant;

/**
 * One registered home (a connector next to a Music Assistant server), as the homes table has it.
 *
 * @param instanceId the home's id
 * @param homeName what the user called it (defaults to the MA server name)
 * @param queueUrl its relay queue
 * @param heartbeatAt last heartbeat, or null if never
 * @param status {@code online} or {@code stopping} as last reported
 * @param maConnected whether the connector last reported a working Music Assistant connection
 * @param streamBase the public HTTPS base its stream URLs use, or null
 * @param streamProblem why Echo devices cannot fetch audio from it (the connector's self-test), or
 *     null when they can or the connector does not say
 * @param acks whether its connector acknowledges commands on receipt (then a missing receipt makes
 *     it suspect, and its heartbeats are rare)
 * @param suspectSince when a command went unacknowledged (the home stopped listening), or null;
 *     cleared by any sign of life (docs/relay-protocol.md, "Silent homes")
 * @param probeAt when a command was last let through to a suspect home to see if it is back, or null
 */
public record Home(
        String instanceId,
        String homeName,
        String queueUrl,
        Instant heartbeatAt,
        String status,
        boolean maConnected,
        String streamBase,
        String streamProblem,
        boolean acks,
        Instant suspectSince,
        Instant probeAt) {

    /** A home as connectors before receipts describe it. */
    public Home(
            String instanceId,
            String homeName,
            String queueUrl,
            Instant heartbeatAt,
            String status,
            boolean maConnected,
            String streamBase,
            String streamProblem) {
        this(
                instanceId,
                homeName,
                queueUrl,
                heartbeatAt,
                status,
                maConnected,
                streamBase,
                streamProblem,
                false,
                null,
                null);
    }

    /** What a directive can expect of this home right now. */
    public enum Availability {
        ONLINE,
        /**
         * No heartbeat within the stale period, never one, the connector said it is stopping, or it
         * left a command unacknowledged and has shown no life since.
         */
        OFFLINE,
        /** The connector is up but cannot reach Music Assistant. */
        MUSIC_ASSISTANT_DOWN
    }

    /** Throws the relay failure that matches this home's state, unless it is online. */
    public void requireOnline(Instant now, Duration staleAfter) {
        switch (availability(now, staleAfter)) {
            case OFFLINE ->
                throw new RelayException(
                        RelayException.Failure.HOME_OFFLINE,
                        suspect()
                                ? "home " + instanceId + " is offline (it left a command unacknowledged at "
                                        + suspectSince + ")"
                                : "home " + instanceId + " is offline (last heartbeat " + heartbeatAt + ", status "
                                        + status + ")");
            case MUSIC_ASSISTANT_DOWN ->
                throw new RelayException(
                        RelayException.Failure.MUSIC_ASSISTANT_DOWN,
                        "home " + instanceId + " cannot reach Music Assistant");
            case ONLINE -> {}
        }
    }

    /** @param staleAfter the stale period of connectors with receipts; older ones keep {@link #LEGACY_STALE_AFTER} */
    public Availability availability(Instant now, Duration staleAfter) {
        Duration stale = acks ? staleAfter : LEGACY_STALE_AFTER;
        if (heartbeatAt == null
                || "stopping".equals(status)
                || heartbeatAt.plus(stale).isBefore(now)
                || suspect()) {
            return Availability.OFFLINE;
        }
        return maConnected ? Availability.ONLINE : Availability.MUSIC_ASSISTANT_DOWN;
    }

    /** Left a command unacknowledged, with no heartbeat since. */
    public boolean suspect() {
        return suspectSince != null && (heartbeatAt == null || !heartbeatAt.isAfter(suspectSince));
    }

    /** The same home, let through once while suspect, to see whether it is listening again. */
    public Home probing(Instant now) {
        return new Home(
                instanceId,
                homeName,
                queueUrl,
                heartbeatAt,
                status,
                maConnected,
                streamBase,
                streamProblem,
                acks,
                null,
                now);
    }

    /** Connectors without receipts heartbeat every 30 s; they count as offline after 95 s without one, as before. */
    public static final Duration LEGACY_STALE_AFTER = Duration.ofSeconds(95);
}
