package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The real SDK calls against Moto's Secrets Manager on the loopback (skipped where no python3 has
 * Moto, as the local stack's tests are): a secret as the stack creates it, read, written and read
 * back; the endpoint and credentials come in the SDK's own ways (aws.endpointUrl, aws.accessKeyId).
 */
class SecretsManagerStoreTest {

    static Process moto;
    static int port;

    @BeforeAll
    static void moto() throws Exception {
        String python = System.getenv().getOrDefault("MOTO_PYTHON", "python3");
        boolean available;
        try {
            available = new ProcessBuilder(python, "-c", "import moto.server, flask, werkzeug")
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            available = false;
        }
        assumeTrue(available, "needs a python3 with moto[server]");
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        moto = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (IOException notYet) {
                assumeTrue(moto.isAlive() && Instant.now().isBefore(deadline), "Moto's server did not start");
                Thread.sleep(100);
            }
        }
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:" + port);
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        System.clearProperty("aws.endpointUrl");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (moto != null) {
            moto.destroy();
            if (!moto.waitFor(10, TimeUnit.SECONDS)) {
                moto.destroyForcibly();
            }
        }
    }

    @Test
    void readsTheStacksPlaceholderWritesTheCredentialsAndReadsThemBack() throws IOException {
        String arn;
        try (SecretsManagerClient admin = SecretsManagerClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            arn = admin.createSecret(r -> r.name("test-smapi").secretString(RecordingRunner.SMAPI_PLACEHOLDER))
                    .arn();
        }
        SecretsManagerStore.Target target = new SecretsManagerStore.Target("eu-west-1", arn, null);

        Optional<String> before = SecretsManagerStore.read(target);
        assertEquals(Optional.of(RecordingRunner.SMAPI_PLACEHOLDER), before);
        assertTrue(SmapiCredentials.parse(before).isEmpty(), "the placeholder is not credentials");

        SmapiCredentials credentials = new SmapiCredentials(
                Fixture.LWA_CLIENT_ID,
                new Secret(Fixture.LWA_SECRET),
                new Secret(RecordingRunner.REFRESH_TOKEN),
                "MVENDOR");
        SecretsManagerStore.write(target, credentials.json());

        SmapiCredentials back =
                SmapiCredentials.parse(SecretsManagerStore.read(target)).orElseThrow();
        assertEquals(Fixture.LWA_CLIENT_ID, back.clientId());
        assertEquals(Fixture.LWA_SECRET, back.clientSecret().value());
        assertEquals(RecordingRunner.REFRESH_TOKEN, back.refreshToken().value());
        assertEquals("MVENDOR", back.vendorId());
    }

    @Test
    void aMissingSecretIsNamedWithoutAStackTrace() {
        SecretsManagerStore.Target target = new SecretsManagerStore.Target(
                "eu-west-1", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:nothing-here-AbCdEf", null);

        IOException missing = assertThrows(IOException.class, () -> SecretsManagerStore.read(target));

        assertTrue(missing.getMessage().contains("does not exist in eu-west-1"), missing.getMessage());
        assertFalse(missing.getMessage().contains("\n"));
    }
}
