package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.stack.StackRules;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a real deploy needs before it may change anything, each missing piece as one line. It calls
 * no AWS or Amazon API: credentials are checked for presence only (the first command that uses
 * them is the test of their worth).
 */
final class Preflight {

    static final int MIN_JAVA = 21;
    static final int MIN_NODE = 18;
    // The context's formats are the stack's own (StackRules), checked here before any skill exists.
    private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");
    private static final Pattern NODE_VERSION = Pattern.compile("v?(\\d+)\\.");

    private Preflight() {}

    /**
     * @param probe runs {@code node --version}, the one local command the checks need
     */
    static List<String> problems(Options options, DeployConfig config, Host host, Runner probe) {
        List<String> problems = new ArrayList<>();
        java(host).ifPresent(problems::add);
        tools(host, probe, problems);
        aws(config, host).ifPresent(problems::add);
        ask(config, host).ifPresent(problems::add);
        lwa(config, problems);
        smapi(config, problems);
        optional(config, problems);
        if (options.skipBuild()) {
            built(host, problems);
        }
        configFile(options, problems);
        return problems;
    }

    private static Optional<String> java(Host host) {
        Optional<String> javaHomeVar = host.variable("JAVA_HOME");
        Path home = javaHomeVar.map(Path::of).orElse(host.runtimeJavaHome());
        String name = javaHomeVar.isPresent() ? "JAVA_HOME=" + home : "the JDK at " + home;
        if (!Files.isRegularFile(home.resolve("bin").resolve("javac"))) {
            return Optional.of(name + " is not a JDK (no bin/javac); a JDK " + MIN_JAVA + " or newer is needed");
        }
        int major = javaMajor(home);
        if (major < MIN_JAVA) {
            return Optional.of(name + " is Java " + (major == 0 ? "of unknown version" : major) + "; a JDK " + MIN_JAVA
                    + " or newer is needed (set JAVA_HOME)");
        }
        return Optional.empty();
    }

    /** From the JDK's {@code release} file, so no process is started; 0 when it cannot tell. */
    static int javaMajor(Path javaHome) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            if (m.find()) {
                int first = Integer.parseInt(m.group(1));
                return first == 1 ? 8 : first; // "1.8.0" style before Java 9
            }
        } catch (IOException | NumberFormatException e) {
            // unknown below
        }
        return 0;
    }

    private static void tools(Host host, Runner probe, List<String> problems) {
        if (host.which("mvn").isEmpty()) {
            problems.add("mvn is not on PATH: Apache Maven 3.8+ is needed (Debian: apt-get install maven)");
        }
        if (host.which("npx").isEmpty()) {
            problems.add(
                    "npx is not on PATH: it comes with Node.js " + MIN_NODE + "+ and fetches the CDK and ASK CLIs");
        }
        Optional<Path> node = host.which("node");
        if (node.isEmpty()) {
            problems.add("node is not on PATH: Node.js " + MIN_NODE + " or newer is needed (CDK, ASK CLI, jsii)");
            return;
        }
        try {
            Runner.Result result = probe.run(new Command(
                    List.of(node.get().toString(), "--version"),
                    host.root(),
                    Map.of(),
                    Command.Output.CAPTURE,
                    true,
                    "v" + MIN_NODE + ".0.0"));
            Matcher m = NODE_VERSION.matcher(result.stdout().strip());
            int major = m.lookingAt() ? Integer.parseInt(m.group(1)) : 0;
            if (!result.ok() || major < MIN_NODE) {
                problems.add("node is " + (major == 0 ? "of unknown version" : "version " + major) + "; Node.js "
                        + MIN_NODE + " or newer is needed");
            }
        } catch (IOException e) {
            problems.add("node --version failed: " + e.getMessage());
        }
    }

    private static Optional<String> aws(DeployConfig config, Host host) {
        if (host.variable("AWS_ACCESS_KEY_ID").isPresent()) {
            return host.variable("AWS_SECRET_ACCESS_KEY").isPresent()
                    ? Optional.empty()
                    : Optional.of("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
        }
        if (host.variable("AWS_WEB_IDENTITY_TOKEN_FILE").isPresent()
                || host.variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()
                || host.variable("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return Optional.empty();
        }
        Path credentials = host.variable("AWS_SHARED_CREDENTIALS_FILE")
                .map(Path::of)
                .orElse(host.home().resolve(".aws").resolve("credentials"));
        Path configFile = host.variable("AWS_CONFIG_FILE")
                .map(Path::of)
                .orElse(host.home().resolve(".aws").resolve("config"));
        String profile = config.awsProfile() != null ? config.awsProfile() : "default";
        boolean found = hasSection(credentials, "[" + profile + "]")
                || hasSection(configFile, profile.equals("default") ? "[default]" : "[profile " + profile + "]");
        if (found) {
            return Optional.empty();
        }
        return Optional.of(
                config.awsProfile() != null
                        ? "AWS_PROFILE=" + profile + " is in neither " + credentials + " nor " + configFile
                        : "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run aws configure"
                                + " (" + credentials + ")");
    }

    private static boolean hasSection(Path file, String header) {
        try {
            return Files.isRegularFile(file)
                    && Files.readAllLines(file).stream().anyMatch(l -> l.strip().equals(header));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> ask(DeployConfig config, Host host) {
        if (config.askFromEnvironment()) {
            return Optional.empty();
        }
        Path cliConfig = host.home().resolve(".ask").resolve("cli_config");
        String configure = "npx --yes --package " + Tools.ASK_PACKAGE + " --package " + Tools.ANTLR4TS_PACKAGE
                + " ask configure --profile " + config.askProfile();
        if (!Files.isRegularFile(cliConfig)) {
            return Optional.of("the ASK CLI is not configured: " + cliConfig + " is missing (run: " + configure + ")");
        }
        try {
            JsonNode profile =
                    Manifests.JSON.readTree(cliConfig.toFile()).path("profiles").path(config.askProfile());
            if (profile.isMissingNode()) {
                return Optional.of(
                        "ASK_PROFILE " + config.askProfile() + " is not in " + cliConfig + " (run: " + configure + ")");
            }
            if (profile.path("vendor_id").asText("").isBlank()) {
                return Optional.of("ASK profile " + config.askProfile() + " in " + cliConfig
                        + " has no vendor_id (run: " + configure + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(cliConfig + " is not readable JSON (run: " + configure + ")");
        }
    }

    private static void lwa(DeployConfig config, List<String> problems) {
        if (config.lwaClientId() == null) {
            problems.add("LWA_CLIENT_ID is not set: the client id of your Login-with-Amazon security profile"
                    + " (docs/deployment.md#login-with-amazon-security-profile)");
        } else if (!StackRules.LWA_CLIENT_ID.matcher(config.lwaClientId()).matches()) {
            problems.add("LWA_CLIENT_ID does not look like a security profile's client id ("
                    + StackRules.LWA_CLIENT_PREFIX + "…): " + config.lwaClientId());
        }
        if (config.lwaClientSecret() == null) {
            problems.add("LWA_CLIENT_SECRET is not set: the client secret of the same security profile");
        } else if (config.lwaClientSecret().value().length() < 16
                || config.lwaClientSecret().value().matches(".*\\s.*")) {
            // never quoted: a near-miss is still a secret
            problems.add("LWA_CLIENT_SECRET does not look like a client secret (too short or with spaces)");
        }
    }

    /** The catalog build's SMAPI client: the LWA profile unless SMAPI_CLIENT_ID names another (with its secret). */
    private static void smapi(DeployConfig config, List<String> problems) {
        if (config.smapiClientId() != null) {
            if (!StackRules.LWA_CLIENT_ID.matcher(config.smapiClientId()).matches()) {
                problems.add("SMAPI_CLIENT_ID does not look like a security profile's client id ("
                        + StackRules.LWA_CLIENT_PREFIX + "…): " + config.smapiClientId());
            }
            if (config.smapiClientSecret() == null) {
                problems.add("SMAPI_CLIENT_ID is set but SMAPI_CLIENT_SECRET is not: the catalog build needs both");
            }
        } else if (config.smapiClientSecret() != null) {
            problems.add(
                    "SMAPI_CLIENT_SECRET is set without SMAPI_CLIENT_ID (without both the LWA security profile is used)");
        }
        if (config.smapiClientSecret() != null
                && (config.smapiClientSecret().value().length() < 16
                        || config.smapiClientSecret().value().matches(".*\\s.*"))) {
            problems.add("SMAPI_CLIENT_SECRET does not look like a client secret (too short or with spaces)");
        }
        if (config.smapiRefreshToken() != null
                && !config.smapiRefreshToken().value().matches("Atzr\\|\\S{16,}")) {
            // never quoted: a near-miss is still a secret
            problems.add("SMAPI_REFRESH_TOKEN does not look like a Login with Amazon refresh token (Atzr|…)");
        }
    }

    /** The developer account's vendor id: ASK_VENDOR_ID with credentials in the environment, else the ASK profile's. */
    static Optional<String> vendorId(DeployConfig config, Host host) {
        if (config.askFromEnvironment()) {
            return host.variable("ASK_VENDOR_ID");
        }
        try {
            JsonNode profile = Manifests.JSON
                    .readTree(host.home().resolve(".ask").resolve("cli_config").toFile())
                    .path("profiles")
                    .path(config.askProfile());
            String vendor = profile.path("vendor_id").asText("");
            return vendor.isBlank() ? Optional.empty() : Optional.of(vendor);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void optional(DeployConfig config, List<String> problems) {
        https("PRIVACY_POLICY_URL", config.privacyPolicyUrl(), problems);
        https("TERMS_OF_USE_URL", config.termsOfUseUrl(), problems);
        https("FALLBACK_ART_URL", config.fallbackArtUrl(), problems);
        if (config.alarmEmail() != null
                && !StackRules.EMAIL.matcher(config.alarmEmail()).matches()) {
            problems.add("ALARM_EMAIL is not an e-mail address: " + config.alarmEmail());
        }
        if (!StackRules.TABLE_PREFIX.matcher(config.tablePrefix()).matches()) {
            problems.add(
                    "TABLE_PREFIX must be lower-case letters, digits and dashes, start with a letter, end with a dash and"
                            + " have at most 25 characters: " + config.tablePrefix());
        }
    }

    private static void https(String key, String value, List<String> problems) {
        if (value != null && !value.matches("https://[^\\s]+")) {
            problems.add(key + " must be an https:// URL: " + value);
        }
    }

    private static void built(Host host, List<String> problems) {
        Path jar = host.root().resolve(StackRules.LAMBDA_JAR);
        if (!Files.isRegularFile(jar)) {
            problems.add("--skip-build, but " + host.show(jar) + " is missing (run once without --skip-build)");
        }
        Path classes = host.root().resolve("infrastructure/target/classes");
        if (!Files.isDirectory(classes)) {
            problems.add("--skip-build, but the CDK app is not compiled (" + host.show(classes)
                    + "; run once without --skip-build)");
        }
    }

    /** A properties file with a secret (the LWA or SMAPI ones) should be readable by its owner only. */
    private static void configFile(Options options, List<String> problems) {
        Path file = options.configFile();
        if (file == null) {
            return;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            Properties properties = new Properties();
            properties.load(reader);
            List<String> held = DeployConfig.SECRET_KEYS.stream()
                    .filter(properties::containsKey)
                    .toList();
            if (held.isEmpty()) {
                return;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                problems.add(file + " holds " + String.join(", ", held) + " and others may read it: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not POSIX, or unreadable: DeployConfig has already said so
        }
    }
}
