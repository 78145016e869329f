package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.stack.AlexaRegion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToNorthAmericaAndStageProd() {
        Options options = Options.parse(List.of());

        assertEquals(AlexaRegion.NA, options.region());
        assertEquals("prod", options.stage());
    }

    @Test
    void takesValuesAfterTheFlagOrAfterAnEqualsSign() {
        Options options = Options.parse(
                List.of("--region=us-west-2", "--stage", "beta", "--skip-build", "--config", "x.properties"));

        assertEquals(AlexaRegion.FE, options.region());
        assertEquals("beta", options.stage());
        assertTrue(options.skipBuild());
        assertEquals(Path.of("x.properties"), options.configFile());
    }

    @Test
    void refusesWhatNoRunCanUse() {
        assertTrue(assertThrows(UsageException.class, () -> Options.parse(List.of("--region", "eu-central-1")))
                .getMessage()
                .contains("us-east-1 (NA), eu-west-1 (EU), us-west-2 (FE)"));
        assertThrows(UsageException.class, () -> Options.parse(List.of("--stage", "Prod_2")));
        assertThrows(UsageException.class, () -> Options.parse(List.of("--synth")));
        assertThrows(UsageException.class, () -> Options.parse(List.of("--region")));
        assertThrows(UsageException.class, () -> Options.parse(List.of("--force")));
        assertTrue(
                assertThrows(UsageException.class, () -> Options.parse(List.of("--skip-build=false")))
                        .getMessage()
                        .contains("takes no value"),
                "a flag given a value is not silently on");
    }

    @Test
    void aUsageErrorExitsWith2AndPrintsTheUsage() throws Exception {
        Fixture f = new Fixture(dir);

        assertEquals(Deploy.USAGE, f.run("--region", "eu-central-1"));

        assertTrue(f.output().startsWith("error: --region must be one of"), f.output());
        assertTrue(f.output().contains("usage: scripts/deploy"));
        assertEquals(List.of(), f.runner.commands, "nothing ran");
    }
}
