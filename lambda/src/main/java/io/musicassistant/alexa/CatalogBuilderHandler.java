package io.musicassistant.alexa;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.catalog.AthenaMerge;
import io.musicassistant.alexa.catalog.BuildReport;
import io.musicassistant.alexa.catalog.CatalogBuild;
import io.musicassistant.alexa.catalog.CatalogLocale;
import io.musicassistant.alexa.catalog.CatalogStore;
import io.musicassistant.alexa.catalog.MergeEngine;
import io.musicassistant.alexa.catalog.MergeQuery;
import io.musicassistant.alexa.catalog.smapi.SmapiClient;
import io.musicassistant.alexa.catalog.smapi.SmapiCredentials;
import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.AwsClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * AWS Lambda entry point of the catalog build, run hourly by the schedule:
 * {@code io.musicassistant.alexa.CatalogBuilderHandler::handleRequest}. An event
 * {@code {"force": true}} builds even when no snapshot changed. Answers the build's report.
 */
public final class CatalogBuilderHandler implements RequestStreamHandler {

    private static final JsonLog LOG = JsonLog.get(CatalogBuilderHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input.readNBytes(64 * 1024));
        boolean force = event != null && event.path("force").asBoolean(false);
        Map<String, String> env = System.getenv();
        Region region = Region.of(required(env, "AWS_REGION"));
        AwsCredentialsProvider credentials = AwsClients.credentials(false, env);
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        try (S3Client s3 = S3Client.builder()
                        .region(region)
                        .credentialsProvider(credentials)
                        .httpClient(http)
                        .build();
                AthenaClient athena = AthenaClient.builder()
                        .region(region)
                        .credentialsProvider(credentials)
                        .httpClient(http)
                        .build();
                SecretsManagerClient secrets = SecretsManagerClient.builder()
                        .region(region)
                        .credentialsProvider(credentials)
                        .httpClient(http)
                        .build()) {
            JsonNode smapiSecret =
                    JSON.readTree(secrets.getSecretValue(b -> b.secretId(required(env, "SMAPI_SECRET_ARN")))
                            .secretString());
            SmapiCredentials smapiCredentials = new SmapiCredentials(
                    smapiSecret.path("client_id").asText(null),
                    smapiSecret.path("client_secret").asText(null),
                    smapiSecret.path("refresh_token").asText(null),
                    smapiSecret.path("vendor_id").asText(null));
            SmapiClient smapi = new SmapiClient(
                    URI.create(env.getOrDefault("SMAPI_URL", "https://api.amazonalexa.com")),
                    URI.create(env.getOrDefault("LWA_TOKEN_URL", "https://api.amazon.com/auth/o2/token")),
                    smapiCredentials,
                    Clock.systemUTC(),
                    Duration.ofSeconds(20));
            MergeEngine engine = new AthenaMerge(
                    athena,
                    s3,
                    required(env, "ATHENA_WORKGROUP"),
                    required(env, "GLUE_DATABASE"),
                    required(env, "QUERY_RESULTS_BUCKET"),
                    Duration.ofMinutes(8));
            CatalogBuild.Settings settings = new CatalogBuild.Settings(
                    required(env, "MUSIC_SKILL_ID"),
                    CatalogLocale.parse(required(env, "CATALOG_LOCALES")),
                    MergeQuery.withDefaultCaps(),
                    env.getOrDefault("CATALOG_TITLE", "Music Assistant"),
                    // Lambda stops at 15 minutes; what is still resolving then is checked by the next run's report.
                    Duration.ofMinutes(3),
                    Duration.ofSeconds(10),
                    enablementCycle(env.get("CATALOG_ENABLEMENT_CYCLE_H")));
            BuildReport report = new CatalogBuild(
                            new CatalogStore(s3, required(env, "CATALOG_BUCKET")),
                            engine,
                            smapi,
                            settings,
                            Clock.systemUTC(),
                            Files.createTempDirectory("catalog-build"),
                            message -> LOG.info("catalog.progress", "step", message))
                    .run(force);
            LOG.info(
                    "catalog.built",
                    "homes",
                    report.homes(),
                    "skipped",
                    report.wasSkipped(),
                    "failed",
                    report.failed());
            output.write(report.toJson().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Hours between enablement cycles of a development skill; absent, empty or 0: a published skill, never. */
    static Duration enablementCycle(String hours) {
        if (hours == null || hours.isBlank() || hours.strip().equals("0")) {
            return null;
        }
        int h = Integer.parseInt(hours.strip());
        if (h < 1 || h > 168) {
            throw new IllegalStateException("CATALOG_ENABLEMENT_CYCLE_H must be 0 (off) or 1..168");
        }
        return Duration.ofHours(h);
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set for the catalog build");
        }
        return value;
    }
}
