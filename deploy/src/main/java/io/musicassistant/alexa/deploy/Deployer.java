package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a {@link Plan}: the skills through SMAPI (ASK CLI), the stack through CDK. Every id is saved
 * to the state file the moment it is known, so a run that fails half way is finished by running it
 * again. A dry run goes through the same code with {@link DryRunRunner}: commands are printed, the
 * placeholders they "answer" flow on, and nothing is written.
 */
final class Deployer {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    // Imports with voice models take a minute or two; 15 minutes means something is wrong at Amazon.
    static final int MAX_POLLS = 180;
    static final String STAGE_DEVELOPMENT = "development";

    private final DeployConfig config;
    private final Host host;
    private final Runner runner;
    private final Redactor redactor;
    private final StateStore store;
    private final Progress progress;
    private final Pause pause;
    private final Plan plan;
    private final boolean dryRun;
    private DeployState state;
    private Smapi.MessagingCredentials messaging;

    Deployer(Plan plan, boolean dryRun, DeployConfig config, Host host, Runner runner, Redactor redactor, StateStore store,
             DeployState state, Progress progress, Pause pause) {
        this.config = config;
        this.host = host;
        this.runner = runner;
        this.redactor = redactor;
        this.store = store;
        this.state = state;
        this.progress = progress;
        this.pause = pause;
        this.plan = plan;
        this.dryRun = dryRun;
    }

    /**
     * Runs every step; true when all succeeded.
     *
     * @param preflightWarnings what the preflight found (only a dry run gets this far with any)
     */
    boolean run(List<String> preflightWarnings) {
        String resume = "What is done is kept in " + host.show(store.file()) + ": fix the cause and run the same command"
                + " again; finished steps are not repeated (skills are not created twice).";
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            progress.step(i + 1, step.title());
            try {
                execute(step, preflightWarnings);
            } catch (StepFailure failure) {
                progress.report(failure, resume);
                return false;
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                progress.report(new StepFailure(e.getMessage()), resume);
                return false;
            }
        }
        return true;
    }

    private void execute(Step step, List<String> preflightWarnings) throws StepFailure, IOException {
        switch (step) {
            case Step.Preflight p -> preflight(preflightWarnings);
            case Step.Build build -> build(build);
            case Step.CreateSkill create -> createSkill(create);
            case Step.FetchCredentials f -> fetchCredentials();
            case Step.DeployStack deploy -> deployStack(deploy);
            case Step.UpdateSkill update -> updateSkill(update.skill());
            case Step.LinkAccounts l -> linkAccounts();
            case Step.AuthorizeCatalogs a -> authorizeCatalogs(a);
            case Step.Finish f -> finish();
        }
    }

    private void preflight(List<String> warnings) {
        if (config.region() == AlexaRegion.FE) {
            // Allowed so that a Far East locale can be added, but today no locale of the skills is served there.
            progress.warn("the skills have no Far East locale yet (en-US, en-GB, de-DE are NA and EU): until one is added to"
                    + " skill-package/, Alexa sends this stack nothing");
        }
        if (warnings.isEmpty()) {
            progress.ok("JDK, Maven, node/npx, AWS credentials, ASK CLI profile and the LWA security profile are there");
            return;
        }
        warnings.forEach(w -> progress.warn("a real deploy would stop here: " + w));
    }

    private void build(Step.Build build) throws StepFailure, IOException {
        Path jar = host.root().resolve("lambda/target/ma-alexa-lambda.jar");
        if (build.skip()) {
            progress.ok("using " + host.show(jar));
            return;
        }
        progress.exec(new Command(Tools.build(), host.root(), Map.of(), Command.Output.STREAM, true, null));
        if (dryRun && !runsLocally()) {
            progress.ok("would build " + host.show(jar));
        } else if (Files.isRegularFile(jar)) {
            progress.ok("built " + host.show(jar) + " (" + Files.size(jar) / (1024 * 1024) + " MB)");
        } else {
            throw new StepFailure("the build finished but " + host.show(jar) + " is missing");
        }
    }

    private void createSkill(Step.CreateSkill create) throws StepFailure, IOException {
        Skill skill = create.skill();
        if (create.existingId() != null) {
            progress.ok("exists: " + create.existingId() + " (from " + host.show(store.file()) + "), nothing to create");
            return;
        }
        // Created without endpoints: the Lambdas do not exist yet, and they will only accept calls
        // from this skill's id, which the stack needs first.
        JsonNode manifest = Manifests.render(template(skill), skill, null, config.privacyPolicyUrl(), config.termsOfUseUrl());
        Path zip = writePackage(skill, manifest, false, null);
        String id = importPackage(skill, null, zip);
        progress.ok("created " + id + (dryRun ? "" : " (saved in " + host.show(store.file()) + ")"));
    }

    private void fetchCredentials() throws StepFailure, IOException {
        int step = stepOf(Step.FetchCredentials.class);
        Command command = new Command(Tools.ask(config, "get-skill-credentials", "-s", skillId(Skill.CONTROL)), host.root(),
                Tools.ASK_ENV, Command.Output.SECRET, false, """
                {"skillMessagingCredentials": {"clientId": "<messaging client id from step %d>",
                 "clientSecret": "<messaging client secret from step %d>"}}""".formatted(step, step));
        messaging = Smapi.credentials(progress.exec(command).stdout());
        redactor.add(messaging.clientSecret());
        progress.ok("client id " + messaging.clientId() + "; the secret is kept in memory and goes only to the stack's"
                + " NoEcho parameter");
    }

    private void deployStack(Step.DeployStack deploy) throws StepFailure, IOException {
        String region = deploy.region().awsRegion();
        Map<String, String> env = cdkEnvironment(region);
        Path outputsFile = host.deployDir().resolve(config.stage() + "-" + region + "-outputs.json");
        if (!dryRun) {
            Files.createDirectories(host.deployDir());
        }
        if (dryRun && runsLocally()) {
            progress.exec(new Command(cdkSynth(deploy), host.root().resolve("infrastructure"), env, Command.Output.STREAM, true,
                    null));
            progress.ok("cdk synth succeeded (placeholders replaced by stand-ins that pass the stack's checks)");
        }
        // Assets (the Lambda jar) go through the bootstrap stack's bucket; bootstrapping an
        // environment that has it is a no-op. Run outside infrastructure/ so no app is synthesised for it.
        progress.exec(new Command(Tools.cdk("bootstrap", "aws://unknown-account/" + region), host.deployDir(), env,
                Command.Output.STREAM, false, null));
        List<String> argv = new ArrayList<>(Tools.cdk("deploy", deploy.stackName(), "--require-approval", "never",
                "--outputs-file", outputsFile.toString()));
        argv.addAll(Tools.contextArgs(context(deploy, false)));
        argv.addAll(List.of("--parameters", "AlexaClientSecret=" + messaging.clientSecret().value()));
        progress.exec(new Command(argv, host.root().resolve("infrastructure"), env, Command.Output.STREAM, false, null));
        StackOutputs outputs = dryRun ? StackOutputs.placeholders(deploy.stackName(), stepOf(Step.DeployStack.class))
                : StackOutputs.read(outputsFile, deploy.stackName());
        save(state.withStack(deploy.region(), outputs));
        progress.ok("relay API " + outputs.relayApiUrl());
        progress.ok("music endpoint " + outputs.musicSkillEndpoint());
        progress.ok("control endpoint " + outputs.controlSkillEndpoint());
    }

    /** The stack's context (the contract with infrastructure/'s Settings). */
    private Map<String, String> context(Step.DeployStack deploy, boolean standIns) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("stackName", deploy.stackName());
        context.put("region", deploy.region().awsRegion());
        context.put("tablePrefix", config.tablePrefix());
        context.put("musicSkillId", standIn(skillId(Skill.MUSIC), "amzn1.ask.skill.00000000-0000-4000-8000-000000000001", standIns));
        context.put("controlSkillId", standIn(skillId(Skill.CONTROL), "amzn1.ask.skill.00000000-0000-4000-8000-000000000002",
                standIns));
        context.put("lwaClientId", standIn(config.lwaClientId(), DeployConfig.LWA_CLIENT_PREFIX + "dryrun", standIns));
        context.put("alexaClientId", standIn(messaging.clientId(), DeployConfig.LWA_CLIENT_PREFIX + "dryrunmessaging", standIns));
        if (config.alarmEmail() != null) {
            context.put("alarmEmail", config.alarmEmail());
        }
        if (config.fallbackArtUrl() != null) {
            context.put("fallbackArtUrl", config.fallbackArtUrl());
        }
        return context;
    }

    private static String standIn(String value, String standIn, boolean use) {
        return use && value.startsWith("<") ? standIn : value;
    }

    private List<String> cdkSynth(Step.DeployStack deploy) {
        List<String> argv = new ArrayList<>(Tools.cdk("synth", deploy.stackName(), "--quiet"));
        argv.addAll(Tools.contextArgs(context(deploy, true)));
        return argv;
    }

    private Map<String, String> cdkEnvironment(String region) {
        Map<String, String> env = Tools.cdkEnvironment(region);
        if (config.awsProfile() != null) {
            env.put("AWS_PROFILE", config.awsProfile());
        }
        return env;
    }

    private void updateSkill(Skill skill) throws StepFailure, IOException {
        Manifests.Endpoints endpoints = Manifests.Endpoints.of(state.regions(), switch (skill) {
            case MUSIC -> StackOutputs::musicSkillEndpoint;
            case CONTROL -> StackOutputs::controlSkillEndpoint;
        });
        ObjectNode manifest = Manifests.render(template(skill), skill, endpoints, config.privacyPolicyUrl(),
                config.termsOfUseUrl());
        progress.detail("the manifest's endpoints as rendered:");
        Manifests.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Manifests.endpointSection(manifest, skill))
                .lines().forEach(l -> progress.detail("  " + l));
        String id = skillId(skill);
        Path zip = writePackage(skill, manifest, skill.voiceModels(), id);
        importPackage(skill, id, zip);
        progress.ok("updated " + id + (dryRun ? "" : "; ASK CLI project with the rendered package: "
                + host.show(SkillPackage.projectDir(host, config.stage(), skill))));
    }

    private void linkAccounts() throws StepFailure, IOException {
        for (Skill skill : Skill.values()) {
            JsonNode request = AccountLinking.render(skill.source(host.root()), config.lwaClientId(), config.lwaClientSecret());
            Path file = dryRun ? host.tempDir().resolve("ma-alexa-account-linking-<random>.json")
                    : AccountLinking.writeOwnerOnly(host.tempDir(), request);
            try {
                progress.exec(new Command(Tools.ask(config, "update-account-linking-info", "-s", skillId(skill), "-g",
                        STAGE_DEVELOPMENT, "--account-linking-request", "file:" + file), host.root(), Tools.ASK_ENV,
                        Command.Output.CAPTURE, false, "Command executed successfully!"));
            } finally {
                if (!dryRun) {
                    Files.deleteIfExists(file);
                }
            }
            progress.ok(skill.title() + ": Login with Amazon client " + config.lwaClientId() + " (request file owner-only,"
                    + " deleted)");
        }
    }

    /**
     * The catalog build calls SMAPI as the developer: a Login-with-Amazon refresh token with the
     * catalog scopes, of the deploy's security profile (or SMAPI_CLIENT_ID's), and the vendor id, into
     * the stack's SMAPI secret. The ASK CLI's own token is not reused: it belongs to the CLI's
     * internal LWA client, whose use outside the CLI Amazon does not allow (docs/decisions.md, "Voice catalogs"). A
     * secret that already holds credentials of this client and vendor is kept, so the developer signs
     * in once per region and stage, not on every deploy.
     */
    private void authorizeCatalogs(Step.AuthorizeCatalogs step) throws StepFailure, IOException {
        String region = config.region().awsRegion();
        StackOutputs here = state.regions().get(region);
        String secretArn = here == null ? null : here.smapiSecretArn();
        if (secretArn == null || secretArn.isBlank()) {
            throw new StepFailure("the stack in " + region + " has no SmapiSecretArn output: it was deployed from code older"
                    + " than the catalog build; run the deploy again without --skip-build");
        }
        String clientId = config.catalogClientId();
        Secret clientSecret = config.catalogClientSecret();
        String vendorId = Preflight.vendorId(config, host).orElseGet(() -> {
            if (dryRun) {
                return "<vendor id of ASK profile " + config.askProfile() + ">";
            }
            throw new IllegalStateException("the ASK profile " + config.askProfile() + " names no vendor id");
        });
        SecretsManagerStore.Target target = new SecretsManagerStore.Target(region, secretArn, config.awsProfile());
        progress.detail("Secrets Manager GetSecretValue " + secretArn + " (from this JVM, with the AWS credentials of the stack)");
        Optional<SmapiCredentials> stored = SmapiCredentials.parse(runner.readSecret(target));
        stored.ifPresent(s -> {
            redactor.add(s.clientSecret());
            redactor.add(s.refreshToken());
        });
        boolean sameGrant = stored.isPresent() && stored.get().clientId().equals(clientId) && stored.get().vendorId().equals(vendorId);
        Secret refreshToken;
        String source;
        if (config.smapiRefreshToken() != null) {
            refreshToken = config.smapiRefreshToken();
            source = "SMAPI_REFRESH_TOKEN";
        } else if (sameGrant && !step.renew()) {
            if (stored.get().clientSecret().value().equals(clientSecret.value())) {
                progress.ok("already authorized for client " + clientId + " and vendor " + vendorId + "; kept"
                        + " (--reauthorize-catalogs signs in again)");
                return;
            }
            refreshToken = stored.get().refreshToken();
            source = "the refresh token already there (the security profile's secret changed)";
        } else {
            LwaLogin.Grant grant = LwaLogin.Grant.of(clientId, clientSecret);
            progress.detail("Login with Amazon (authorization code) for " + LwaLogin.SCOPES + ": open this page in a browser,");
            progress.detail("sign in with the Amazon account of the developer account that owns the skills (vendor " + vendorId
                    + ") and allow access:");
            refreshToken = runner.authorize(grant, url -> {
                progress.detail("  " + url);
                progress.detail((dryRun ? "a real run waits here" : "waiting") + " up to " + LwaLogin.WAIT.toMinutes()
                        + " minutes for the redirect to " + grant.redirectUri() + " (an Allowed Return URL of client "
                        + clientId + ") …");
            });
            progress.detail("POST " + LwaLogin.TOKEN + " grant_type=authorization_code code=" + Redactor.MASK + " client_id="
                    + clientId + " client_secret=" + Redactor.MASK + " (from this JVM): the refresh token");
            source = "the sign-in";
        }
        redactor.add(refreshToken);
        SmapiCredentials credentials = new SmapiCredentials(clientId, clientSecret, refreshToken, vendorId);
        progress.detail("Secrets Manager PutSecretValue " + secretArn + " " + credentials.shown());
        runner.writeSecret(target, credentials.json());
        progress.ok("the catalog build calls SMAPI as vendor " + vendorId + " through client " + clientId + " (refresh token from "
                + source + "; it is kept only in the secret)");
    }

    private void finish() throws StepFailure, IOException {
        Set<String> urls = new LinkedHashSet<>();
        for (Skill skill : Skill.values()) {
            Command command = new Command(Tools.ask(config, "get-account-linking-info", "-s", skillId(skill), "-g",
                    STAGE_DEVELOPMENT), host.root(), Tools.ASK_ENV, Command.Output.CAPTURE, false,
                    "{\"accountLinkingResponse\": {\"redirectUrls\": [\"<return URLs of your developer account>\"]}}");
            urls.addAll(Smapi.redirectUrls(progress.exec(command).stdout()));
        }
        StackOutputs here = state.regions().get(config.region().awsRegion());
        progress.line("");
        progress.line((dryRun ? "Dry run finished: nothing was changed." : "Deployed.") + " Stage " + config.stage()
                + ": music skill " + skillId(Skill.MUSIC) + ", control skill " + skillId(Skill.CONTROL) + ", stack "
                + config.stackName() + " in " + String.join(", ", state.regions().keySet()) + ".");
        progress.line("");
        progress.line("What is left for you:");
        progress.line(" 1. Login with Amazon: developer console → Login with Amazon → your security profile → Web Settings →");
        progress.line("    Edit → Allowed Return URLs: add");
        urls.forEach(u -> progress.line("      " + u));
        progress.line(" 2. In the Alexa app (signed in with the Amazon account of your developer account): More → Skills & Games →");
        progress.line("    Your Skills → Dev: enable \"Music Assistant\" and \"Music Assistant Control\" and link your account in each;");
        progress.line("    keep the \"Send Alexa Events\" permission the control skill asks for.");
        progress.line(" 3. Start the connector next to Music Assistant with");
        progress.line("      RELAY_API_URL=" + here.relayApiUrl());
        progress.line("    (connector/README.md); it registers and prints a pairing code.");
        progress.line(" 4. Pair: \"Alexa, ask Music Assistant to link my home with code 1234 5678\" (the code it shows; German:");
        progress.line("    \"Alexa, öffne Musik Assistent\", then \"verknüpfe mein Zuhause mit Code 1234 5678\").");
        progress.line(" 5. \"Alexa, discover devices\" for the players; \"Alexa, play music on Music Assistant\" for the music skill.");
        progress.line("Alarms go to " + here.alarmTopicArn() + (config.alarmEmail() == null
                ? " (set ALARM_EMAIL to have them mailed)." : " and " + config.alarmEmail() + " (confirm the subscription mail)."));
    }

    /**
     * SMAPI's package import: create-upload-url, PUT the zip to it, create-skill-package (new skill)
     * or import-skill-package, then get-import-status until it ends.
     *
     * @return the skill's id
     */
    private String importPackage(Skill skill, String skillId, Path zip) throws StepFailure, IOException {
        int step = skillId == null ? stepOf(Step.CreateSkill.class, skill) : stepOf(Step.UpdateSkill.class, skill);
        Runner.Result upload = progress.exec(new Command(Tools.ask(config, "create-upload-url"), host.root(), Tools.ASK_ENV,
                Command.Output.CAPTURE, false, "{\"uploadUrl\": \"<presigned upload URL from create-upload-url>\"}"));
        String uploadUrl = Smapi.uploadUrl(upload.stdout());
        redactor.add(uploadUrl); // a presigned URL is a credential to write the package
        progress.detail("PUT " + host.show(zip) + " → " + uploadUrl + " (HTTPS, from this JVM)");
        runner.upload(uploadUrl, zip);
        List<String> importArgs = skillId == null
                ? List.of("--location", uploadUrl, "--full-response")
                : List.of("-s", skillId, "--location", uploadUrl, "--full-response");
        String subcommand = skillId == null ? "create-skill-package" : "import-skill-package";
        Runner.Result started = progress.exec(new Command(Tools.ask(config, subcommand, importArgs.toArray(String[]::new)),
                host.root(), Tools.ASK_ENV, Command.Output.CAPTURE, false,
                "{\"body\": {}, \"headers\": {\"location\": \"/v1/skills/imports/<import id>\"}, \"statusCode\": 202}"));
        String importId = Smapi.importId(started.stdout(), subcommand);
        String placeholderId = "<" + skill.title() + " id from step " + step + ">";
        Command status = new Command(Tools.ask(config, "get-import-status", "--import-id", importId), host.root(),
                Tools.ASK_ENV, Command.Output.CAPTURE, false,
                "{\"status\": \"SUCCEEDED\", \"skill\": {\"skillId\": \"" + (skillId == null ? placeholderId : skillId)
                        + "\", \"resources\": []}}");
        Smapi.ImportStatus result = poll(status, skillId == null ? skill : null);
        String id = result.skillId() != null ? result.skillId() : skillId;
        result.warnings().forEach(w -> progress.warn("SMAPI: " + w));
        if (!result.succeeded()) {
            throw new StepFailure("the import of the " + skill.title() + " package ended " + result.status() + ":\n    "
                    + String.join("\n    ", result.problems().isEmpty() ? List.of("(SMAPI gave no reason)") : result.problems()));
        }
        if (id == null) {
            throw new StepFailure("the import succeeded but SMAPI named no skill id");
        }
        return id;
    }

    /** @param creating the skill this import creates (its id is saved as soon as it is named), or null */
    private Smapi.ImportStatus poll(Command status, Skill creating) throws StepFailure, IOException {
        for (int attempt = 1; attempt <= MAX_POLLS; attempt++) {
            Runner.Result answer = attempt == 1 ? progress.exec(status) : progress.runQuietly(status);
            Smapi.ImportStatus result = Smapi.importStatus(answer.stdout());
            if (creating != null) {
                saveNewSkillId(creating, result.skillId());
            }
            if (!result.inProgress()) {
                return result;
            }
            if (attempt % 6 == 0) {
                progress.detail("… still in progress (" + attempt * POLL_INTERVAL.toSeconds() + " s)");
            }
            try {
                pause.pause(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailure("interrupted while waiting for the import");
            }
        }
        throw new StepFailure("the import did not finish in " + MAX_POLLS * POLL_INTERVAL.toSeconds() + " s", status.display(redactor),
                null, List.of());
    }

    /** A new skill's id is saved the moment SMAPI names it, even if its import then fails. */
    private void saveNewSkillId(Skill skill, String id) throws IOException {
        if (id != null && state.skillId(skill) == null) {
            save(state.withSkillId(skill, id));
        }
    }

    private void save(DeployState next) throws IOException {
        state = next;
        if (!dryRun) {
            store.save(next);
        }
    }

    private String skillId(Skill skill) {
        String id = state.skillId(skill);
        if (id != null) {
            return id;
        }
        if (dryRun) {
            return "<" + skill.title() + " id from step " + stepOf(Step.CreateSkill.class, skill) + ">";
        }
        throw new IllegalStateException("the " + skill.title() + " has no id yet");
    }

    private Path writePackage(Skill skill, JsonNode manifest, boolean voiceModels, String skillId) throws IOException {
        Path project = SkillPackage.projectDir(host, config.stage(), skill);
        if (dryRun) {
            return SkillPackage.zipFile(project);
        }
        Files.createDirectories(project);
        return SkillPackage.write(project, skill.source(host.root()), manifest, voiceModels, askProfileName(), skillId);
    }

    private String askProfileName() {
        return config.askFromEnvironment() ? SkillPackage.ENVIRONMENT_PROFILE : config.askProfile();
    }

    private JsonNode template(Skill skill) throws IOException {
        return Manifests.JSON.readTree(Files.readString(skill.source(host.root()).resolve("skill.json")));
    }

    private int stepOf(Class<? extends Step> kind) {
        return plan.numberOf(kind, null);
    }

    private int stepOf(Class<? extends Step> kind, Skill skill) {
        return plan.numberOf(kind, skill);
    }

    private boolean runsLocally() {
        return runner instanceof DryRunRunner dry && dry.runsLocalCommands();
    }
}
