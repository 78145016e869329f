package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackDeployTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void withoutLocalStackRunningItSaysSoAndStopsWithExit2() throws IOException {
        Fixture f = new Fixture(dir);

        int exit = run(f, Optional.empty(), "--localstack");

        assertEquals(Deploy.USAGE, exit);
        assertTrue(text().contains("LocalStack is not answering at http://localhost:4566/_localstack/health"), text());
        assertEquals(List.of(), f.runner.commands);
    }

    @Test
    void deploysTheSameAppWithCdklocalStandInIdsAndTheRegionAllowedThrough() throws IOException {
        Fixture f = new Fixture(dir);
        String health = """
                {"services": {"cloudformation": "running", "s3": "running", "ssm": "available", "iam": "available",
                 "sts": "available", "lambda": "running", "dynamodb": "running", "sqs": "running", "apigateway": "available",
                 "secretsmanager": "available", "sns": "available", "logs": "available"}, "edition": "community", "version": "4.9.0"}""";

        int exit = run(f, Optional.of(health), "--localstack", "--region", "eu-west-1", "--skip-build");

        assertEquals(Deploy.OK, exit, text());
        assertEquals(List.of("cdklocal bootstrap", "cdklocal deploy"), f.runner.verbs());
        Command deploy = f.runner.commands.get(1);
        assertTrue(deploy.argv()
                .containsAll(List.of(Tools.CDK_LOCAL_PACKAGE, Tools.CDK_PACKAGE, "MusicAssistantAlexa-local")));
        assertEquals("eu-west-1", RecordingRunner.context(deploy.argv(), "region"));
        assertEquals("ma-alexa-local-", RecordingRunner.context(deploy.argv(), "tablePrefix"));
        assertTrue(
                RecordingRunner.context(deploy.argv(), "musicSkillId").matches("amzn1\\.ask\\.skill\\.[0-9a-f-]{36}"));
        assertTrue(deploy.argv().stream()
                .noneMatch(a -> a.startsWith("alexaClientId=") || a.startsWith("AlexaClientSecret")));
        assertEquals("AWS_REGION,AWS_DEFAULT_REGION", deploy.env().get("AWS_ENVAR_ALLOWLIST"));
        assertTrue(f.runner.commands.get(0).argv().contains("aws://000000000000/eu-west-1"));
        assertTrue(text().contains("not available here: cloudwatch"), text());
        assertTrue(text().contains("relay API https://abc123.execute-api.eu-west-1.amazonaws.com"), text());
    }

    private int run(Fixture f, Optional<String> health, String... args) {
        Options options = Options.parse(List.of(args));
        return new LocalStackDeploy(
                        options,
                        f.host(),
                        f.runner,
                        new Redactor(),
                        new PrintStream(output, true, StandardCharsets.UTF_8),
                        uri -> health)
                .run();
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
