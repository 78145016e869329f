package io.musicassistant.alexa.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code scripts/deploy}: the whole product in one command: the AWS stack through CDK and both
 * skills through SMAPI (ASK CLI), for a self-hoster or the maintainers (docs/deployment.md).
 * Exit codes: 0 done, 1 a step failed (run again to resume), 2 wrong usage or missing prerequisites.
 */
public final class Deploy {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Deploy() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), Host.current(), System.out, null, Pause.REAL));
    }

    /**
     * @param injected runs every command instead of the real {@link ProcessRunner} (tests: canned
     *     CLI output), or null
     */
    static int run(List<String> args, Host host, PrintStream out, Runner injected, Pause pause) {
        Redactor redactor = new Redactor();
        try {
            Options options = Options.parse(args);
            if (options.help()) {
                out.println(Options.USAGE);
                return OK;
            }
            Runner real = injected != null ? injected : new ProcessRunner(redactor, out);
            if (options.localstack()) {
                return new LocalStackDeploy(
                                options,
                                host,
                                options.dryRun() ? new DryRunRunner(null) : real,
                                redactor,
                                out,
                                LocalStackDeploy::fetch)
                        .run();
            }
            return deploy(options, host, out, real, redactor, pause);
        } catch (UsageException e) {
            out.println("error: " + redactor.redact(e.getMessage()));
            out.println();
            out.println(Options.USAGE);
            return USAGE;
        }
    }

    private static int deploy(
            Options options, Host host, PrintStream out, Runner real, Redactor redactor, Pause pause) {
        DeployConfig config = DeployConfig.load(options, host);
        redactor.add(config.lwaClientSecret());
        redactor.add(config.smapiClientSecret());
        redactor.add(config.smapiRefreshToken());
        // Whatever the ASK CLI or the AWS SDKs might echo of their own credentials stays masked too.
        for (String name :
                List.of("ASK_REFRESH_TOKEN", "ASK_ACCESS_TOKEN", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")) {
            host.variable(name).ifPresent(redactor::add);
        }
        StateStore store = StateStore.forStage(host, options.stage());
        DeployState state;
        try {
            state = store.load();
        } catch (IOException e) {
            out.println("error: cannot read " + host.show(store.file()) + ": " + e.getMessage());
            return USAGE;
        }
        out.println("Music Assistant for Alexa: deploying stage " + options.stage() + " to "
                + options.region().awsRegion() + " (Alexa " + options.region().name() + ": "
                + options.region().serves() + ")");
        if (options.dryRun()) {
            out.println(
                    "Dry run: nothing is changed and no account is used. Commands are printed as they would run, secrets"
                            + " as " + Redactor.MASK + ", values known only later as <…>.");
        }
        List<String> problems = Preflight.problems(options, config, host, real);
        Runner runner = options.dryRun() ? new DryRunRunner(options.synth() ? real : null) : real;
        DeployConfig effective = options.dryRun() ? config.withPlaceholders() : config;
        redactor.add(effective.lwaClientSecret());
        Plan plan = Plan.of(options, effective, state);
        Progress progress = new Progress(out, redactor, runner, plan.steps().size());
        if (!problems.isEmpty() && !options.dryRun()) {
            progress.step(1, plan.steps().getFirst().title());
            problems.forEach(p -> progress.detail("✗ " + p));
            progress.line(
                    "Nothing was changed. Fix the above and run again (--dry-run shows the whole plan without accounts).");
            return USAGE;
        }
        Deployer deployer =
                new Deployer(plan, options.dryRun(), effective, host, runner, redactor, store, state, progress, pause);
        return deployer.run(problems) ? OK : FAILED;
    }
}
