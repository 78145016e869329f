package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step 10: the catalog build's SMAPI credentials. The developer's consent through Login with Amazon
 * (the recording runner plays the sign-in), written with the vendor id into the stack's SMAPI secret
 * (the recording runner plays Secrets Manager), never shown, asked for once.
 */
class CatalogAuthorizationTest {

    static final String STEP =
            "[10/11] Giving the catalog build its SMAPI credentials (Login with Amazon consent into Secrets Manager) …";

    @TempDir
    Path dir;

    @Test
    void aDryRunShowsTheSignInAndTheSecretWithEverySecretMaskedAndUsesNoAccount() throws IOException {
        Fixture f = new Fixture(dir);

        assertEquals(Deploy.OK, f.run("--dry-run", "--region", "eu-west-1"), f.output());

        String out = f.output();
        String step = out.substring(out.indexOf(STEP), out.indexOf("[11/11]"));
        assertTrue(step.contains("Secrets Manager GetSecretValue <SmapiSecretArn from step 6>"), step);
        assertTrue(
                step.contains("https://www.amazon.com/ap/oa?client_id=" + Fixture.LWA_CLIENT_ID
                        + "&scope=alexa%3A%3Aask%3Acatalogs%3Aread+alexa%3A%3Aask%3Acatalogs%3Areadwrite+alexa%3A%3Aask%3Askills%3Areadwrite"
                        + "&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A9090%2Fcb&state="),
                step);
        assertTrue(
                step.contains("a real run waits here up to 10 minutes for the redirect to http://127.0.0.1:9090/cb"),
                step);
        assertTrue(
                step.contains(
                        "POST https://api.amazon.com/auth/o2/token grant_type=authorization_code code=**** client_id="
                                + Fixture.LWA_CLIENT_ID + " client_secret=****"),
                step);
        assertTrue(
                step.contains("Secrets Manager PutSecretValue <SmapiSecretArn from step 6> {\"client_id\":\""
                        + Fixture.LWA_CLIENT_ID
                        + "\",\"client_secret\":\"****\",\"refresh_token\":\"****\",\"vendor_id\":\"MVENDOR\"}"),
                step);
        assertFalse(out.contains(Fixture.LWA_SECRET));
        assertFalse(out.contains(DryRunRunner.REFRESH_TOKEN), "even the stand-in token is shown masked");
        assertEquals(List.of("node --version"), f.runner.verbs(), "only the local node probe ran");
        assertEquals(List.of(), f.runner.grants, "nobody was asked to sign in");
        assertEquals(List.of(), f.runner.secretReads);
        assertEquals(List.of(), f.runner.secretWrites);
    }

    @Test
    void aDryRunWithoutAnyAccountStillShowsTheStepWithStandIns() throws IOException {
        Fixture f = new Fixture(dir);
        f.env.remove("LWA_CLIENT_ID");
        f.env.remove("LWA_CLIENT_SECRET");
        f.env.remove("AWS_ACCESS_KEY_ID");
        Files.delete(f.home.resolve(".ask/cli_config"));

        assertEquals(Deploy.OK, f.run("--dry-run"), f.output());

        String out = f.output();
        assertTrue(out.contains(STEP), out);
        assertTrue(out.contains("client_id=%3CLWA_CLIENT_ID%3E"), "the placeholder client in the sign-in URL");
        assertTrue(out.contains("\"vendor_id\":\"<vendor id of ASK profile default>\""), out);
        assertFalse(out.contains("<LWA_CLIENT_SECRET>"), "the stand-in secret is masked like a real one");
    }

    @Test
    void aRealRunAsksForConsentOnceAndWritesClientSecretTokenAndVendorIntoTheStacksSecret() throws IOException {
        Fixture f = new Fixture(dir);
        f.env.put("AWS_PROFILE", "deployer");
        Files.createDirectories(f.home.resolve(".aws"));
        Files.writeString(
                f.home.resolve(".aws/credentials"), "[deployer]\naws_access_key_id=x\naws_secret_access_key=y\n");

        assertEquals(Deploy.OK, f.run("--region", "eu-west-1"), f.output());

        assertEquals(1, f.runner.grants.size());
        LwaLogin.Grant grant = f.runner.grants.getFirst();
        assertEquals(
                Fixture.LWA_CLIENT_ID, grant.clientId(), "the deploy's own security profile, not the ASK CLI's client");
        assertEquals(Fixture.LWA_SECRET, grant.clientSecret().value());
        assertEquals(LwaLogin.SCOPES, grant.scopes());
        String arn = RecordingRunner.smapiSecretArn("eu-west-1");
        assertEquals(
                List.of(new SecretsManagerStore.Target("eu-west-1", arn, "deployer")),
                f.runner.secretWrites,
                "the region's secret, with the deploy's AWS profile");
        JsonNode value = Manifests.JSON.readTree(f.runner.secrets.get(arn));
        assertEquals(
                Map.of(
                        "client_id",
                        Fixture.LWA_CLIENT_ID,
                        "client_secret",
                        Fixture.LWA_SECRET,
                        "refresh_token",
                        RecordingRunner.REFRESH_TOKEN,
                        "vendor_id",
                        "MVENDOR"),
                Manifests.JSON.convertValue(value, Map.class),
                "the JSON docs/catalogs.md names");

        String out = f.output();
        assertTrue(out.contains(f.runner.shownUrls.getFirst().toString()), "the page to open is printed");
        assertTrue(
                out.contains(
                        "✓ the catalog build calls SMAPI as vendor MVENDOR through client " + Fixture.LWA_CLIENT_ID),
                out);
        assertFalse(out.contains(RecordingRunner.REFRESH_TOKEN));
        assertFalse(out.contains(Fixture.LWA_SECRET));
        String state = Files.readString(f.stateFile("prod"));
        assertTrue(state.contains(arn), "the secret's ARN is remembered with the region's outputs");
        assertFalse(state.contains(RecordingRunner.REFRESH_TOKEN) || state.contains(Fixture.LWA_SECRET));
        assertTrue(
                out.indexOf(STEP) < out.indexOf("[11/11]")
                        && out.indexOf("update-account-linking-info") < out.indexOf(STEP),
                "after the skills are linked, before the summary");
    }

    @Test
    void aSecondRunKeepsTheCredentialsUnlessToldToAskAgain() throws IOException {
        Fixture f = new Fixture(dir);
        assertEquals(Deploy.OK, f.run(), f.output());
        String first = f.runner.secrets.get(RecordingRunner.smapiSecretArn("us-east-1"));

        assertEquals(Deploy.OK, f.run(), f.output());

        assertEquals(1, f.runner.grants.size(), "no second sign-in");
        assertEquals(1, f.runner.secretWrites.size());
        assertTrue(f.output()
                .contains("already authorized for client " + Fixture.LWA_CLIENT_ID + " and vendor MVENDOR; kept"));
        assertEquals(first, f.runner.secrets.get(RecordingRunner.smapiSecretArn("us-east-1")));

        assertEquals(Deploy.OK, f.run("--reauthorize-catalogs"), f.output());

        assertEquals(2, f.runner.grants.size(), "--reauthorize-catalogs signs in again");
        assertEquals(2, f.runner.secretWrites.size());
    }

    @Test
    void aNewClientSecretIsWrittenWithTheTokenAlreadyThereWithoutASignIn() throws IOException {
        Fixture f = new Fixture(dir);
        assertEquals(Deploy.OK, f.run(), f.output());
        f.env.put("LWA_CLIENT_SECRET", "rotated-secret-0123456789abcdef");

        assertEquals(Deploy.OK, f.run(), f.output());

        assertEquals(1, f.runner.grants.size());
        JsonNode value = Manifests.JSON.readTree(f.runner.secrets.get(RecordingRunner.smapiSecretArn("us-east-1")));
        assertEquals(
                "rotated-secret-0123456789abcdef", value.path("client_secret").asText());
        assertEquals(RecordingRunner.REFRESH_TOKEN, value.path("refresh_token").asText());
        assertFalse(f.output().contains("rotated-secret-0123456789abcdef"));
    }

    @Test
    void aRefreshTokenFromTheEnvironmentAndAnotherSecurityProfileNeedNoBrowser() throws IOException {
        Fixture f = new Fixture(dir);
        String token = "Atzr|IwEBIfrom-ci-0123456789abcdefghij";
        String otherSecret = "smapi-profile-secret-0123456789";
        f.env.put("SMAPI_CLIENT_ID", "amzn1.application-oa2-client.smapi0123");
        f.env.put("SMAPI_CLIENT_SECRET", otherSecret);
        f.env.put("SMAPI_REFRESH_TOKEN", token);

        assertEquals(Deploy.OK, f.run("--region", "us-west-2"), f.output());

        assertEquals(List.of(), f.runner.grants);
        JsonNode value = Manifests.JSON.readTree(f.runner.secrets.get(RecordingRunner.smapiSecretArn("us-west-2")));
        assertEquals(
                "amzn1.application-oa2-client.smapi0123",
                value.path("client_id").asText());
        assertEquals(otherSecret, value.path("client_secret").asText());
        assertEquals(token, value.path("refresh_token").asText());
        String out = f.output();
        assertTrue(out.contains("refresh token from SMAPI_REFRESH_TOKEN"), out);
        assertFalse(out.contains(token) || out.contains(otherSecret), "both are masked");
        for (Command command : f.runner.commands) {
            assertFalse(
                    command.argv().stream().anyMatch(a -> a.contains(token) || a.contains(otherSecret)),
                    "no child process is given them: " + command.argv());
        }
    }

    @Test
    void withAskCredentialsInTheEnvironmentTheVendorComesFromAskVendorId() throws IOException {
        Fixture f = new Fixture(dir);
        f.env.put("ASK_REFRESH_TOKEN", "Atzr|IwEBIask-cli-token-0123456789");
        f.env.put("ASK_VENDOR_ID", "M2VENDOR");

        assertEquals(Deploy.OK, f.run(), f.output());

        JsonNode value = Manifests.JSON.readTree(f.runner.secrets.get(RecordingRunner.smapiSecretArn("us-east-1")));
        assertEquals("M2VENDOR", value.path("vendor_id").asText());
        assertFalse(value.toString().contains("ask-cli-token"), "the ASK CLI's token is never the catalog build's");
    }

    @Test
    void aRefusedSignInFailsTheStepAndWritesNothing() throws IOException {
        Fixture f = new Fixture(dir);
        f.runner.signIn = grant -> {
            throw new UncheckedIOException(
                    new IOException("Login with Amazon answered access_denied: the access was not allowed"));
        };

        assertEquals(Deploy.FAILED, f.run(), f.output());

        String out = f.output();
        assertTrue(out.contains("✗ Step 10/11 failed: Giving the catalog build its SMAPI credentials"), out);
        assertTrue(out.contains("access_denied"), out);
        assertEquals(List.of(), f.runner.secretWrites);
        assertFalse(out.contains("Deployed."), "the summary comes only after every step");
    }

    @Test
    void theSmapiKeysArePreflighted() throws IOException {
        Fixture f = new Fixture(dir);
        f.env.put("SMAPI_CLIENT_ID", "amzn1.application-oa2-client.smapi0123");
        f.env.put("SMAPI_REFRESH_TOKEN", "not-a-refresh-token");

        assertEquals(Deploy.USAGE, f.run(), f.output());

        String out = f.output();
        assertTrue(out.contains("SMAPI_CLIENT_ID is set but SMAPI_CLIENT_SECRET is not"), out);
        assertTrue(out.contains("SMAPI_REFRESH_TOKEN does not look like a Login with Amazon refresh token"), out);
        assertFalse(out.contains("not-a-refresh-token"), "a near-miss is still a secret");
        assertEquals(List.of("node --version"), f.runner.verbs(), "nothing ran");
    }

    @Test
    void aConfigFileWithASmapiSecretMustBeOwnerOnly() throws IOException {
        Fixture f = new Fixture(dir);
        Path config = Files.writeString(
                dir.resolve("deploy.properties"), "SMAPI_REFRESH_TOKEN=Atzr|IwEBIfile-0123456789abcdef\n");
        Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(Deploy.USAGE, f.run("--config", config.toString()), f.output());

        assertTrue(f.output().contains("holds SMAPI_REFRESH_TOKEN and others may read it: chmod 600"), f.output());
    }
}
