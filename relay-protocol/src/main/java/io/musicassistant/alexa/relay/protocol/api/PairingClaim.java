package io.musicassistant.alexa.relay.protocol.api;

/** {@code POST /v1/pairings} with the user's Login-with-Amazon token: link this home to me. */
public record PairingClaim(String code) {

    @Override
    public String toString() {
        return "PairingClaim[code=[redacted]]";
    }
}
