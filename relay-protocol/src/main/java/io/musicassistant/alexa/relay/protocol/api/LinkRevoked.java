package io.musicassistant.alexa.relay.protocol.api;

/**
 * Answer to a revocation.
 *
 * @param revoked whether a link with that label was removed (false: no such link, or already gone)
 * @param remaining the accounts still linked; 0 means the home is unpaired and shows codes again
 */
public record LinkRevoked(boolean revoked, int remaining) {}
