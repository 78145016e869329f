package io.musicassistant.alexa.relay.protocol.api;

/**
 * {@code POST /v1/homes/{id}/credentials}: how the connector reaches its queue and reply rows.
 *
 * @param mode {@code aws} (short-lived STS credentials scoped to this home) or {@code local} (emulators)
 * @param region AWS region of the queue and table
 * @param queueUrl the home's own relay queue
 * @param replyTable the reply table; the home may write only rows keyed {@code <instance id>#…}
 * @param sqsEndpoint endpoint override, set only in local mode
 * @param dynamodbEndpoint endpoint override, set only in local mode
 * @param accessKeyId credential
 * @param secretAccessKey credential
 * @param sessionToken credential (aws mode)
 * @param expiresAtMs when the credentials stop working; fetch new ones well before
 * @param unknownHomeCheck as in {@link HomeRegistration}: lets homes registered before it existed learn it
 */
public record RelayAccess(
        String mode,
        String region,
        String queueUrl,
        String replyTable,
        String sqsEndpoint,
        String dynamodbEndpoint,
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        long expiresAtMs,
        String unknownHomeCheck) {

    public RelayAccess(
            String mode,
            String region,
            String queueUrl,
            String replyTable,
            String sqsEndpoint,
            String dynamodbEndpoint,
            String accessKeyId,
            String secretAccessKey,
            String sessionToken,
            long expiresAtMs) {
        this(
                mode,
                region,
                queueUrl,
                replyTable,
                sqsEndpoint,
                dynamodbEndpoint,
                accessKeyId,
                secretAccessKey,
                sessionToken,
                expiresAtMs,
                null);
    }

    public RelayAccess withUnknownHomeCheck(String check) {
        return new RelayAccess(
                mode,
                region,
                queueUrl,
                replyTable,
                sqsEndpoint,
                dynamodbEndpoint,
                accessKeyId,
                secretAccessKey,
                sessionToken,
                expiresAtMs,
                check);
    }

    public static final String MODE_AWS = "aws";
    public static final String MODE_LOCAL = "local";

    @Override
    public String toString() {
        return "RelayAccess[mode=" + mode + ", region=" + region + ", queueUrl=" + queueUrl + ", replyTable="
                + replyTable + ", expiresAtMs=" + expiresAtMs + ", credentials=[redacted]]";
    }
}
