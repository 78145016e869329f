package io.musicassistant.alexa.relay.protocol.api;

/**
 * Answer to registration. The secret is shown exactly once; the cloud keeps only its hash.
 */
public record HomeRegistration(String instanceId, String instanceSecret) {

    @Override
    public String toString() {
        return "HomeRegistration[instanceId=" + instanceId + ", instanceSecret=[redacted]]";
    }
}
