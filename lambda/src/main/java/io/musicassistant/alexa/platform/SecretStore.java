package io.musicassistant.alexa.platform;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * The deployment's secrets in AWS Secrets Manager (infrastructure/ creates them). A failure names the
 * secret and the reason but never a value; a secret that is empty or binary counts as missing.
 */
public final class SecretStore {

    private final SecretsManagerClient client;

    public SecretStore(SecretsManagerClient client) {
        this.client = client;
    }

    public String read(String secretArn) {
        try {
            String value = client.getSecretValue(b -> b.secretId(secretArn)).secretString();
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("secret " + secretArn + " has no text value");
            }
            return value;
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null
                    ? "status " + e.statusCode()
                    : e.awsErrorDetails().errorCode();
            throw new IllegalStateException("secret " + secretArn + " cannot be read: " + code);
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "secret " + secretArn + " cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
