package io.musicassistant.alexa.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * SMAPI's package import through the ASK CLI, for creating a skill and for updating it; polls the
 * import until it ends.
 */
final class SkillImport {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    // Imports with voice models take a minute or two; 15 minutes means something is wrong at Amazon.
    static final int MAX_POLLS = 180;

    /** Told a new skill's id the moment SMAPI names it, even if its import then fails. */
    @FunctionalInterface
    interface NewSkillId {
        void named(Skill skill, String id) throws IOException;
    }

    private final DeployConfig config;
    private final Host host;
    private final Runner runner;
    private final Redactor redactor;
    private final Progress progress;
    private final Pause pause;

    SkillImport(DeployConfig config, Host host, Runner runner, Redactor redactor, Progress progress, Pause pause) {
        this.config = config;
        this.host = host;
        this.runner = runner;
        this.redactor = redactor;
        this.progress = progress;
        this.pause = pause;
    }

    /**
     * SMAPI's package import: create-upload-url, PUT the zip to it, create-skill-package (new skill)
     * or import-skill-package, then get-import-status until it ends.
     *
     * @param step the plan's number of the step importing it
     * @return the skill's id
     */
    String run(Skill skill, String skillId, Path zip, int step, NewSkillId newSkillId) throws StepFailure, IOException {
        Runner.Result upload = progress.exec(new Command(
                Tools.ask(config, "create-upload-url"),
                host.root(),
                Tools.ASK_ENV,
                Command.Output.CAPTURE,
                false,
                "{\"uploadUrl\": \"<presigned upload URL from create-upload-url>\"}"));
        String uploadUrl = Smapi.uploadUrl(upload.stdout());
        redactor.add(uploadUrl); // a presigned URL is a credential to write the package
        progress.detail("PUT " + host.show(zip) + " → " + uploadUrl + " (HTTPS, from this JVM)");
        runner.upload(uploadUrl, zip);
        List<String> importArgs = skillId == null
                ? List.of("--location", uploadUrl, "--full-response")
                : List.of("-s", skillId, "--location", uploadUrl, "--full-response");
        String subcommand = skillId == null ? "create-skill-package" : "import-skill-package";
        Runner.Result started = progress.exec(
                new Command(
                        Tools.ask(config, subcommand, importArgs.toArray(String[]::new)),
                        host.root(),
                        Tools.ASK_ENV,
                        Command.Output.CAPTURE,
                        false,
                        "{\"body\": {}, \"headers\": {\"location\": \"/v1/skills/imports/<import id>\"}, \"statusCode\": 202}"));
        String importId = Smapi.importId(started.stdout(), subcommand);
        String placeholderId = "<" + skill.title() + " id from step " + step + ">";
        Command status = new Command(
                Tools.ask(config, "get-import-status", "--import-id", importId),
                host.root(),
                Tools.ASK_ENV,
                Command.Output.CAPTURE,
                false,
                "{\"status\": \"SUCCEEDED\", \"skill\": {\"skillId\": \"" + (skillId == null ? placeholderId : skillId)
                        + "\", \"resources\": []}}");
        Smapi.ImportStatus result = poll(status, skillId == null ? skill : null, newSkillId);
        String id = result.skillId() != null ? result.skillId() : skillId;
        result.warnings().forEach(w -> progress.warn("SMAPI: " + w));
        if (!result.succeeded()) {
            throw new StepFailure("the import of the " + skill.title() + " package ended " + result.status() + ":\n    "
                    + String.join(
                            "\n    ",
                            result.problems().isEmpty() ? List.of("(SMAPI gave no reason)") : result.problems()));
        }
        if (id == null) {
            throw new StepFailure("the import succeeded but SMAPI named no skill id");
        }
        return id;
    }

    /** @param creating the skill this import creates (its id is saved as soon as it is named), or null */
    private Smapi.ImportStatus poll(Command status, Skill creating, NewSkillId newSkillId)
            throws StepFailure, IOException {
        for (int attempt = 1; attempt <= MAX_POLLS; attempt++) {
            Runner.Result answer = attempt == 1 ? progress.exec(status) : progress.runQuietly(status);
            Smapi.ImportStatus result = Smapi.importStatus(answer.stdout());
            if (creating != null && result.skillId() != null) {
                newSkillId.named(creating, result.skillId());
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
        throw new StepFailure(
                "the import did not finish in " + MAX_POLLS * POLL_INTERVAL.toSeconds() + " s",
                status.display(redactor),
                null,
                List.of());
    }
}
