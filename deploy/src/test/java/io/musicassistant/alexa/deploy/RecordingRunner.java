package io.musicassistant.alexa.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Stands in for the ASK and CDK CLIs, which cannot run here without an Amazon developer account
 * and AWS credentials: it records every command and answers with canned SMAPI JSON shaped as
 * ask-cli 2.30.7 prints it, and writes the outputs file {@code cdk deploy --outputs-file} would.
 */
final class RecordingRunner implements Runner {

    static final String MUSIC_ID = "amzn1.ask.skill.11111111-1111-4111-8111-111111111111";
    static final String CONTROL_ID = "amzn1.ask.skill.22222222-2222-4222-8222-222222222222";
    static final String MESSAGING_CLIENT_ID = "amzn1.application-oa2-client.messaging0123";
    static final String MESSAGING_SECRET = "messaging-secret-0123456789abcdef";
    static final String UPLOAD_SIGNATURE = "X-Amz-Signature=presigned0123456789";
    static final String REFRESH_TOKEN = "Atzr|IwEBIrecorded-refresh-token-0123456789";
    static final String SMAPI_PLACEHOLDER =
            "{\"client_id\":\"\",\"client_secret\":\"\",\"refresh_token\":\"\",\"vendor_id\":\"\"}";
    static final List<String> REDIRECT_URLS = List.of(
            "https://layla.amazon.com/api/skill/link/MVENDOR",
            "https://pitangui.amazon.com/api/skill/link/MVENDOR",
            "https://alexa.amazon.co.jp/api/skill/link/MVENDOR");

    final List<Command> commands = new ArrayList<>();
    final List<String> uploads = new ArrayList<>();
    /** What the account-linking request files held, and their permissions, when the CLI read them. */
    final List<String> accountLinkingRequests = new ArrayList<>();

    final List<String> accountLinkingPermissions = new ArrayList<>();
    final List<Path> accountLinkingFiles = new ArrayList<>();
    /** Overrides by the first matching word of a command, e.g. "deploy" → a failure. */
    final Map<String, Function<Command, Result>> overrides = new HashMap<>();
    /** The stand-in Secrets Manager: secret ARN → value; a secret the stack made holds its empty placeholder. */
    final Map<String, String> secrets = new HashMap<>();

    final List<SecretsManagerStore.Target> secretReads = new ArrayList<>();
    final List<SecretsManagerStore.Target> secretWrites = new ArrayList<>();
    /** The sign-ins asked for, and what the developer's browser was shown. */
    final List<LwaLogin.Grant> grants = new ArrayList<>();

    final List<URI> shownUrls = new ArrayList<>();
    /** What the sign-in answers; an IOException to simulate a refusal. */
    Function<LwaLogin.Grant, Secret> signIn = grant -> new Secret(REFRESH_TOKEN);

    private final Map<String, Integer> pollsPerImport = new HashMap<>();
    private final List<String> createdImports = new ArrayList<>();
    private int imports;
    private int uploadUrls;

    @Override
    public Result run(Command command) throws IOException {
        commands.add(command);
        for (var override : overrides.entrySet()) {
            if (command.argv().contains(override.getKey())) {
                return override.getValue().apply(command);
            }
        }
        List<String> argv = command.argv();
        if (argv.contains("--version")) {
            return ok("v20.11.1\n");
        }
        if (argv.getFirst().equals("mvn")) {
            return ok("");
        }
        if (argv.contains("create-upload-url")) {
            uploadUrls++;
            return ok("{\n  \"uploadUrl\": \"https://ask-skill-package.s3.amazonaws.com/upload-" + uploadUrls + "?"
                    + UPLOAD_SIGNATURE + "\",\n  \"expiresAt\": \"2026-11-21T12:00:00.000Z\"\n}\n");
        }
        if (argv.contains("create-skill-package") || argv.contains("import-skill-package")) {
            String importId = "amzn1.ask-package.import.import-" + ++imports;
            if (argv.contains("create-skill-package")) {
                createdImports.add(importId);
            }
            return ok("{\n  \"body\": {},\n  \"headers\": {\"content-type\": \"application/json\", \"Location\": "
                    + "\"/v1/skills/imports/" + importId + "\"},\n  \"statusCode\": 202\n}\n");
        }
        if (argv.contains("get-import-status")) {
            String importId = argv.get(argv.indexOf("--import-id") + 1);
            int polls = pollsPerImport.merge(importId, 1, Integer::sum);
            int created = createdImports.indexOf(importId);
            String skillId = created == 0 ? MUSIC_ID : created == 1 ? CONTROL_ID : null;
            String status = polls == 1 ? "IN_PROGRESS" : "SUCCEEDED";
            return ok("{\"status\": \"" + status + "\", \"errors\": [], \"warnings\": [], \"skill\": {"
                    + (skillId == null ? "" : "\"skillId\": \"" + skillId + "\", ")
                    + "\"resources\": [{\"name\": \"Manifest\","
                    + " \"status\": \"" + status
                    + "\", \"action\": \"CREATE\", \"errors\": [], \"warnings\": []}]}}\n");
        }
        if (argv.contains("get-skill-credentials")) {
            return ok("{\n  \"skillMessagingCredentials\": {\n    \"clientId\": \"" + MESSAGING_CLIENT_ID + "\",\n"
                    + "    \"clientSecret\": \"" + MESSAGING_SECRET + "\"\n  }\n}\n");
        }
        if (argv.contains("bootstrap")) {
            return ok(" ✅  Environment aws://123456789012/eu-west-1 bootstrapped (no changes).\n");
        }
        if (argv.contains("deploy")) {
            Path outputs = Path.of(argv.get(argv.indexOf("--outputs-file") + 1));
            String stack = argv.get(argv.indexOf("deploy") + 1);
            String region = context(argv, "region");
            Files.createDirectories(outputs.getParent());
            Files.writeString(
                    outputs,
                    "{\n  \"" + stack + "\": {\n"
                            + "    \"MusicSkillEndpoint\": \"" + arn(region, "music-skill") + "\",\n"
                            + "    \"ControlSkillEndpoint\": \"" + arn(region, "control-skill") + "\",\n"
                            + "    \"RelayApiUrl\": \"https://abc123.execute-api." + region + ".amazonaws.com\",\n"
                            + "    \"AlarmTopicArn\": \"arn:aws:sns:" + region + ":123456789012:ma-alexa-alarms\",\n"
                            + "    \"CatalogBucket\": \"ma-alexa-catalog-123456789012-" + region + "\",\n"
                            + "    \"SmapiSecretArn\": \"" + smapiSecretArn(region) + "\",\n"
                            + "    \"AlexaRegion\": \"EU\"\n  }\n}\n");
            secrets.putIfAbsent(smapiSecretArn(region), SMAPI_PLACEHOLDER);
            return ok("");
        }
        if (argv.contains("update-account-linking-info")) {
            String fileArg = argv.get(argv.indexOf("--account-linking-request") + 1);
            Path file = Path.of(fileArg.substring("file:".length()));
            accountLinkingFiles.add(file);
            accountLinkingRequests.add(Files.readString(file));
            accountLinkingPermissions.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            return ok("Command executed successfully!\n");
        }
        if (argv.contains("get-account-linking-info")) {
            return ok("{\n  \"accountLinkingResponse\": {\n    \"type\": \"AUTH_CODE\",\n    \"redirectUrls\": [\""
                    + String.join("\", \"", REDIRECT_URLS) + "\"]\n  }\n}\n");
        }
        throw new AssertionError("unexpected command " + argv);
    }

    @Override
    public void upload(String url, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("uploading a package that does not exist: " + file);
        }
        uploads.add(url);
    }

    @Override
    public Secret authorize(LwaLogin.Grant grant, Consumer<URI> show) throws IOException {
        grants.add(grant);
        URI url = grant.authorizeUrl(LwaLogin.AUTHORIZE);
        shownUrls.add(url);
        show.accept(url);
        try {
            return signIn.apply(grant);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public Optional<String> readSecret(SecretsManagerStore.Target target) {
        secretReads.add(target);
        return Optional.ofNullable(secrets.get(target.secretArn()));
    }

    @Override
    public void writeSecret(SecretsManagerStore.Target target, Secret value) {
        secretWrites.add(target);
        secrets.put(target.secretArn(), value.value());
    }

    static String smapiSecretArn(String region) {
        return "arn:aws:secretsmanager:" + region + ":123456789012:secret:ma-alexa-smapi-AbCdEf";
    }

    static String arn(String region, String function) {
        return "arn:aws:lambda:" + region + ":123456789012:function:ma-alexa-" + function + ":live";
    }

    static String context(List<String> argv, String key) {
        return argv.stream()
                .filter(a -> a.startsWith(key + "="))
                .map(a -> a.substring(key.length() + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no --context " + key + " in " + argv));
    }

    /** The ask smapi subcommand or cdk verb of each command, in order. */
    List<String> verbs() {
        List<String> verbs = new ArrayList<>();
        for (Command c : commands) {
            List<String> argv = c.argv();
            if (argv.contains("smapi")) {
                verbs.add(argv.get(argv.indexOf("smapi") + 1));
            } else if (argv.contains(Tools.CDK_PACKAGE) && !argv.contains("cdklocal")) {
                verbs.add("cdk " + argv.get(argv.indexOf(Tools.CDK_PACKAGE) + 1));
            } else if (argv.contains("cdklocal")) {
                verbs.add("cdklocal " + argv.get(argv.indexOf("cdklocal") + 1));
            } else {
                verbs.add(Path.of(argv.getFirst()).getFileName() + (argv.contains("--version") ? " --version" : ""));
            }
        }
        return verbs;
    }

    static Result ok(String stdout) {
        return new Result(0, stdout, List.of());
    }
}
