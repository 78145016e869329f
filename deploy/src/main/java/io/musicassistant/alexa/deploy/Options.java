package io.musicassistant.alexa.deploy;

import io.musicassistant.alexa.stack.AlexaRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command line.
 *
 * @param dryRun print the plan and every command, change nothing, need no account
 * @param synth with {@code dryRun}: also run the local build and {@code cdk synth}
 * @param localstack deploy the stack into a running LocalStack instead (scripts/localstack-deploy)
 * @param region the AWS region, one of {@link AlexaRegion}'s
 * @param stage names the deployment: its state file, stack name suffix and default table prefix
 * @param skipBuild use the jars already built
 * @param configFile a properties file with the configuration keys, or null
 * @param help print the usage and stop
 * @param reauthorizeCatalogs ask the developer to sign in for the catalog build's SMAPI access even if
 *     the stack's secret already holds credentials (a revoked or lost token)
 */
record Options(
        boolean dryRun,
        boolean synth,
        boolean localstack,
        AlexaRegion region,
        String stage,
        boolean skipBuild,
        Path configFile,
        boolean help,
        boolean reauthorizeCatalogs) {

    static final String DEFAULT_STAGE = "prod";
    // Short and plain: it becomes part of a stack name and a table prefix of at most 25 characters.
    private static final Pattern STAGE = Pattern.compile("[a-z][a-z0-9]{0,14}");

    static final String USAGE = """
            usage: scripts/deploy [--dry-run [--synth]] [--region us-east-1|eu-west-1|us-west-2] [--stage NAME]
                                  [--skip-build] [--config FILE] [--reauthorize-catalogs]
                   scripts/localstack-deploy [--dry-run] [--region REGION] [--skip-build]

              --dry-run     print every step and command, change nothing; needs no account
              --synth       with --dry-run: also build and run cdk synth locally
              --region      AWS region of the stack: us-east-1 (Alexa NA, default), eu-west-1 (EU), us-west-2 (FE)
              --stage       deployment name (default prod); state in .deploy/<stage>.json
              --skip-build  use lambda/target/ma-alexa-lambda.jar and the compiled CDK app as they are
              --config      properties file with LWA_CLIENT_ID, LWA_CLIENT_SECRET, ... (the environment wins)
              --reauthorize-catalogs  sign in again for the catalog build's SMAPI access (a revoked token)

            Configuration (environment or --config): LWA_CLIENT_ID, LWA_CLIENT_SECRET (required), ASK_PROFILE,
            AWS_PROFILE, PRIVACY_POLICY_URL, TERMS_OF_USE_URL, ALARM_EMAIL, FALLBACK_ART_URL, TABLE_PREFIX,
            SMAPI_CLIENT_ID, SMAPI_CLIENT_SECRET, SMAPI_REFRESH_TOKEN.
            Details: docs/deployment.md""";

    /** Options that are on when named; {@code --skip-build=false} is refused rather than read as on. */
    private static final Set<String> FLAGS =
            Set.of("--dry-run", "--synth", "--localstack", "--skip-build", "-h", "--help", "--reauthorize-catalogs");

    static Options parse(List<String> args) {
        boolean dryRun = false;
        boolean synth = false;
        boolean localstack = false;
        boolean skipBuild = false;
        boolean help = false;
        boolean reauthorize = false;
        String region = AlexaRegion.NA.awsRegion();
        String stage = DEFAULT_STAGE;
        Path config = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            if (inline != null && FLAGS.contains(name)) {
                throw new UsageException(name + " takes no value (got " + arg + ")");
            }
            switch (name) {
                case "--dry-run" -> dryRun = true;
                case "--synth" -> synth = true;
                case "--localstack" -> localstack = true;
                case "--skip-build" -> skipBuild = true;
                case "-h", "--help" -> help = true;
                case "--reauthorize-catalogs" -> reauthorize = true;
                case "--region", "--stage", "--config" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    switch (name) {
                        case "--region" -> region = value;
                        case "--stage" -> stage = value;
                        default -> config = Path.of(value);
                    }
                }
                default -> throw new UsageException("unknown argument: " + arg);
            }
        }
        String chosen = region;
        AlexaRegion alexaRegion = AlexaRegion.ofAwsRegion(region)
                .orElseThrow(() -> new UsageException("--region must be one of " + AlexaRegion.choices()
                        + " (Alexa calls smart-home skills only there); got " + chosen));
        if (!STAGE.matcher(stage).matches()) {
            throw new UsageException(
                    "--stage must be 1-15 lower-case letters and digits, starting with a letter; got " + stage);
        }
        if (synth && !dryRun) {
            throw new UsageException("--synth goes with --dry-run (a real deploy synthesises anyway)");
        }
        if (localstack && (config != null || !stage.equals(DEFAULT_STAGE) || synth || reauthorize)) {
            throw new UsageException("--localstack takes only --dry-run, --region and --skip-build");
        }
        return new Options(dryRun, synth, localstack, alexaRegion, stage, skipBuild, config, help, reauthorize);
    }
}
