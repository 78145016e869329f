package io.musicassistant.alexa.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two CLIs, fetched from npm by npx at pinned versions, so a machine needs only node besides
 * the JDK and Maven.
 */
final class Tools {

    static final String CDK_PACKAGE = "aws-cdk@2.1148.1";
    static final String ASK_PACKAGE = "ask-cli@2.30.7";
    /**
     * ask-cli 2.30.7 needs antlr4ts ^0.5.0-alpha.4 (through @alexa/acdl). npm resolves that range to
     * 0.5.0-dev, whose XPathLexer fails on load ("Class extends value undefined"), so every ask
     * command dies before it starts; naming alpha.4 beside it makes npx install the version that works.
     */
    static final String ANTLR4TS_PACKAGE = "antlr4ts@0.5.0-alpha.4";

    static final String CDK_LOCAL_PACKAGE = "aws-cdk-local@3.0.4";

    /** ASK CLI: no usage metrics sent to Amazon from deploy runs. */
    static final Map<String, String> ASK_ENV = Map.of("ASK_SHARE_USAGE", "false");

    private Tools() {}

    /** {@code ask smapi <subcommand> <args> [-p profile]}. */
    static List<String> ask(DeployConfig config, String subcommand, String... args) {
        List<String> argv = new ArrayList<>(List.of(
                "npx", "--yes", "--package", ASK_PACKAGE, "--package", ANTLR4TS_PACKAGE, "ask", "smapi", subcommand));
        argv.addAll(List.of(args));
        // With its credentials in the environment the ASK CLI must not be given a profile: an
        // explicit one would be looked up in ~/.ask/cli_config instead.
        if (!config.askFromEnvironment()) {
            argv.addAll(List.of("-p", config.askProfile()));
        }
        return argv;
    }

    static List<String> cdk(String... args) {
        List<String> argv = new ArrayList<>(List.of("npx", "--yes", CDK_PACKAGE));
        argv.addAll(List.of(args));
        return argv;
    }

    static List<String> cdklocal(String... args) {
        List<String> argv = new ArrayList<>(
                List.of("npx", "--yes", "--package", CDK_LOCAL_PACKAGE, "--package", CDK_PACKAGE, "cdklocal"));
        argv.addAll(List.of(args));
        return argv;
    }

    /** What the CDK CLI and the app it runs are told of the region (a mutable copy, for additions). */
    static Map<String, String> cdkEnvironment(String region) {
        return new HashMap<>(Map.of(
                "AWS_REGION",
                region,
                "AWS_DEFAULT_REGION",
                region,
                "CDK_DEFAULT_REGION",
                region,
                // synthesis runs jsii on this node; its notice about deprecated node versions is noise here
                "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION",
                "true"));
    }

    /** Builds the Lambda jar and the CDK app, and installs them where the app's {@code mvn exec:java} finds them. */
    static List<String> build() {
        return List.of(
                "mvn", "-B", "-q", "-Dstyle.color=never", "-pl", "infrastructure", "-am", "install", "-DskipTests");
    }
}
