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
 */
public record Home(String instanceId, String homeName, String queueUrl, Instant heartbeatAt, String status,
                   boolean maConnected, String streamBase, String streamProblem) {

    /** What a directive can expect of this home right now. */
    public enum Availability {
        ONLINE,
        /** No heartbeat within the stale period, never one, or the connector said it is stopping. */
        OFFLINE,
        /** The connector is up but cannot reach Music Assistant. */
        MUSIC_ASSISTANT_DOWN
    }

    /** Throws the relay failure that matches this home's state, unless it is online. */
    public void requireOnline(Instant now, Duration staleAfter) {
        switch (availability(now, staleAfter)) {
            case OFFLINE -> throw new RelayException(RelayException.Failure.HOME_OFFLINE,
                    "home " + instanceId + " is offline (last heartbeat " + heartbeatAt + ", status " + status + ")");
            case MUSIC_ASSISTANT_DOWN -> throw new RelayException(RelayException.Failure.MUSIC_ASSISTANT_DOWN,
                    "home " + instanceId + " cannot reach Music Assistant");
            case ONLINE -> { }
        }
    }

    public Availability availability(Instant now, Duration staleAfter) {
        if (heartbeatAt == null || "stopping".equals(status) || heartbeatAt.plus(staleAfter).isBefore(now)) {
            return Availability.OFFLINE;
        }
        return maConnected ? Availability.ONLINE : Availability.MUSIC_ASSISTANT_DOWN;
    }
}
