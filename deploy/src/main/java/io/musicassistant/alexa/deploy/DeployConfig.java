package io.musicassistant.alexa.deploy;

import io.musicassistant.alexa.stack.AlexaRegion;
import io.musicassistant.alexa.stack.StackRules;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a deployment is told, from the environment or a properties file ({@code --config}); the
 * environment wins, so a file can hold the defaults and a CI job override one key.
 *
 * @param region the AWS region deployed to this run
 * @param stage the deployment's name
 * @param lwaClientId the Login-with-Amazon security profile's client id, or null
 * @param lwaClientSecret its secret, or null
 * @param askProfile the ASK CLI profile
 * @param askFromEnvironment whether the ASK CLI takes its credentials from the environment
 *     (ASK_REFRESH_TOKEN or ASK_ACCESS_TOKEN, ASK_VENDOR_ID, AWS keys) instead of a profile
 * @param awsProfile AWS_PROFILE, or null for the default credentials
 * @param privacyPolicyUrl the skills' privacy policy, or null (the manifest keys are removed)
 * @param termsOfUseUrl the skills' terms of use, or null
 * @param alarmEmail where the stack's alarms are mailed, or null
 * @param fallbackArtUrl art for content without its own, or null
 * @param tablePrefix prefix of the stack's table, function and secret names
 * @param smapiClientId the security profile the catalog build calls SMAPI with, or null for the LWA one
 * @param smapiClientSecret its secret, or null (with the LWA profile: its secret)
 * @param smapiRefreshToken a refresh token of that profile with the catalog scopes, obtained before
 *     (CI, a machine without a browser), or null: the deploy asks the developer to sign in
 */
record DeployConfig(
        AlexaRegion region,
        String stage,
        String lwaClientId,
        Secret lwaClientSecret,
        String askProfile,
        boolean askFromEnvironment,
        String awsProfile,
        String privacyPolicyUrl,
        String termsOfUseUrl,
        String alarmEmail,
        String fallbackArtUrl,
        String tablePrefix,
        String smapiClientId,
        Secret smapiClientSecret,
        Secret smapiRefreshToken) {

    static final List<String> KEYS = List.of(
            "LWA_CLIENT_ID",
            "LWA_CLIENT_SECRET",
            "ASK_PROFILE",
            "AWS_PROFILE",
            "PRIVACY_POLICY_URL",
            "TERMS_OF_USE_URL",
            "ALARM_EMAIL",
            "FALLBACK_ART_URL",
            "TABLE_PREFIX",
            "SMAPI_CLIENT_ID",
            "SMAPI_CLIENT_SECRET",
            "SMAPI_REFRESH_TOKEN");
    /** Keys whose values are secrets: masked everywhere, kept from child processes, in owner-only files only. */
    static final List<String> SECRET_KEYS = List.of("LWA_CLIENT_SECRET", "SMAPI_CLIENT_SECRET", "SMAPI_REFRESH_TOKEN");

    static DeployConfig load(Options options, Host host) {
        Map<String, String> values = new LinkedHashMap<>();
        if (options.configFile() != null) {
            values.putAll(readProperties(options.configFile()));
        }
        for (String key : KEYS) {
            host.variable(key).ifPresent(value -> values.put(key, value));
        }
        String secret = values.get("LWA_CLIENT_SECRET");
        return new DeployConfig(
                options.region(),
                options.stage(),
                values.get("LWA_CLIENT_ID"),
                secret == null ? null : new Secret(secret),
                values.getOrDefault("ASK_PROFILE", "default"),
                askCredentialsInEnvironment(host),
                values.get("AWS_PROFILE"),
                values.get("PRIVACY_POLICY_URL"),
                values.get("TERMS_OF_USE_URL"),
                values.get("ALARM_EMAIL"),
                values.get("FALLBACK_ART_URL"),
                values.getOrDefault("TABLE_PREFIX", defaultTablePrefix(options.stage())),
                values.get("SMAPI_CLIENT_ID"),
                secret(values.get("SMAPI_CLIENT_SECRET")),
                secret(values.get("SMAPI_REFRESH_TOKEN")));
    }

    /** Without the SMAPI keys (tests, and callers that do not care about the catalog build). */
    DeployConfig(
            AlexaRegion region,
            String stage,
            String lwaClientId,
            Secret lwaClientSecret,
            String askProfile,
            boolean askFromEnvironment,
            String awsProfile,
            String privacyPolicyUrl,
            String termsOfUseUrl,
            String alarmEmail,
            String fallbackArtUrl,
            String tablePrefix) {
        this(
                region,
                stage,
                lwaClientId,
                lwaClientSecret,
                askProfile,
                askFromEnvironment,
                awsProfile,
                privacyPolicyUrl,
                termsOfUseUrl,
                alarmEmail,
                fallbackArtUrl,
                tablePrefix,
                null,
                null,
                null);
    }

    /** The client the catalog build refreshes its token with: SMAPI_CLIENT_ID, else the LWA security profile. */
    String catalogClientId() {
        return smapiClientId != null ? smapiClientId : lwaClientId;
    }

    Secret catalogClientSecret() {
        return smapiClientId != null ? smapiClientSecret : lwaClientSecret;
    }

    private static Secret secret(String value) {
        return value == null ? null : new Secret(value);
    }

    /**
     * Tables are named and kept when a stack is deleted, so two stages in one account and region
     * must not share a prefix: stages other than prod get their own.
     */
    static String defaultTablePrefix(String stage) {
        return stage.equals(Options.DEFAULT_STAGE)
                ? StackRules.DEFAULT_TABLE_PREFIX
                : StackRules.DEFAULT_TABLE_PREFIX + stage + "-";
    }

    String stackName() {
        return stage.equals(Options.DEFAULT_STAGE)
                ? StackRules.DEFAULT_STACK_NAME
                : StackRules.DEFAULT_STACK_NAME + "-" + stage;
    }

    /** The same configuration with stand-ins for what is missing, so a dry run can show every command. */
    DeployConfig withPlaceholders() {
        return new DeployConfig(
                region,
                stage,
                lwaClientId == null ? "<LWA_CLIENT_ID>" : lwaClientId,
                lwaClientSecret == null ? new Secret("<LWA_CLIENT_SECRET>") : lwaClientSecret,
                askProfile,
                askFromEnvironment,
                awsProfile,
                privacyPolicyUrl,
                termsOfUseUrl,
                alarmEmail,
                fallbackArtUrl,
                tablePrefix,
                smapiClientId,
                smapiClientId != null && smapiClientSecret == null
                        ? new Secret("<SMAPI_CLIENT_SECRET>")
                        : smapiClientSecret,
                smapiRefreshToken);
    }

    /** The ASK CLI's own rule (ask-cli 2.30.7, profile-helper.isEnvProfile). */
    static boolean askCredentialsInEnvironment(Host host) {
        return host.variable("AWS_ACCESS_KEY_ID").isPresent()
                && host.variable("AWS_SECRET_ACCESS_KEY").isPresent()
                && (host.variable("ASK_REFRESH_TOKEN").isPresent()
                        || host.variable("ASK_ACCESS_TOKEN").isPresent())
                && host.variable("ASK_VENDOR_ID").isPresent();
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed backslash-u escape in the file
            throw new UsageException("cannot read --config " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!KEYS.contains(name)) {
                throw new UsageException("unknown key " + name + " in " + file + "; known: " + String.join(", ", KEYS));
            }
            String value = properties.getProperty(name).strip();
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        }
        return values;
    }
}
