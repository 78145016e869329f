package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.stack.AlexaRegion;
import io.musicassistant.alexa.stack.ContextKey;
import io.musicassistant.alexa.stack.StackRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link Plan}: the skills through SMAPI (ASK CLI), the stack through CDK. Every id is saved
 * to the state file the moment it is known, so a run that fails half way is finished by running it
 * again. A dry run goes through the same code with {@link DryRunRunner}: commands are printed, the
 * placeholders they "answer" flow on, and nothing is written.
 */
final class Deployer {

    static final String STAGE_DEVELOPMENT = "development";

    private final DeployConfig config;
    private final Host host;
    private final Runner runner;
    private final Redactor redactor;
    private final StateStore store;
    private final Progress progress;
    private final SkillImport skillImport;
    private final CatalogAuthorization catalogs;
    private final Plan plan;
    private final boolean dryRun;
    private DeployState state;
    private Smapi.MessagingCredentials messaging;

    Deployer(
            Plan plan,
            boolean dryRun,
            DeployConfig config,
            Host host,
            Runner runner,
            Redactor redactor,
            StateStore store,
            DeployState state,
            Progress progress,
            Pause pause) {
        this.config = config;
        this.host = host;
        this.runner = runner;
        this.redactor = redactor;
        this.store = store;
        this.state = state;
        this.progress = progress;
        this.skillImport = new SkillImport(config, host, runner, redactor, progress, pause);
        this.catalogs = new CatalogAuthorization(config, host, runner, redactor, progress, dryRun);
        this.plan = plan;
        this.dryRun = dryRun;
    }

    /**
     * Runs every step; true when all succeeded.
     *
     * @param preflightWarnings what the preflight found (only a dry run gets this far with any)
     */
    boolean run(List<String> preflightWarnings) {
        String resume =
                "What is done is kept in " + host.show(store.file()) + ": fix the cause and run the same command"
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
            case Step.AuthorizeCatalogs a ->
                catalogs.authorize(a, state.regions().get(config.region().awsRegion()));
            case Step.Finish f -> finish();
        }
    }

    private void preflight(List<String> warnings) throws IOException {
        AlexaRegion region = config.region();
        Set<String> served = new LinkedHashSet<>();
        for (Skill skill : Skill.values()) {
            served.addAll(LocaleRouting.byRegion(template(skill)).getOrDefault(region, List.of()));
        }
        if (served.isEmpty()) {
            progress.warn("no locale of the skills is in " + region.name() + ": Alexa sends this stack nothing");
        } else {
            progress.ok(region.name() + " (" + region.awsRegion() + ") serves " + String.join(", ", served));
        }
        if (warnings.isEmpty()) {
            progress.ok(
                    "JDK, Maven, node/npx, AWS credentials, ASK CLI profile and the LWA security profile are there");
            return;
        }
        warnings.forEach(w -> progress.warn("a real deploy would stop here: " + w));
    }

    private void build(Step.Build build) throws StepFailure, IOException {
        Path jar = host.root().resolve(StackRules.LAMBDA_JAR);
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
            progress.ok(
                    "exists: " + create.existingId() + " (from " + host.show(store.file()) + "), nothing to create");
            return;
        }
        // Created without endpoints: the Lambdas do not exist yet, and they will only accept calls
        // from this skill's id, which the stack needs first.
        JsonNode manifest =
                Manifests.render(template(skill), skill, null, config.privacyPolicyUrl(), config.termsOfUseUrl());
        Path zip = writePackage(skill, manifest, false, null);
        String id = importPackage(skill, null, zip);
        progress.ok("created " + id + (dryRun ? "" : " (saved in " + host.show(store.file()) + ")"));
    }

    private void fetchCredentials() throws StepFailure, IOException {
        int step = stepOf(Step.FetchCredentials.class);
        Command command = new Command(
                Tools.ask(config, "get-skill-credentials", "-s", skillId(Skill.CONTROL)),
                host.root(),
                Tools.ASK_ENV,
                Command.Output.SECRET,
                false,
                """
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
            progress.exec(new Command(
                    cdkSynth(deploy), host.root().resolve("infrastructure"), env, Command.Output.STREAM, true, null));
            progress.ok("cdk synth succeeded (placeholders replaced by stand-ins that pass the stack's checks)");
        }
        // Assets (the Lambda jar) go through the bootstrap stack's bucket; bootstrapping an
        // environment that has it is a no-op. Run outside infrastructure/ so no app is synthesised for it.
        progress.exec(new Command(
                Tools.cdk("bootstrap", "aws://unknown-account/" + region),
                host.deployDir(),
                env,
                Command.Output.STREAM,
                false,
                null));
        List<String> argv = new ArrayList<>(Tools.cdk(
                "deploy", deploy.stackName(), "--require-approval", "never", "--outputs-file", outputsFile.toString()));
        argv.addAll(ContextKey.arguments(context(deploy, false)));
        argv.addAll(List.of(
                "--parameters",
                StackRules.ALEXA_CLIENT_SECRET_PARAMETER + "="
                        + messaging.clientSecret().value()));
        progress.exec(
                new Command(argv, host.root().resolve("infrastructure"), env, Command.Output.STREAM, false, null));
        StackOutputs outputs = dryRun
                ? StackOutputs.placeholders(deploy.stackName(), stepOf(Step.DeployStack.class))
                : StackOutputs.read(outputsFile, deploy.stackName());
        save(state.withStack(deploy.region(), outputs));
        progress.ok("relay API " + outputs.relayApiUrl());
        progress.ok("music endpoint " + outputs.musicSkillEndpoint());
        progress.ok("control endpoint " + outputs.controlSkillEndpoint());
    }

    /** @param standIns whether placeholders are replaced by values that pass the stack's checks (a dry run's synth) */
    private Map<ContextKey, String> context(Step.DeployStack deploy, boolean standIns) {
        return StackContext.of(
                config, deploy, skillId(Skill.MUSIC), skillId(Skill.CONTROL), messaging.clientId(), standIns);
    }

    private List<String> cdkSynth(Step.DeployStack deploy) {
        List<String> argv = new ArrayList<>(Tools.cdk("synth", deploy.stackName(), "--quiet"));
        argv.addAll(ContextKey.arguments(context(deploy, true)));
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
        Manifests.Endpoints endpoints = Manifests.Endpoints.of(
                state.regions(),
                switch (skill) {
                    case MUSIC -> StackOutputs::musicSkillEndpoint;
                    case CONTROL -> StackOutputs::controlSkillEndpoint;
                });
        ObjectNode manifest =
                Manifests.render(template(skill), skill, endpoints, config.privacyPolicyUrl(), config.termsOfUseUrl());
        progress.detail("the manifest's endpoints as rendered:");
        Manifests.JSON
                .writer(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(Manifests.endpointSection(manifest, skill))
                .lines()
                .forEach(l -> progress.detail("  " + l));
        progress.detail("the locales by Alexa region and the Lambda Alexa calls for them:");
        LocaleRouting.describe(manifest, endpoints).forEach(l -> progress.detail("  " + l));
        String id = skillId(skill);
        Path zip = writePackage(skill, manifest, skill.voiceModels(), id);
        importPackage(skill, id, zip);
        progress.ok("updated " + id
                + (dryRun
                        ? ""
                        : "; ASK CLI project with the rendered package: "
                                + host.show(SkillPackage.projectDir(host, config.stage(), skill))));
    }

    private void linkAccounts() throws StepFailure, IOException {
        for (Skill skill : Skill.values()) {
            JsonNode request =
                    AccountLinking.render(skill.source(host.root()), config.lwaClientId(), config.lwaClientSecret());
            Path file = dryRun
                    ? host.tempDir().resolve("ma-alexa-account-linking-<random>.json")
                    : AccountLinking.writeOwnerOnly(host.tempDir(), request);
            try {
                progress.exec(new Command(
                        Tools.ask(
                                config,
                                "update-account-linking-info",
                                "-s",
                                skillId(skill),
                                "-g",
                                STAGE_DEVELOPMENT,
                                "--account-linking-request",
                                "file:" + file),
                        host.root(),
                        Tools.ASK_ENV,
                        Command.Output.CAPTURE,
                        false,
                        "Command executed successfully!"));
            } finally {
                if (!dryRun) {
                    Files.deleteIfExists(file);
                }
            }
            progress.ok(skill.title() + ": Login with Amazon client " + config.lwaClientId()
                    + " (request file owner-only," + " deleted)");
        }
    }

    private void finish() throws StepFailure, IOException {
        Set<String> urls = new LinkedHashSet<>();
        for (Skill skill : Skill.values()) {
            Command command = new Command(
                    Tools.ask(config, "get-account-linking-info", "-s", skillId(skill), "-g", STAGE_DEVELOPMENT),
                    host.root(),
                    Tools.ASK_ENV,
                    Command.Output.CAPTURE,
                    false,
                    "{\"accountLinkingResponse\": {\"redirectUrls\": [\"<return URLs of your developer account>\"]}}");
            urls.addAll(Smapi.redirectUrls(progress.exec(command).stdout()));
        }
        StackOutputs here = state.regions().get(config.region().awsRegion());
        progress.line("");
        progress.line((dryRun ? "Dry run finished: nothing was changed." : "Deployed.") + " Stage " + config.stage()
                + ": music skill " + skillId(Skill.MUSIC) + ", control skill " + skillId(Skill.CONTROL) + ", stack "
                + config.stackName() + " in "
                + String.join(", ", state.regions().keySet()) + ".");
        NextSteps.print(progress, urls, state.regions(), here, config.alarmEmail());
    }

    private String importPackage(Skill skill, String skillId, Path zip) throws StepFailure, IOException {
        int step = skillId == null ? stepOf(Step.CreateSkill.class, skill) : stepOf(Step.UpdateSkill.class, skill);
        return skillImport.run(skill, skillId, zip, step, this::saveNewSkillId);
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
        return Manifests.JSON.readTree(
                Files.readString(skill.source(host.root()).resolve("skill.json")));
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
