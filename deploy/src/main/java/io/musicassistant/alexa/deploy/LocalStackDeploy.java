package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.stack.ContextKey;
import io.musicassistant.alexa.stack.StackRules;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code scripts/localstack-deploy}: the same CDK app into a running LocalStack through cdklocal,
 * with stand-in skill ids and no skills. Alexa cannot call a Lambda in LocalStack, so this shows
 * whether the stack deploys and gives a relay API to point a connector at, no more
 * (docs/deployment.md#localstack).
 */
final class LocalStackDeploy {

    static final URI HEALTH = URI.create("http://localhost:4566/_localstack/health");
    static final String STACK_NAME = StackRules.DEFAULT_STACK_NAME + "-local";
    static final String TABLE_PREFIX = "ma-alexa-local-";
    /** LocalStack's default account. */
    static final String ACCOUNT = "000000000000";
    /** The stack's services as LocalStack's health endpoint names them. */
    static final List<String> SERVICES = List.of(
            "cloudformation",
            "s3",
            "ssm",
            "iam",
            "sts",
            "lambda",
            "dynamodb",
            "sqs",
            "apigateway",
            "secretsmanager",
            "sns",
            "cloudwatch",
            "logs");

    private static final int STEPS = 4;

    private final Options options;
    private final Host host;
    private final Runner runner;
    private final Progress progress;
    private final Function<URI, Optional<String>> fetch;

    /** @param fetch GETs a URL: its body, or empty when nothing answers */
    LocalStackDeploy(
            Options options,
            Host host,
            Runner runner,
            Redactor redactor,
            PrintStream out,
            Function<URI, Optional<String>> fetch) {
        this.options = options;
        this.host = host;
        this.runner = runner;
        this.progress = new Progress(out, redactor, runner, STEPS);
        this.fetch = fetch;
    }

    int run() {
        String region = options.region().awsRegion();
        progress.line("Music Assistant for Alexa: deploying the stack into LocalStack (" + region + ")"
                + (options.dryRun() ? "; dry run, nothing is changed" : ""));
        progress.step(1, "Checking LocalStack at " + HEALTH.getHost() + ":" + HEALTH.getPort());
        if (!healthy() && !options.dryRun()) {
            return Deploy.USAGE;
        }
        try {
            progress.step(
                    2,
                    options.skipBuild()
                            ? "Using the jars already built (--skip-build)"
                            : "Building the Lambda jar and the CDK app");
            if (!options.skipBuild()) {
                progress.exec(new Command(Tools.build(), host.root(), Map.of(), Command.Output.STREAM, true, null));
            }
            Map<String, String> env = Tools.cdkEnvironment(region);
            // cdklocal 3 drops every AWS_* variable it is not told to keep, the region included
            env.put("AWS_ENVAR_ALLOWLIST", "AWS_REGION,AWS_DEFAULT_REGION");
            progress.step(3, "Bootstrapping CDK in LocalStack");
            if (!options.dryRun()) {
                Files.createDirectories(host.deployDir());
            }
            progress.exec(new Command(
                    Tools.cdklocal("bootstrap", "aws://" + ACCOUNT + "/" + region),
                    host.deployDir(),
                    env,
                    Command.Output.STREAM,
                    false,
                    null));
            progress.step(4, "Deploying " + STACK_NAME + " with cdklocal");
            Path outputs = host.deployDir().resolve("localstack-" + region + "-outputs.json");
            List<String> argv = new ArrayList<>(Tools.cdklocal(
                    "deploy", STACK_NAME, "--require-approval", "never", "--outputs-file", outputs.toString()));
            argv.addAll(ContextKey.arguments(context(region)));
            progress.exec(
                    new Command(argv, host.root().resolve("infrastructure"), env, Command.Output.STREAM, false, null));
            if (options.dryRun()) {
                progress.ok("would write " + host.show(outputs));
                return Deploy.OK;
            }
            StackOutputs stack = StackOutputs.read(outputs, STACK_NAME);
            progress.ok("relay API " + stack.relayApiUrl() + " (RELAY_API_URL for a connector)");
            progress.ok("music endpoint " + stack.musicSkillEndpoint() + ", control endpoint "
                    + stack.controlSkillEndpoint());
            progress.line(
                    "Alexa cannot reach these Lambdas; invoke them with awslocal lambda invoke, or use scripts/local-up.");
            return Deploy.OK;
        } catch (StepFailure failure) {
            progress.report(failure, "Nothing outside LocalStack was changed; run again after fixing the cause.");
            return Deploy.FAILED;
        } catch (IOException e) {
            progress.report(new StepFailure(e.getMessage()), "Run again after fixing the cause.");
            return Deploy.FAILED;
        }
    }

    /** Stand-ins that pass the stack's checks; no alexaClientId, so no secrets parameter is needed. */
    static Map<ContextKey, String> context(String region) {
        Map<ContextKey, String> context = new LinkedHashMap<>();
        context.put(ContextKey.STACK_NAME, STACK_NAME);
        context.put(ContextKey.REGION, region);
        context.put(ContextKey.TABLE_PREFIX, TABLE_PREFIX);
        context.put(ContextKey.LWA_CLIENT_ID, StackRules.LWA_CLIENT_PREFIX + "localstack");
        context.put(ContextKey.MUSIC_SKILL_ID, "amzn1.ask.skill.00000000-0000-4000-8000-00000000000a");
        context.put(ContextKey.CONTROL_SKILL_ID, "amzn1.ask.skill.00000000-0000-4000-8000-00000000000b");
        return context;
    }

    private boolean healthy() {
        Optional<String> body = fetch.apply(HEALTH);
        if (body.isEmpty()) {
            String message =
                    "LocalStack is not answering at " + HEALTH + ". Start it (localstack start, or its Docker image"
                            + " with LOCALSTACK_AUTH_TOKEN set) and run this again.";
            if (options.dryRun()) {
                progress.warn("a real run would stop here: " + message);
            } else {
                progress.detail("✗ " + message);
            }
            return false;
        }
        try {
            JsonNode health = Manifests.JSON.readTree(body.get());
            JsonNode services = health.path("services");
            List<String> missing = SERVICES.stream()
                    .filter(s -> !List.of("available", "running")
                            .contains(services.path(s).asText("")))
                    .toList();
            progress.ok("LocalStack " + health.path("version").asText("?") + ", edition "
                    + health.path("edition").asText("?"));
            if (!missing.isEmpty()) {
                progress.warn("not available here: " + String.join(", ", missing) + " (the stack uses them)");
            }
            progress.warn(
                    "the relay API is an API Gateway v2 HTTP API, which LocalStack's free plan lacks (its Base plan has"
                            + " it); Lambda SnapStart is not emulated");
        } catch (IOException e) {
            progress.warn("LocalStack answered, but not with its health JSON: " + e.getMessage());
        }
        return true;
    }

    static Optional<String> fetch(URI uri) {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(3))
                    .build();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
