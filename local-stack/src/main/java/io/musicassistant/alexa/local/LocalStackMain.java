package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.dev.MotoServer;
import io.musicassistant.alexa.local.catalog.CatalogBenchmark;
import io.musicassistant.alexa.local.catalog.ExportBenchmark;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Buckets;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code java -jar local-stack/target/local-stack.jar <command>}:
 * <ul>
 *   <li>{@code demo [--json]} — start everything, play the scripted conversation, stop;</li>
 *   <li>{@code up [--port N] [--state-dir D] [--faults]} — start everything and keep running (scripts/local-up);
 *       with the fault interface of docs/fault-injection.md;</li>
 *   <li>{@code chaos [--only NAMES]} — every fault against the running stack (scripts/chaos);</li>
 *   <li>{@code invoke [--url U] [--state-dir D]} — send one directive from stdin, print the answer;</li>
 *   <li>{@code bench [--iterations N] [--reports-only] [--audio-only]} — measure the relay, the directives and state reports (docs/benchmarks.md);
 *       {@code bench --echo [--iterations N]} — MA→Echo start latency through the routine simulator (issue 16);
 *       {@code bench --catalog [--homes N,M]} — the catalog build at scale on synthetic homes;
 *       {@code bench --flood [--connections N] [--seconds S]} — Echo requests during a slow-connection flood;
 *       {@code bench --silent [--directives N]} — answer times while the home is silent;
 *       {@code bench --cost} — what a home costs a month, from traffic measured here (docs/cost.md);</li>
 *   <li>{@code catalog [--force]} — run a catalog build in the running stack (scripts/catalog).</li>
 * </ul>
 */
public final class LocalStackMain {

    private LocalStackMain() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "demo" : args[0];
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        int code;
        try {
            code = switch (command) {
                case "demo" -> demo(options.contains("--json"), options.contains("--verbose"));
                case "up" ->
                    up(
                            intOption(options, "--port", 8780),
                            Path.of(option(options, "--state-dir", ".local")),
                            options.contains("--verbose"),
                            options.contains("--faults"));
                case "chaos" ->
                    Chaos.run(
                            Path.of(option(options, "--state-dir", ".local")),
                            option(options, "--only", null),
                            System.out);
                case "invoke" ->
                    invoke(option(options, "--url", null), Path.of(option(options, "--state-dir", ".local")));
                case "catalog" ->
                    catalog(options.contains("--force"), Path.of(option(options, "--state-dir", ".local")));
                case "bench" -> bench(options);
                default -> {
                    System.err.println(
                            "usage: local-stack demo [--json] | up [--port N] [--faults] | chaos [--only f1,f2] | invoke [--url U] | bench [--iterations N] [--reports-only] [--audio-only] | bench --echo [--iterations N] | bench --silent [--directives N] | bench --cost | bench --catalog [--homes 1000,10000] [--data-dir D] [--duckdb-memory 4GB] | bench --export [--tracks N] | bench --flood [--connections 1000] [--seconds 45] | catalog [--force]");
                    yield 2;
                }
            };
        } catch (MotoServer.Unavailable e) {
            // What to install, in one line; a stack trace would bury it.
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (RuntimeException e) {
            // Servers already started (stand-ins, proxies) would keep the JVM alive after a failed start.
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    /** {@code bench}: the benchmark its flag names, the relay and directive one without a flag. */
    private static int bench(List<String> options) throws Exception {
        boolean verbose = options.contains("--verbose");
        if (options.contains("--echo")) {
            return EchoBenchmark.run(intOption(options, "--iterations", 30), verbose, System.out);
        }
        if (options.contains("--silent")) {
            return LivenessBenchmark.run(intOption(options, "--directives", 200), verbose, System.out);
        }
        if (options.contains("--cost")) {
            return CostModel.run(verbose, System.out);
        }
        if (options.contains("--flood")) {
            return FloodBenchmark.run(
                    intOption(options, "--connections", 1000),
                    intOption(options, "--seconds", 45),
                    verbose,
                    System.out);
        }
        if (options.contains("--export")) {
            return ExportBenchmark.run(intOption(options, "--tracks", 50_000), System.out);
        }
        if (options.contains("--catalog")) {
            return CatalogBenchmark.run(
                    Arrays.stream(option(options, "--homes", "1000,10000").split(","))
                            .map(String::strip)
                            .map(Integer::valueOf)
                            .toList(),
                    Path.of(option(options, "--data-dir", ".local/bench")),
                    option(options, "--duckdb-memory", null),
                    System.out);
        }
        return Benchmark.run(
                intOption(options, "--iterations", 300),
                verbose,
                options.contains("--reports-only"),
                options.contains("--audio-only"),
                System.out);
    }

    /** Component logs are JSON lines; the demo keeps them out of the transcript unless asked. */
    static void quietLogs(boolean verbose, Path logFile) throws IOException {
        if (verbose) {
            return;
        }
        if (logFile == null) {
            JsonLog.setLevel(JsonLog.Level.ERROR);
            return;
        }
        Files.createDirectories(logFile.getParent());
        PrintStream log = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8);
        JsonLog.setSink(log::println);
    }

    static int demo(boolean json, boolean verbose) throws IOException {
        quietLogs(verbose, null);
        PrintStream out = System.out;
        Consumer<String> progress = message -> out.println("• " + message);
        out.println("Music Assistant for Alexa — local demo");
        out.println("Everything runs on this machine: real Moto (DynamoDB, S3, STS) and ElasticMQ (SQS) servers, a");
        out.println(
                "Login-with-Amazon stand-in, the skill endpoint over HTTP, the Music Assistant simulator and the home connector.\n");
        try (LocalStack stack =
                LocalStack.start(LocalStack.Ports.ephemeral(), freshCatalogsDir(Path.of(".local")), progress)) {
            stack.statusUrl()
                    .ifPresent(url -> out.println("• The connector's status page (while the demo runs): " + url));
            out.println("\nThe conversation (→ what Alexa sends the skill, ← what the skill answers):");
            List<String> failures = new Conversation(new SkillClient(stack.alexaUrl()), out, json).run(stack, progress);
            out.println();
            if (failures.isEmpty()) {
                out.println("All steps answered as expected.");
                return 0;
            }
            out.println("Some steps did not answer as expected:");
            failures.forEach(f -> out.println("  - " + f));
            return 1;
        }
    }

    static int up(int port, Path stateDir, boolean verbose, boolean faults) throws Exception {
        Files.createDirectories(stateDir);
        quietLogs(verbose, stateDir.resolve("stack.log"));
        Consumer<String> progress = message -> System.out.println("• " + message);
        LocalStack.Ports ports = new LocalStack.Ports(port, 0, 0, 0, 0);
        LocalStack stack = faults
                ? LocalStack.startWithFaults(
                        ports, freshCatalogsDir(stateDir), stateDir.resolve("connector.log"), progress)
                : LocalStack.start(ports, freshCatalogsDir(stateDir), progress);
        return runUntilStopped(stack, writeStackJson(stack, stateDir, faults), stateDir);
    }

    /**
     * Writes {@code <state dir>/stack.json}, what the scripts and a person read of a running stack (its
     * endpoints, tokens, the status page), atomically; returns the file.
     */
    public static Path writeStackJson(LocalStack stack, Path stateDir, boolean faults) throws IOException {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("alexa_url", stack.alexaUrl());
        info.put("relay_api_url", stack.baseUrl());
        info.put("demo_token", LocalStack.DEMO_TOKEN);
        info.put("unpaired_token", LocalStack.UNPAIRED_TOKEN);
        info.put("expired_token", LocalStack.EXPIRED_TOKEN);
        info.put("ma_ws_url", stack.ma().wsUrl());
        info.put("stream_base", stack.streams().base());
        info.put(
                "stream_tls_trust_store",
                stack.streams().certificate().keyStore().toString());
        info.put("stream_tls_ca_pem", stack.streams().certificate().pem().toString());
        info.put("dynamodb_endpoint", stack.services().dynamoDbEndpoint().toString());
        info.put("s3_endpoint", stack.services().s3Endpoint().toString());
        info.put("sts_endpoint", stack.services().stsEndpoint().toString());
        info.put("sqs_endpoint", stack.services().sqsEndpoint().toString());
        info.put(
                "buckets",
                Buckets.ALL.stream().map(stack.buckets().names()::name).toList());
        info.put("moto_pid", stack.services().moto().pid());
        info.put("smapi_url", stack.smapi().baseUrl());
        info.put("catalogs_dir", stack.smapi().storeDir().toString());
        info.put("lwa_base_url", stack.services().lwa().baseUrl());
        info.put("pid", ProcessHandle.current().pid());
        info.put("relay_timeout_ms", stack.cloud().config().relayTimeout().toMillis());
        stack.statusUrl().ifPresent(url -> info.put("status_url", url));
        if (faults) {
            // Only with --faults: the fault interface and what scripts/chaos needs to act as MA's own UI would.
            info.put("faults_url", stack.baseUrl() + "/_faults");
            info.put("connector_pid", stack.connectorPid());
            info.put("connector_log", stateDir.resolve("connector.log").toString());
            info.put("ma_http_url", stack.ma().httpBaseUrl());
            info.put("ma_token", stack.ma().adminToken());
        }
        Path file = stateDir.resolve("stack.json");
        Path temp = stateDir.resolve("stack.json.tmp");
        Files.writeString(
                temp, RelayJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(info));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static int runUntilStopped(LocalStack stack, Path file, Path stateDir) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                Files.deleteIfExists(file);
                            } catch (IOException ignored) {
                                // best effort
                            }
                            stack.close();
                            stopped.countDown();
                        },
                        "local-stack-stop"));
        stack.statusUrl().ifPresent(url -> System.out.println("• The connector's status page: " + url));
        System.out.println("• Running. Details in " + file + "; logs in " + stateDir.resolve("stack.log")
                + ". Stop with scripts/local-down.");
        stopped.await();
        return 0;
    }

    /**
     * The SMAPI stand-in keeps every accepted catalog document under {@code <state dir>/catalogs};
     * it starts empty with each stack, and so does the folder.
     */
    static Path freshCatalogsDir(Path stateDir) throws IOException {
        Path dir = stateDir.resolve("catalogs");
        if (Files.isDirectory(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** scripts/catalog: asks the running stack to run a catalog build, as the hourly schedule does in AWS. */
    static int catalog(boolean force, Path stateDir) throws Exception {
        Path file = stateDir.resolve("stack.json");
        if (!Files.exists(file)) {
            System.err.println("No running local stack (" + file + " missing). Start one with scripts/local-up.");
            return 2;
        }
        JsonNode stack = RelayJson.mapper().readTree(file.toFile());
        System.out.println(
                "• Building the voice catalogs from every home's snapshot (DuckDB), uploading to the SMAPI stand-in ...");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        stack.path("relay_api_url").asText() + "/_local/catalog-build" + (force ? "?force=true" : "")))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        JsonNode report = RelayJson.mapper().readTree(response.body());
        if (response.statusCode() != 200) {
            System.err.println(
                    "error: the build failed: " + report.path("error").asText(response.body()));
            return 1;
        }
        if (report.path("skipped").asBoolean()) {
            System.out.println(
                    "• No home's library changed since the last build (scripts/catalog --force builds anyway).");
        }
        for (JsonNode type : report.path("types")) {
            System.out.printf(
                    "  %-24s %,7d kept  %,5d new  %,4d changed  %,4d deleted  → %s%s%n",
                    type.path("type").asText(),
                    type.path("kept").asLong(),
                    type.path("added").asLong(),
                    type.path("changed").asLong(),
                    type.path("deleted").asLong(),
                    type.path("outcome").asText(),
                    type.path("errors").isEmpty() ? "" : " " + type.path("errors"));
        }
        System.out.println("• Accepted documents, as they would go to Amazon: "
                + stack.path("catalogs_dir").asText());
        return report.path("types").findValuesAsText("outcome").contains("failed") ? 1 : 0;
    }

    static int invoke(String url, Path stateDir) throws IOException {
        String target = url;
        if (target == null) {
            Path file = stateDir.resolve("stack.json");
            if (!Files.exists(file)) {
                System.err.println("No running local stack (" + file + " missing). Start one with scripts/local-up.");
                return 3;
            }
            target = RelayJson.mapper()
                    .readTree(Files.readString(file))
                    .path("alexa_url")
                    .asText();
        }
        String body = withDemoToken(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
        String answer = new SkillClient(target).post(body);
        System.out.println(RelayJson.mapper().readTree(answer).toPrettyString());
        return 0;
    }

    /**
     * A request without an access token gets the demo user's, so that example files need not carry
     * one: a music directive in its user, a smart-home directive in its endpoint scope (or the payload
     * scope of Discover, the grantee of AcceptGrant), a custom-skill request in its System and session
     * user. Anything else (malformed JSON included) is sent exactly as given.
     */
    static String withDemoToken(String body) {
        try {
            JsonNode root = RelayJson.mapper().readTree(body);
            if (root == null || !root.isObject()) {
                return body;
            }
            JsonNode directive = root.path("directive");
            boolean added = false;
            // Music and custom-skill users carry "accessToken"; smart-home scopes carry "token".
            for (JsonNode user : List.of(
                    root.path("payload").path("requestContext").path("user"),
                    root.path("context").path("System").path("user"),
                    root.path("session").path("user"))) {
                added |= fill(user, "accessToken");
            }
            for (JsonNode scope : List.of(
                    directive.path("endpoint").path("scope"),
                    directive.path("payload").path("scope"),
                    directive.path("payload").path("grantee"))) {
                added |= fill(scope, "token");
            }
            return added ? root.toString() : body;
        } catch (IOException notJson) {
            return body; // sent as is: the skill answers malformed input itself
        }
    }

    private static boolean fill(JsonNode holder, String field) {
        if (holder instanceof ObjectNode node && !node.has(field)) {
            node.put(field, LocalStack.DEMO_TOKEN);
            return true;
        }
        return false;
    }

    private static String option(List<String> options, String name, String fallback) {
        int i = options.indexOf(name);
        return i >= 0 && i + 1 < options.size() ? options.get(i + 1) : fallback;
    }

    private static int intOption(List<String> options, String name, int fallback) {
        String value = option(options, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
