package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path dir;

    @Test
    void aCompleteMachinePasses() throws IOException {
        Fixture f = new Fixture(dir);

        assertEquals(List.of(), problems(f));
    }

    @Test
    void everyMissingPrerequisiteIsOneLineAndTheRunStopsWithExit2BeforeDoingAnything() throws IOException {
        Fixture f = new Fixture(dir);
        Files.writeString(f.jdk.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
        Files.delete(f.bin.resolve("mvn"));
        Files.delete(f.bin.resolve("npx"));
        f.env.remove("AWS_ACCESS_KEY_ID");
        Files.delete(f.home.resolve(".ask/cli_config"));
        f.env.put("LWA_CLIENT_ID", "amzn1.ask.skill.wrong");
        f.env.remove("LWA_CLIENT_SECRET");

        assertEquals(Deploy.USAGE, f.run());

        String out = f.output();
        for (String expected : List.of(
                "✗ JAVA_HOME=" + f.jdk + " is Java 17; a JDK 21 or newer is needed",
                "✗ mvn is not on PATH",
                "✗ npx is not on PATH",
                "✗ no AWS credentials",
                "✗ the ASK CLI is not configured: " + f.home.resolve(".ask/cli_config") + " is missing",
                "✗ LWA_CLIENT_ID does not look like a security profile's client id",
                "✗ LWA_CLIENT_SECRET is not set",
                "Nothing was changed.")) {
            assertTrue(out.contains(expected), "missing: " + expected + "\n" + out);
        }
        assertEquals(List.of("node --version"), f.runner.verbs(), "nothing but the node probe ran");
        assertTrue(Files.notExists(f.root.resolve(".deploy")));
    }

    @Test
    void anOldNodeAndAnUnknownAskProfileAreNamed() throws IOException {
        Fixture f = new Fixture(dir);
        f.runner.overrides.put("--version", c -> RecordingRunner.ok("v16.20.0\n"));
        f.env.put("ASK_PROFILE", "maintainers");

        List<String> problems = problems(f);

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("node is version 16; Node.js 18 or newer is needed"), problems.get(0));
        assertTrue(problems.get(1).startsWith("ASK_PROFILE maintainers is not in "), problems.get(1));
    }

    @Test
    void awsProfilesAreLookedUpInTheSharedFilesAndAskCredentialsMayComeFromTheEnvironment() throws IOException {
        Fixture f = new Fixture(dir);
        f.env.remove("AWS_ACCESS_KEY_ID");
        f.env.put("AWS_PROFILE", "music");
        Files.createDirectories(f.home.resolve(".aws"));
        Files.writeString(f.home.resolve(".aws/config"), "[profile other]\nregion = eu-west-1\n");
        assertEquals(
                List.of("AWS_PROFILE=music is in neither " + f.home.resolve(".aws/credentials") + " nor "
                        + f.home.resolve(".aws/config")),
                problems(f));

        Files.writeString(f.home.resolve(".aws/config"), "[profile music]\nsso_session = x\n");
        Files.delete(f.home.resolve(".ask/cli_config"));
        f.env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        f.env.put("ASK_REFRESH_TOKEN", "Atzr|token");
        f.env.put("ASK_VENDOR_ID", "MVENDOR");
        assertEquals(List.of(), problems(f), "AWS profile found; ASK CLI credentials from the environment");
    }

    @Test
    void optionalValuesAreCheckedBeforeAnythingIsCreated() throws IOException {
        Fixture f = new Fixture(dir);
        f.env.put("PRIVACY_POLICY_URL", "http://example.org/privacy");
        f.env.put("ALARM_EMAIL", "nobody");
        f.env.put("TABLE_PREFIX", "MA_");

        List<String> problems = problems(f);

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("PRIVACY_POLICY_URL must be an https:// URL"));
        assertTrue(problems.get(1).startsWith("ALARM_EMAIL is not an e-mail address"));
        assertTrue(problems.get(2).startsWith("TABLE_PREFIX must be lower-case"));
    }

    @Test
    void aConfigFileWithTheSecretMustBeOwnerOnlyAndTheEnvironmentWinsOverIt() throws IOException {
        Fixture f = new Fixture(dir);
        Path file = Files.writeString(
                dir.resolve("deploy.properties"),
                "LWA_CLIENT_SECRET=from-the-file-0123456789\nALARM_EMAIL=ops@example.org\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Options options = Options.parse(List.of("--config", file.toString()));
        DeployConfig config = DeployConfig.load(options, f.host());

        assertEquals(Fixture.LWA_SECRET, config.lwaClientSecret().value(), "the environment wins");
        assertEquals("ops@example.org", config.alarmEmail(), "the file fills in what the environment lacks");
        assertEquals(
                List.of(file + " holds LWA_CLIENT_SECRET and others may read it: chmod 600 " + file),
                Preflight.problems(options, config, f.host(), f.runner));
    }

    @Test
    void skipBuildNeedsTheJarsAlreadyBuilt() throws IOException {
        Fixture f = new Fixture(dir);
        Files.delete(f.root.resolve("lambda/target/ma-alexa-lambda.jar"));
        Options options = Options.parse(List.of("--skip-build"));

        List<String> problems = Preflight.problems(options, DeployConfig.load(options, f.host()), f.host(), f.runner);

        assertEquals(
                List.of(
                        "--skip-build, but lambda/target/ma-alexa-lambda.jar is missing (run once without --skip-build)"),
                problems);
    }

    private static List<String> problems(Fixture f) {
        Options options = Options.parse(List.of());
        return Preflight.problems(options, DeployConfig.load(options, f.host()), f.host(), f.runner);
    }
}
