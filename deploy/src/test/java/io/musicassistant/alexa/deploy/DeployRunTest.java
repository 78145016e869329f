package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole deployment against {@link RecordingRunner}: order, parsing, state, secrets. */
class DeployRunTest {

    @TempDir
    Path dir;

    @Test
    void aFirstRunCreatesBothSkillsDeploysTheStackAndUpdatesTheSkillsInOrder() throws IOException {
        Fixture f = new Fixture(dir);

        assertEquals(Deploy.OK, f.run("--region", "eu-west-1"), f.output());

        assertEquals(
                List.of(
                        "node --version",
                        "mvn",
                        "create-upload-url",
                        "create-skill-package",
                        "get-import-status",
                        "get-import-status",
                        "create-upload-url",
                        "create-skill-package",
                        "get-import-status",
                        "get-import-status",
                        "get-skill-credentials",
                        "cdk bootstrap",
                        "cdk deploy",
                        "create-upload-url",
                        "import-skill-package",
                        "get-import-status",
                        "get-import-status",
                        "create-upload-url",
                        "import-skill-package",
                        "get-import-status",
                        "get-import-status",
                        "update-account-linking-info",
                        "update-account-linking-info",
                        "get-account-linking-info",
                        "get-account-linking-info"),
                f.runner.verbs());
        assertEquals(4, f.runner.uploads.size(), "one package upload per create and per update");
    }

    @Test
    void idsCredentialsAndOutputsParsedFromTheCliAnswersReachTheLaterCommandsAndTheState() throws IOException {
        Fixture f = new Fixture(dir);

        assertEquals(Deploy.OK, f.run("--region", "eu-west-1"), f.output());

        Command deploy = command(f, "deploy");
        assertEquals(RecordingRunner.MUSIC_ID, RecordingRunner.context(deploy.argv(), "musicSkillId"));
        assertEquals(RecordingRunner.CONTROL_ID, RecordingRunner.context(deploy.argv(), "controlSkillId"));
        assertEquals(RecordingRunner.MESSAGING_CLIENT_ID, RecordingRunner.context(deploy.argv(), "alexaClientId"));
        assertEquals(Fixture.LWA_CLIENT_ID, RecordingRunner.context(deploy.argv(), "lwaClientId"));
        assertEquals("eu-west-1", RecordingRunner.context(deploy.argv(), "region"));
        assertEquals("ma-alexa-", RecordingRunner.context(deploy.argv(), "tablePrefix"));
        assertTrue(
                deploy.argv().contains("AlexaClientSecret=" + RecordingRunner.MESSAGING_SECRET),
                "the messaging secret goes to the stack's NoEcho parameter");
        assertEquals("eu-west-1", deploy.env().get("AWS_REGION"));
        assertEquals("eu-west-1", deploy.env().get("CDK_DEFAULT_REGION"));
        assertEquals(f.root.resolve("infrastructure"), deploy.cwd());

        List<Command> imports = f.runner.commands.stream()
                .filter(c -> c.argv().contains("import-skill-package"))
                .toList();
        assertEquals(
                RecordingRunner.MUSIC_ID,
                imports.get(0).argv().get(imports.get(0).argv().indexOf("-s") + 1));
        assertEquals(
                RecordingRunner.CONTROL_ID,
                imports.get(1).argv().get(imports.get(1).argv().indexOf("-s") + 1));

        JsonNode state = Manifests.JSON.readTree(f.stateFile("prod").toFile());
        assertEquals(RecordingRunner.MUSIC_ID, state.path("musicSkillId").asText());
        assertEquals(RecordingRunner.CONTROL_ID, state.path("controlSkillId").asText());
        JsonNode eu = state.path("regions").path("eu-west-1");
        assertEquals(
                RecordingRunner.arn("eu-west-1", "music-skill"),
                eu.path("musicSkillEndpoint").asText());
        assertEquals(
                "https://abc123.execute-api.eu-west-1.amazonaws.com",
                eu.path("relayApiUrl").asText());

        String out = f.output();
        for (String url : RecordingRunner.REDIRECT_URLS) {
            assertTrue(out.contains(url), "return URL " + url + " printed");
        }
        assertTrue(out.contains("RELAY_API_URL=https://abc123.execute-api.eu-west-1.amazonaws.com"), out);
        assertTrue(out.contains("link my home with code"), "the pairing phrase is printed");
    }

    @Test
    void theUploadedPackagesCarryTheEndpointsOfTheDeployedRegionAndTheControlSkillsVoiceModels() throws IOException {
        Fixture f = new Fixture(dir);

        assertEquals(Deploy.OK, f.run("--region", "eu-west-1"), f.output());

        Path controlZip = f.root.resolve(".deploy/prod/control/skill-package.zip");
        try (ZipFile zip = new ZipFile(controlZip.toFile())) {
            assertNotNull(zip.getEntry("interactionModels/custom/de-DE.json"));
            assertNotNull(zip.getEntry("assets/images/icon-512.png"));
            assertEquals(null, zip.getEntry("account-linking.json"), "the LWA secret's template is never packaged");
            JsonNode manifest = Manifests.JSON.readTree(zip.getInputStream(zip.getEntry("skill.json")));
            String arn = RecordingRunner.arn("eu-west-1", "control-skill");
            assertEquals(
                    arn, manifest.at("/manifest/apis/smartHome/endpoint/uri").asText());
            assertEquals(
                    arn,
                    manifest.at("/manifest/apis/smartHome/regions/EU/endpoint/uri")
                            .asText());
            assertEquals(arn, manifest.at("/manifest/apis/custom/endpoint/uri").asText());
            assertEquals(arn, manifest.at("/manifest/events/endpoint/uri").asText());
        }
    }

    @Test
    void accountLinkingFilesHoldTheLwaClientAreOwnerOnlyAndAreDeletedRightAfter() throws IOException {
        Fixture f = new Fixture(dir);

        assertEquals(Deploy.OK, f.run(), f.output());

        assertEquals(2, f.runner.accountLinkingRequests.size());
        for (int i = 0; i < 2; i++) {
            JsonNode request = Manifests.JSON
                    .readTree(f.runner.accountLinkingRequests.get(i))
                    .path("accountLinkingRequest");
            assertEquals(Fixture.LWA_CLIENT_ID, request.path("clientId").asText());
            assertEquals(Fixture.LWA_SECRET, request.path("clientSecret").asText());
            assertEquals("rw-------", f.runner.accountLinkingPermissions.get(i));
            Path file = f.runner.accountLinkingFiles.get(i);
            assertTrue(file.startsWith(f.temp), "written to the host's temp dir: " + file);
            assertFalse(Files.exists(file), "deleted after the CLI ran: " + file);
        }
    }

    @Test
    void noSecretReachesTheOutputTheStateOrTheGeneratedFiles() throws IOException {
        Fixture f = new Fixture(dir);

        assertEquals(Deploy.OK, f.run(), f.output());

        String out = f.output();
        assertTrue(out.contains("AlexaClientSecret=" + Redactor.MASK), "the secret argument is shown masked");
        assertTrue(out.contains("--location '" + Redactor.MASK + "'"), "presigned upload URLs are masked");
        List<String> secrets = List.of(
                Fixture.LWA_SECRET,
                RecordingRunner.MESSAGING_SECRET,
                RecordingRunner.UPLOAD_SIGNATURE,
                Fixture.AWS_SECRET);
        try (var files = Files.walk(f.root.resolve(".deploy"))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".zip"))
                    .toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                secrets.forEach(s -> assertFalse(text.contains(s), file + " holds a secret"));
            }
        }
        secrets.forEach(s -> assertFalse(out.contains(s), "output holds a secret"));
    }

    @Test
    void aSecondRunUpdatesWithoutCreatingAndAddsARegionWithItsOwnEndpoints() throws IOException {
        Fixture f = new Fixture(dir);
        assertEquals(Deploy.OK, f.run("--region", "us-east-1"), f.output());
        f.runner.commands.clear();

        assertEquals(Deploy.OK, f.run("--region", "eu-west-1"), f.output());

        List<String> verbs = f.runner.verbs();
        assertFalse(verbs.contains("create-skill-package"), "no skill is created twice: " + verbs);
        assertEquals(2, verbs.stream().filter("import-skill-package"::equals).count());
        assertTrue(f.output().contains("exists: " + RecordingRunner.MUSIC_ID));
        JsonNode state = Manifests.JSON.readTree(f.stateFile("prod").toFile());
        assertEquals(
                List.of("us-east-1", "eu-west-1"),
                iterable(state.path("regions").fieldNames()));
        assertEquals(RecordingRunner.MUSIC_ID, state.path("musicSkillId").asText(), "the ids are kept");
        JsonNode manifest = Manifests.JSON.readTree(
                f.root.resolve(".deploy/prod/music/skill-package/skill.json").toFile());
        assertEquals(
                RecordingRunner.arn("us-east-1", "music-skill"),
                manifest.at("/manifest/apis/music/endpoint/uri").asText());
        assertEquals(
                RecordingRunner.arn("eu-west-1", "music-skill"),
                manifest.at("/manifest/apis/music/regions/EU/endpoint/uri").asText());
    }

    @Test
    void aFailingStepStopsWithItsNameCommandExitCodeAndLastLinesAndKeepsWhatWasDone() throws IOException {
        Fixture f = new Fixture(dir);
        f.runner.overrides.put(
                "deploy", c -> new Runner.Result(1, "", List.of("MusicAssistantAlexa failed: AccessDenied")));

        assertEquals(Deploy.FAILED, f.run(), f.output());

        String out = f.output();
        assertTrue(out.contains("✗ Step 6/11 failed: Deploying the AWS stack MusicAssistantAlexa in us-east-1"), out);
        assertTrue(out.contains("command:   npx --yes aws-cdk@2.1148.1 deploy MusicAssistantAlexa"), out);
        assertTrue(out.contains("exit code: 1"), out);
        assertTrue(out.contains("│ MusicAssistantAlexa failed: AccessDenied"), out);
        assertTrue(out.contains("run the same command again"), out);
        assertFalse(f.runner.verbs().contains("import-skill-package"), "nothing after the failed step runs");
        JsonNode state = Manifests.JSON.readTree(f.stateFile("prod").toFile());
        assertEquals(
                RecordingRunner.CONTROL_ID, state.path("controlSkillId").asText(), "ids saved before the failure stay");
        assertFalse(out.contains(RecordingRunner.MESSAGING_SECRET));
    }

    @Test
    void aFailedImportReportsSmapisReasonsAndKeepsTheNewSkillsId() throws IOException {
        Fixture f = new Fixture(dir);
        f.runner.overrides.put("get-import-status", c -> RecordingRunner.ok("""
                {"status": "FAILED", "errors": [], "skill": {"skillId": "%s", "resources": [
                 {"name": "Manifest", "status": "FAILED", "errors": [{"message": "Invalid category."}]}]}}""".formatted(RecordingRunner.MUSIC_ID)));

        assertEquals(Deploy.FAILED, f.run(), f.output());

        assertTrue(f.output().contains("Manifest: Invalid category."), f.output());
        assertTrue(f.output().contains("Step 3/11 failed: Creating the music skill"), f.output());
        JsonNode state = Manifests.JSON.readTree(f.stateFile("prod").toFile());
        assertEquals(RecordingRunner.MUSIC_ID, state.path("musicSkillId").asText(), "a re-run updates it instead");
    }

    @Test
    void aStageHasItsOwnStateStackNameAndTablePrefix() throws IOException {
        Fixture f = new Fixture(dir);

        assertEquals(Deploy.OK, f.run("--stage", "beta"), f.output());

        Command deploy = command(f, "deploy");
        assertTrue(deploy.argv().contains("MusicAssistantAlexa-beta"));
        assertEquals("ma-alexa-beta-", RecordingRunner.context(deploy.argv(), "tablePrefix"));
        assertTrue(Files.exists(f.stateFile("beta")));
        assertFalse(Files.exists(f.stateFile("prod")));
    }

    private static Command command(Fixture f, String word) {
        return f.runner.commands.stream()
                .filter(c -> c.argv().contains(word))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no command with " + word));
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
