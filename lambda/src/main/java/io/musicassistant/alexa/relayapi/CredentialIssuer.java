package io.musicassistant.alexa.relayapi;

import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.protocol.api.RelayAccess;

/** Hands a connector what it needs to reach its own queue and reply rows, and nothing else. */
public sealed interface CredentialIssuer permits LocalCredentialIssuer, StsCredentialIssuer {

    RelayAccess issue(Home home);
}
