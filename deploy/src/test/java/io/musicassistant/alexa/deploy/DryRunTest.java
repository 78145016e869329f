package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {

    @TempDir
    Path dir;

    @Test
    void listsEveryStepAndEveryCommandRunsNoneThatNeedsAnAccountAndWritesNothing() throws IOException {
        Fixture f = new Fixture(dir);

        assertEquals(Deploy.OK, f.run("--dry-run", "--region", "us-west-2"), f.output());

        String out = f.output();
        Plan plan = Plan.of(
                Options.parse(List.of("--region", "us-west-2")),
                DeployConfig.load(Options.parse(List.of("--region", "us-west-2")), f.host()),
                DeployState.empty());
        for (int i = 0; i < plan.steps().size(); i++) {
            String header = "[" + (i + 1) + "/11] " + plan.steps().get(i).title() + " …";
            assertTrue(out.contains(header), "missing " + header);
        }
        for (String verb : List.of(
                "create-upload-url",
                "create-skill-package",
                "get-import-status",
                "get-skill-credentials",
                "aws-cdk@2.1148.1 bootstrap aws://unknown-account/us-west-2",
                "aws-cdk@2.1148.1 deploy MusicAssistantAlexa",
                "import-skill-package",
                "update-account-linking-info",
                "get-account-linking-info")) {
            assertTrue(out.contains(verb), "command not shown: " + verb);
        }
        assertTrue(
                out.contains("'musicSkillId=<music skill id from step 3>'"), "placeholders flow into later commands");
        assertTrue(out.contains("\"FE\""), "the rendered endpoint section names the FE region");
        assertEquals(List.of("node --version"), f.runner.verbs(), "only the local node probe ran");
        assertFalse(Files.exists(f.root.resolve(".deploy")), "a dry run writes nothing");
        assertTrue(f.runner.uploads.isEmpty());
    }

    @Test
    void showsNoSecretEvenWhenAllAreSet() throws IOException {
        Fixture f = new Fixture(dir);
        f.env.put("ASK_REFRESH_TOKEN", "Atzr|refresh-token-0123456789");

        assertEquals(Deploy.OK, f.run("--dry-run"), f.output());

        String out = f.output();
        for (String secret : List.of(Fixture.LWA_SECRET, Fixture.AWS_SECRET, "Atzr|refresh-token-0123456789")) {
            assertFalse(out.contains(secret), "the dry run shows a secret");
        }
        assertTrue(out.contains("AlexaClientSecret=" + Redactor.MASK), out);
    }

    @Test
    void runsOnAMachineWithNoAccountsAndSaysWhereARealRunWouldStop() throws IOException {
        Fixture f = new Fixture(dir);
        f.env.remove("LWA_CLIENT_ID");
        f.env.remove("LWA_CLIENT_SECRET");
        f.env.remove("AWS_ACCESS_KEY_ID");
        Files.delete(f.home.resolve(".ask/cli_config"));

        assertEquals(Deploy.OK, f.run("--dry-run"), f.output());

        String out = f.output();
        assertTrue(out.contains("a real deploy would stop here: LWA_CLIENT_ID is not set"), out);
        assertTrue(out.contains("a real deploy would stop here: no AWS credentials"), out);
        assertTrue(out.contains("lwaClientId=<LWA_CLIENT_ID>"), "placeholders stand in for the missing values");
        assertTrue(out.contains("[11/11]"), out);
    }
}
