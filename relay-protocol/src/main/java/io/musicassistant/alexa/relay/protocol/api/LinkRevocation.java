package io.musicassistant.alexa.relay.protocol.api;

/** Request to revoke one linked account of a home, by the label {@link HomeLinks} shows. */
public record LinkRevocation(String label) {}
