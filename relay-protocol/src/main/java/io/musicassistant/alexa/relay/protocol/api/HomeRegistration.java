package io.musicassistant.alexa.relay.protocol.api;

/**
 * Answer to registration. The secret is shown exactly once; the cloud keeps only its hash.
 *
 * @param unknownHomeCheck the SHA-256 of the proof this deployment gives if it ever stops knowing the
 *     home ({@link UnknownHome}); the connector keeps it with the secret. Null from older clouds.
 */
public record HomeRegistration(String instanceId, String instanceSecret, String unknownHomeCheck) {

    public HomeRegistration(String instanceId, String instanceSecret) {
        this(instanceId, instanceSecret, null);
    }

    public HomeRegistration withUnknownHomeCheck(String check) {
        return new HomeRegistration(instanceId, instanceSecret, check);
    }

    @Override
    public String toString() {
        return "HomeRegistration[instanceId=" + instanceId + ", instanceSecret=[redacted]]";
    }
}
