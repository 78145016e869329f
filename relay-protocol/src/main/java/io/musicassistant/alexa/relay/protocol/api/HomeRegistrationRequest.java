package io.musicassistant.alexa.relay.protocol.api;

/** {@code POST /v1/homes}: a connector introduces itself. */
public record HomeRegistrationRequest(String connectorVersion, String homeName) {}
