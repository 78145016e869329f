package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.stack.StackOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one region's stack tells the deploy (its CloudFormation outputs; the names are the contract
 * with infrastructure/'s stack).
 *
 * @param stackName the CloudFormation stack
 * @param musicSkillEndpoint {@code MusicSkillEndpoint}: the music Lambda's alias ARN
 * @param controlSkillEndpoint {@code ControlSkillEndpoint}: the control Lambda's alias ARN
 * @param relayApiUrl {@code RelayApiUrl}: what connectors are given as RELAY_API_URL
 * @param alarmTopicArn {@code AlarmTopicArn}: where the alarms go
 * @param catalogBucket {@code CatalogBucket}: homes' library snapshots (null from a stack before the catalogs)
 * @param smapiSecretArn {@code SmapiSecretArn}: the secret the deploy writes the catalog build's SMAPI
 *     credentials into (null from a stack before the catalogs)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StackOutputs(
        String stackName,
        String musicSkillEndpoint,
        String controlSkillEndpoint,
        String relayApiUrl,
        String alarmTopicArn,
        String catalogBucket,
        String smapiSecretArn) {

    static final List<StackOutput> REQUIRED = List.of(
            StackOutput.MUSIC_SKILL_ENDPOINT,
            StackOutput.CONTROL_SKILL_ENDPOINT,
            StackOutput.RELAY_API_URL,
            StackOutput.ALARM_TOPIC_ARN);

    StackOutputs(
            String stackName,
            String musicSkillEndpoint,
            String controlSkillEndpoint,
            String relayApiUrl,
            String alarmTopicArn) {
        this(stackName, musicSkillEndpoint, controlSkillEndpoint, relayApiUrl, alarmTopicArn, null, null);
    }

    /** Reads the file {@code cdk deploy --outputs-file} wrote: {@code {"<stack>": {"<output>": "<value>"}}}. */
    static StackOutputs read(Path file, String stackName) throws IOException {
        JsonNode outputs = Manifests.JSON.readTree(Files.readString(file)).path(stackName);
        List<String> missing = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (StackOutput output : REQUIRED) {
            String value = outputs.path(output.id()).asText("");
            if (value.isBlank()) {
                missing.add(output.id());
            }
            values.add(value);
        }
        if (!missing.isEmpty()) {
            throw new IOException(file.getFileName() + " lacks the stack output(s) " + String.join(", ", missing)
                    + " of " + stackName);
        }
        // Read when there (the catalog step needs the secret's; it says so if the stack lacks it).
        return new StackOutputs(
                stackName,
                values.get(0),
                values.get(1),
                values.get(2),
                values.get(3),
                outputs.path(StackOutput.CATALOG_BUCKET.id()).asText(null),
                outputs.path(StackOutput.SMAPI_SECRET_ARN.id()).asText(null));
    }

    /** Stand-ins a dry run uses where the stack's outputs would be. */
    static StackOutputs placeholders(String stackName, int step) {
        return new StackOutputs(
                stackName,
                placeholder(StackOutput.MUSIC_SKILL_ENDPOINT, step),
                placeholder(StackOutput.CONTROL_SKILL_ENDPOINT, step),
                placeholder(StackOutput.RELAY_API_URL, step),
                placeholder(StackOutput.ALARM_TOPIC_ARN, step),
                placeholder(StackOutput.CATALOG_BUCKET, step),
                placeholder(StackOutput.SMAPI_SECRET_ARN, step));
    }

    private static String placeholder(StackOutput output, int step) {
        return "<" + output.id() + " from step " + step + ">";
    }
}
