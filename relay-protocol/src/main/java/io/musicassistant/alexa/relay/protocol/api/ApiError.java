package io.musicassistant.alexa.relay.protocol.api;

/** Body of every non-2xx relay API answer. {@code error} is a stable code, {@code message} is for people. */
public record ApiError(String error, String message) {}
