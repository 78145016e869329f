package io.musicassistant.alexa.relay.protocol.api;

/**
 * Answer to a heartbeat.
 *
 * @param paired whether at least one Amazon account is linked to this home
 * @param serverTimeMs the cloud's clock; the connector corrects command deadlines by the difference
 * @param intervalSeconds when to send the next heartbeat
 * @param staleAfterSeconds after this long without a heartbeat the cloud reports the home offline
 */
public record HeartbeatAck(boolean paired, long serverTimeMs, int intervalSeconds, int staleAfterSeconds) {
}
