package io.musicassistant.alexa.relay.protocol.api;

/** Answer to a successful claim. */
public record PairingClaimed(String instanceId, String homeName) {}
