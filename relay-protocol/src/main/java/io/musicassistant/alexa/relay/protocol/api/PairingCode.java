package io.musicassistant.alexa.relay.protocol.api;

/** {@code POST /v1/homes/{id}/pairing-code}: a fresh single-use code, replacing any earlier one. */
public record PairingCode(String code, long expiresAtMs) {

    @Override
    public String toString() {
        return "PairingCode[code=[redacted], expiresAtMs=" + expiresAtMs + "]";
    }
}
