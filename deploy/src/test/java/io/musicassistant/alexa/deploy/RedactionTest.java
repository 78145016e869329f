package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.musicassistant.alexa.stack.AlexaRegion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {

    private static final String SECRET = "s3cr3t/with\"quote-0123";

    @TempDir
    Path dir;

    @Test
    void masksEveryKnownSecretAlsoAsJsonSpellsIt() {
        Redactor redactor = new Redactor();
        redactor.add(new Secret(SECRET));
        redactor.add("abc"); // too short to be a secret; masking it would garble ordinary text

        assertEquals(
                "token=**** and \"****\" abc",
                redactor.redact("token=" + SECRET + " and \"s3cr3t\\/with\\\"quote-0123\" abc"));
    }

    @Test
    void aSecretsTextIsTheMask() {
        Secret secret = new Secret(SECRET);

        assertEquals(Redactor.MASK, secret.toString());
        assertFalse(
                new DeployConfig(
                                AlexaRegion.NA,
                                "prod",
                                "id",
                                secret,
                                "default",
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "ma-alexa-")
                        .toString()
                        .contains(SECRET),
                "records holding a secret print it masked");
    }

    @Test
    void echoedCommandsAreMasked() {
        Redactor redactor = new Redactor();
        redactor.add(SECRET);
        Command command = new Command(
                List.of("cdk", "deploy", "--parameters", "AlexaClientSecret=" + SECRET),
                dir,
                Map.of(),
                Command.Output.STREAM,
                false,
                null);

        assertEquals("cdk deploy --parameters 'AlexaClientSecret=****'", command.display(redactor));
    }

    @Test
    void aChildsStreamedAndKeptOutputIsMaskedAndSecretStdoutIsNeverKept() throws IOException {
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh), "needs /bin/sh to start a real child process");
        Redactor redactor = new Redactor();
        redactor.add(SECRET);
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        ProcessRunner runner = new ProcessRunner(redactor, new PrintStream(shown, true, StandardCharsets.UTF_8));
        String script = "echo \"out $SECRET\"; echo \"err $SECRET\" >&2; exit 3";
        Map<String, String> env = Map.of("SECRET", SECRET);

        Runner.Result streamed = runner.run(
                new Command(List.of(sh.toString(), "-c", script), dir, env, Command.Output.STREAM, true, null));
        Runner.Result captured = runner.run(
                new Command(List.of(sh.toString(), "-c", script), dir, env, Command.Output.CAPTURE, true, null));
        Runner.Result secret = runner.run(
                new Command(List.of(sh.toString(), "-c", script), dir, env, Command.Output.SECRET, true, null));

        String screen = shown.toString(StandardCharsets.UTF_8);
        assertTrue(screen.contains("out ****") && screen.contains("err ****"), screen);
        assertFalse(screen.contains(SECRET));
        assertEquals(3, streamed.exitCode());
        assertTrue(
                streamed.tail().containsAll(List.of("out ****", "err ****")),
                streamed.tail().toString());
        assertEquals("out " + SECRET + "\n", captured.stdout(), "captured stdout is kept as is, for parsing only");
        assertTrue(
                captured.tail().containsAll(List.of("out ****", "err ****")),
                captured.tail().toString());
        assertEquals(List.of("err ****"), secret.tail(), "stdout that carries credentials is never kept for display");
        assertEquals(2, screen.lines().count(), "only the streamed command was shown");
    }
}
