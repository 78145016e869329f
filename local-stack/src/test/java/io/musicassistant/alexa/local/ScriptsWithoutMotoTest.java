package io.musicassistant.alexa.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On a machine without Moto, every script that needs it says in one line what to install and exits
 * non-zero, before building anything and without a stack trace.
 */
class ScriptsWithoutMotoTest {

    @Test
    void eachScriptThatNeedsMotoSaysWhatToInstallInOneLine() throws Exception {
        for (String script : List.of("demo", "test", "bench", "local-up")) {
            ProcessBuilder run = new ProcessBuilder(
                            "bash",
                            DocsTest.ROOT.resolve("scripts").resolve(script).toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            // An interpreter that exists but has no Moto: what a machine with only Debian's python3 looks like.
            run.environment().put("MOTO_PYTHON", "/bin/false");
            Process process = run.start();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), script);
            assertNotEquals(0, process.exitValue(), script);
            assertEquals(1, stderr.lines().count(), script + ": " + stderr);
            assertTrue(
                    stderr.startsWith("error: Moto's server is needed")
                            && stderr.contains("pip install \"moto[server]\""),
                    script + ": " + stderr);
            assertFalse(stderr.contains("Exception"), script);
        }
    }
}
