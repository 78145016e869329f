package io.musicassistant.alexa.relay.protocol.api;

/**
 * Answer to a heartbeat.
 *
 * @param paired whether at least one Amazon account is linked to this home
 * @param serverTimeMs the cloud's clock; the connector corrects command deadlines by the difference
 * @param intervalSeconds when to send the next heartbeat
 * @param staleAfterSeconds after this long without a heartbeat the cloud reports the home offline
 * @param retention when the cloud removes this home unless it is paired or heard from (null from
 *     older clouds)
 * @param linkedAccounts how many Amazon accounts are linked to this home (the status page shows it;
 *     null from older clouds)
 */
public record HeartbeatAck(
        boolean paired,
        long serverTimeMs,
        int intervalSeconds,
        int staleAfterSeconds,
        HomeRetention retention,
        Integer linkedAccounts) {

    public HeartbeatAck(boolean paired, long serverTimeMs, int intervalSeconds, int staleAfterSeconds) {
        this(paired, serverTimeMs, intervalSeconds, staleAfterSeconds, null, null);
    }
}
