package io.musicassistant.alexa.deploy;

import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The stack's secrets, read and written with the AWS SDK: the one value the deploy puts into AWS
 * itself, because no CLI it runs can take a secret except on its command line (which other users of
 * the machine can see) and CloudFormation would keep a parameter's value with the stack. Credentials
 * are found as the CDK CLI finds them (environment, AWS_PROFILE, ~/.aws, SSO, web identity); an
 * endpoint override comes from AWS_ENDPOINT_URL as everywhere in the SDK. SDK messages name the
 * problem (AccessDenied, no credentials) and never the value.
 */
final class SecretsManagerStore {

    /**
     * Which secret, where, as whom.
     *
     * @param awsProfile AWS_PROFILE from the deploy's configuration, or null for the default chain
     */
    record Target(String region, String secretArn, String awsProfile) {}

    private SecretsManagerStore() {}

    /** The secret's current value, empty when it has none. */
    static Optional<String> read(Target target) throws IOException {
        try (SecretsManagerClient client = client(target)) {
            GetSecretValueResponse response = client.getSecretValue(r -> r.secretId(target.secretArn()));
            return Optional.ofNullable(response.secretString());
        } catch (ResourceNotFoundException e) {
            throw new IOException("the stack's secret " + target.secretArn() + " does not exist in " + target.region());
        } catch (SdkException e) {
            throw new IOException("Secrets Manager: " + e.getMessage());
        }
    }

    static void write(Target target, Secret value) throws IOException {
        try (SecretsManagerClient client = client(target)) {
            client.putSecretValue(r -> r.secretId(target.secretArn()).secretString(value.value()));
        } catch (SdkException e) {
            throw new IOException("Secrets Manager: " + e.getMessage());
        }
    }

    private static SecretsManagerClient client(Target target) {
        AwsCredentialsProvider credentials = target.awsProfile() == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(target.awsProfile());
        return SecretsManagerClient.builder()
                .region(Region.of(target.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
